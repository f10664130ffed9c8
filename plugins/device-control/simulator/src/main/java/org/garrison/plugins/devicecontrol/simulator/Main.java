package org.garrison.plugins.devicecontrol.simulator;

import java.time.Clock;

import org.garrison.bridge.client.BridgeClient;

/**
 * {@code java -jar garrison-device-control-simulator-all.jar --data-dir /var/lib/garrison-agent --attach usb-stick}:
 * plays the Device Control application on this device (see {@link SimulatorOptions#USAGE}).
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) throws InterruptedException {
        SimulatorOptions options;
        try {
            options = SimulatorOptions.parse(args);
        } catch (SimulatorOptions.HelpRequested help) {
            System.out.print(SimulatorOptions.USAGE);
            return;
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.print(SimulatorOptions.USAGE);
            System.exit(2);
            return;
        }
        System.out.println("Device Control simulator: bridge " + options.bridge() + ", seed " + options.seed()
                + ", " + options.attach().size() + " devices attached, " + options.cyclesPerMinute()
                + " random attach/detach cycles per minute"
                + (options.duration().isZero() ? "" : ", for " + options.duration().toSeconds() + " s"));
        Simulator simulator = new Simulator(options, new BridgeClient(options.bridge(), options.secretFile()),
                Clock.systemUTC(), System.out);
        Thread main = Thread.currentThread();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            simulator.stop();
            main.interrupt();
            try {
                main.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        Simulator.Stats stats;
        try {
            stats = simulator.run();
        } catch (InterruptedException stoppedByUser) {
            stats = simulator.stats();
        }
        System.out.println("Sent " + stats.reports() + " reports and " + stats.events() + " events; applied "
                + stats.policiesApplied() + " policies; ran " + stats.tasks() + " tasks; " + stats.refused()
                + " calls refused by the agent");
    }
}
