package org.garrison.bench.gateway;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.garrison.agent.identity.EnrollmentToken;
import org.garrison.agent.json.AgentJson;
import org.garrison.agent.simulation.Simulation;
import org.garrison.agent.simulation.SimulationOptions;
import org.garrison.agent.transport.GatewayChannels;

/**
 * Syncs per second of many simulated agents against a running Garrison server, next to the request rate of a
 * trivial Jetty handler behind the same TLS set-up, measured in the same run with the same client code.
 *
 * <pre>
 * java -cp target/classes:target/lib/* org.garrison.bench.gateway.GatewayBench \
 *     https://localhost:8443 https://localhost:13000 ADMIN_PASSWORD [agents] [seconds] [threads] [interval] [spread]
 * </pre>
 */
public final class GatewayBench {

    private static final Pattern PERIOD = Pattern.compile("enrolled (\\d+)/(\\d+) \\| syncs/s ([\\d.]+) \\| "
            + "events/s ([\\d.]+) \\| acknowledged \\d+ \\(\\+(\\d+)\\) \\| sync p50 ([\\d.]+)ms p99 ([\\d.]+)ms");

    private GatewayBench() {
    }

    public static void main(String[] args) throws Exception {
        Locale.setDefault(Locale.ROOT);
        String server = args[0];
        URI gateway = URI.create(args[1]);
        String password = args[2];
        int agents = args.length > 3 ? Integer.parseInt(args[3]) : 10_000;
        Duration measured = Duration.ofSeconds(args.length > 4 ? Long.parseLong(args[4]) : 120);
        int threads = args.length > 5 ? Integer.parseInt(args[5]) : 32;
        Duration interval = Duration.ofSeconds(args.length > 6 ? Long.parseLong(args[6]) : 5);
        Duration spread = Duration.ofSeconds(args.length > 7 ? Long.parseLong(args[7]) : 60);

        ServerApi api = new ServerApi(server);
        api.signIn("admin", password);
        EnrollmentToken token = EnrollmentToken.parse(api.createToken(agents));
        Path folder = Files.createTempDirectory("garrison-gateway-bench");
        System.out.printf("Simulating %,d agents against %s for %s after a %s start spread (%d threads, syncs at "
                + "most every %s)%n", agents, gateway, measured, spread, threads, interval);
        List<String> lines = new ArrayList<>();
        PrintStream out = new PrintStream(new LineTee(lines), true, StandardCharsets.UTF_8);
        Instant started = Instant.now();
        // enrollment takes a while at 10,000 agents: the run lasts until enrollment is over (every agent is in, or
        // none joined for 30 s), then the measured time; only the periods after that count
        Simulation simulation = new Simulation(new SimulationOptions(gateway, token, agents, 42L, spread, interval,
                folder, threads, false, Duration.ofMinutes(30), null),
                GatewayChannels.defaults(AgentJson.newMapper(), "garrison-bench/1"), Clock.systemUTC(), out, "bench");
        Thread running = new Thread(() -> {
            try {
                simulation.run();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "bench-simulation");
        running.start();
        long enrolled = -1;
        Instant lastJoin = Instant.now();
        while (simulation.enrolled() < agents && Duration.between(lastJoin, Instant.now()).toSeconds() < 30) {
            Thread.sleep(1_000);
            if (simulation.enrolled() != enrolled) {
                enrolled = simulation.enrolled();
                lastJoin = Instant.now();
            }
        }
        int measureFrom;
        synchronized (lines) {
            measureFrom = lines.size();
        }
        System.out.printf("-- enrollment over: %,d of %,d agents enrolled; measuring %s --%n", simulation.enrolled(),
                agents, measured);
        Thread.sleep(measured.toMillis() + 10_000);
        simulation.stop();
        running.join();
        Instant ended = Instant.now();

        List<double[]> steady = new ArrayList<>();
        List<String> measuredLines;
        synchronized (lines) {
            measuredLines = List.copyOf(lines.subList(measureFrom, lines.size()));
        }
        for (String line : measuredLines) {
            Matcher m = PERIOD.matcher(line);
            if (m.find() && !line.startsWith("final")) {
                steady.add(new double[] {Double.parseDouble(m.group(3)), Double.parseDouble(m.group(4)),
                    Double.parseDouble(m.group(6)), Double.parseDouble(m.group(7))});
            }
        }
        if (steady.size() > 1) {
            steady.remove(0);
        }
        double syncs = steady.stream().mapToDouble(p -> p[0]).average().orElse(Double.NaN);
        double eventsSent = steady.stream().mapToDouble(p -> p[1]).average().orElse(Double.NaN);
        double p50 = steady.stream().mapToDouble(p -> p[2]).sorted().skip(steady.size() / 2).findFirst().orElse(Double.NaN);
        double p99 = steady.stream().mapToDouble(p -> p[3]).max().orElse(Double.NaN);
        long stored = api.eventsBetween(started.minusSeconds(3600), ended.plusSeconds(60));
        double storedPerSecond = stored / (double) Duration.between(started, ended).toSeconds();

        System.out.printf("%nBaseline: a trivial Jetty handler behind the same TLS, %d connections, 30 s%n", threads);
        BenchAuthority authority = new BenchAuthority();
        BaselineLoad.Result baseline;
        try (BaselineServer trivial = new BaselineServer(authority)) {
            BaselineLoad.run(authority, trivial.port(), threads, Duration.ofSeconds(5));
            baseline = BaselineLoad.run(authority, trivial.port(), threads, Duration.ofSeconds(30));
        }

        System.out.printf("%n| figure | value |%n|---|---|%n");
        System.out.printf("| simulated agents (enrolled) | %,d (%,d) |%n", agents, simulation.enrolled());
        System.out.printf("| steady-state periods measured | %d × 10 s |%n", steady.size());
        System.out.printf("| gateway syncs/s | %,.0f |%n", syncs);
        System.out.printf("| gateway sync p50 / worst period's p99 | %.1f ms / %.1f ms |%n", p50, p99);
        System.out.printf("| events/s sent by the agents | %,.0f |%n", eventsSent);
        System.out.printf("| events stored (whole run) | %,d (%,.0f/s over %d s) |%n", stored, storedPerSecond,
                Duration.between(started, ended).toSeconds());
        System.out.printf("| baseline requests/s | %,.0f (p50 %.1f ms, p99 %.1f ms, errors %d) |%n",
                baseline.requestsPerSecond(), baseline.p50Millis(), baseline.p99Millis(), baseline.errors());
        System.out.printf("| **syncs/s ÷ baseline** | **%.1f %%** (goal ≥ 30 %%) |%n",
                100 * syncs / baseline.requestsPerSecond());
    }

    /** Prints the simulation's lines as they come and keeps them for the summary. */
    private static final class LineTee extends OutputStream {

        private final List<String> lines;
        private final ByteArrayOutputStream current = new ByteArrayOutputStream();

        LineTee(List<String> lines) {
            this.lines = lines;
        }

        @Override
        public synchronized void write(int b) {
            if (b == '\n') {
                String line = current.toString(StandardCharsets.UTF_8);
                current.reset();
                synchronized (lines) {
                    lines.add(line);
                }
                System.out.println(line);
            } else {
                current.write(b);
            }
        }
    }
}
