package org.garrison.bench.gateway;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.LongAdder;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;

import org.garrison.agent.identity.GatewayTls;
import org.garrison.agent.identity.GatewayTrustManager;
import org.garrison.agent.identity.ServerChainVerifier;
import org.garrison.agent.json.AgentJson;
import org.garrison.agent.transport.GatewayChannel;
import org.garrison.agent.transport.GatewayChannels;
import org.garrison.api.agent.SyncRequest;
import org.garrison.api.agent.SyncResponse;

/**
 * Drives the baseline server with the agent's own transport (the same HTTP client, TLS and JSON code the simulated
 * agents use): one keep-alive connection and client certificate per thread, empty sync requests as fast as the
 * answers come.
 */
final class BaselineLoad {

    /** What the load achieved. */
    record Result(double requestsPerSecond, double p50Millis, double p99Millis, long errors) {
    }

    private BaselineLoad() {
    }

    static Result run(BenchAuthority authority, int port, int connections, Duration duration) throws Exception {
        GatewayChannels channels = GatewayChannels.defaults(AgentJson.newMapper(), "garrison-bench/1");
        URI server = URI.create("https://127.0.0.1:" + port);
        List<GatewayChannel> open = new ArrayList<>();
        for (int i = 0; i < connections; i++) {
            open.add(channels.forRequests(server, tls(authority, i)));
        }
        LongAdder errors = new LongAdder();
        long end = System.nanoTime() + duration.toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(connections);
        List<Future<long[]>> results = new ArrayList<>();
        long started = System.nanoTime();
        for (GatewayChannel channel : open) {
            results.add(pool.submit(() -> {
                long[] latencies = new long[1 << 16];
                int count = 0;
                SyncRequest heartbeat = new SyncRequest(List.of(), "bench");
                while (System.nanoTime() < end) {
                    long before = System.nanoTime();
                    try {
                        channel.post("/agent/v1/sync", heartbeat, SyncResponse.class);
                        if (count == latencies.length) {
                            latencies = Arrays.copyOf(latencies, count * 2);
                        }
                        latencies[count++] = System.nanoTime() - before;
                    } catch (Exception e) {
                        errors.increment();
                    }
                }
                return Arrays.copyOf(latencies, count);
            }));
        }
        List<long[]> all = new ArrayList<>();
        for (Future<long[]> result : results) {
            all.add(result.get());
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        pool.shutdown();
        open.forEach(GatewayChannel::close);
        long[] merged = all.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        return new Result(merged.length / seconds, Percentiles.millis(merged, 0.50), Percentiles.millis(merged, 0.99),
                errors.sum());
    }

    private static GatewayTls tls(BenchAuthority authority, int index) throws Exception {
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(authority.client(index), BenchAuthority.PASSWORD);
        GatewayTrustManager trust = new GatewayTrustManager(
                ServerChainVerifier.anchoredIn(List.of(authority.ca()), Clock.systemUTC()));
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys.getKeyManagers(), new TrustManager[] {trust}, null);
        return new GatewayTls(context, trust);
    }
}
