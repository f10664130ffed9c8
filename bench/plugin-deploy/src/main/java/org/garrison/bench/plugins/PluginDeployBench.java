package org.garrison.bench.plugins;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;

import org.garrison.testkit.ApiResponse;
import org.garrison.testkit.GarrisonClient;
import org.garrison.testkit.GarrisonServer;

/**
 * Time from a plugin JAR arriving to its console page being served (issue 7's goal: under 2 s), on a real server:
 * dropped into {@code deploy/} (Karaf's file install finds it, the extender checks and registers it) and uploaded
 * with {@code POST /api/v1/plugins}. Each round uses a new plugin id, with a descriptor, a settings schema and one
 * console page; the clock stops when {@code GET /console/plugins/<id>/page.js} answers 200, polled every 10 ms.
 * The baseline, measured in the same run, is one GET of a page module that is already served: the floor of any
 * round. Arguments: {@code [rounds] [distribution]}.
 */
public final class PluginDeployBench {

    private static final Duration POLL = Duration.ofMillis(10);
    private static final Duration GIVE_UP = Duration.ofSeconds(60);

    private PluginDeployBench() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        Path distribution = Path.of(args.length > 1 ? args[1] : "target/garrison-server.tar.gz");
        try (GarrisonServer server = GarrisonServer.fromDistribution(distribution).start()) {
            GarrisonClient admin = server.admin();
            Path deploy = server.home().resolve("deploy");
            // warm-up: the first plugin pays for class loading in the extender and the console servlet
            String warm = "bench-warm";
            Files.write(deploy.resolve(warm + ".jar"), jar(warm));
            awaitPage(admin, warm);

            List<Long> dropped = new ArrayList<>();
            List<Long> uploaded = new ArrayList<>();
            List<Long> baseline = new ArrayList<>();
            for (int round = 0; round < rounds; round++) {
                String viaDeploy = "bench-deploy-" + round;
                long start = System.nanoTime();
                Files.write(deploy.resolve(viaDeploy + ".jar"), jar(viaDeploy));
                awaitPage(admin, viaDeploy);
                dropped.add(System.nanoTime() - start);

                String viaUpload = "bench-upload-" + round;
                Path file = Files.createTempFile(viaUpload, ".jar");
                Files.write(file, jar(viaUpload));
                start = System.nanoTime();
                admin.installPlugin(file);
                awaitPage(admin, viaUpload);
                uploaded.add(System.nanoTime() - start);
                Files.delete(file);

                start = System.nanoTime();
                admin.get("/console/plugins/" + warm + "/page.js").expect(200);
                baseline.add(System.nanoTime() - start);

                admin.uninstallPlugin(viaDeploy, true);
                admin.uninstallPlugin(viaUpload, true);
            }
            System.out.printf(Locale.ROOT, "%d rounds, goal: page served within 2,000 ms%n", rounds);
            print("baseline: GET of a served page module", baseline, baseline);
            print("JAR dropped into deploy/ -> page served", dropped, baseline);
            print("JAR uploaded (POST /plugins) -> page served", uploaded, baseline);
        }
    }

    private static void awaitPage(GarrisonClient admin, String id) throws InterruptedException {
        long deadline = System.nanoTime() + GIVE_UP.toNanos();
        String path = "/console/plugins/" + id + "/page.js";
        while (true) {
            ApiResponse page = admin.get(path);
            if (page.status() == 200) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("The page of " + id + " was not served within " + GIVE_UP + ": "
                        + page.describe());
            }
            Thread.sleep(POLL.toMillis());
        }
    }

    private static void print(String what, List<Long> nanos, List<Long> baseline) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        double median = sorted.get(sorted.size() / 2) / 1e6;
        double worst = sorted.get(sorted.size() - 1) / 1e6;
        List<Long> base = new ArrayList<>(baseline);
        Collections.sort(base);
        double baseMedian = base.get(base.size() / 2) / 1e6;
        System.out.printf(Locale.ROOT, "%-45s median %8.1f ms  worst %8.1f ms  %7.1f x baseline  %5.1f %% of goal%n",
                what, median, worst, median / baseMedian, worst / 2000 * 100);
    }

    /** A plugin as small as a real one with a page can be: descriptor, settings schema, one console module. */
    static byte[] jar(String id) {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue("Bundle-ManifestVersion", "2");
        main.putValue("Bundle-SymbolicName", "org.garrison.bench." + id.replace('-', '.'));
        main.putValue("Bundle-Version", "1.0.0");
        main.putValue("Garrison-Plugin", id + ";version=1.0.0");
        String descriptor = """
                {"id":"%s","name":"Bench %s","version":"1.0.0",
                 "settingsSchema":"settings.json",
                 "console":[{"kind":"page","id":"page","title":"Bench page","module":"page.js"}]}"""
                .formatted(id, id);
        String schema = """
                {"$schema":"https://json-schema.org/draft/2020-12/schema","type":"object",
                 "properties":{"enabled":{"type":"boolean","default":true}}}""";
        String module = "export function mount(element) { element.textContent = 'bench'; }\n";
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JarOutputStream jar = new JarOutputStream(bytes, manifest)) {
            add(jar, "GARRISON-INF/plugin.json", descriptor);
            add(jar, "GARRISON-INF/schemas/settings.json", schema);
            add(jar, "GARRISON-INF/console/page.js", module);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static void add(JarOutputStream jar, String name, String content) throws IOException {
        jar.putNextEntry(new ZipEntry(name));
        jar.write(content.getBytes(StandardCharsets.UTF_8));
        jar.closeEntry();
    }
}
