package org.garrison.agent.simulation;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

import org.garrison.agent.identity.EnrollmentToken;

/**
 * How to run a simulated fleet.
 *
 * @param server            the gateway
 * @param token             one enrollment token whose maximum uses cover the fleet
 * @param count             the number of simulated agents
 * @param seed              the fleet's seed: the same seed gives the same machines, events and hardware ids
 * @param spread            agents start at random moments over this time
 * @param longestInterval   the longest wait between an agent's syncs, or {@code null} to follow the server
 * @param dataFolder        where each agent keeps its folder ({@code agent-00001}, ...)
 * @param threads           the threads driving the whole fleet
 * @param wake              whether each agent keeps a wake channel open (one thread per agent while it waits)
 * @param inventoryInterval how often each agent collects its inventory
 * @param duration          how long to run, or {@code null} until stopped
 */
public record SimulationOptions(URI server, EnrollmentToken token, int count, long seed, Duration spread,
        Duration longestInterval, Path dataFolder, int threads, boolean wake, Duration inventoryInterval,
        Duration duration) {
}
