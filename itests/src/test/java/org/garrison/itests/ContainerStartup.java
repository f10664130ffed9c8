package org.garrison.itests;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.service.http.runtime.HttpServiceRuntime;
import org.osgi.service.http.runtime.dto.RuntimeDTO;
import org.osgi.service.http.runtime.dto.ServletContextDTO;
import org.osgi.service.jaxrs.runtime.JaxrsServiceRuntime;
import org.osgi.service.jaxrs.runtime.dto.ApplicationDTO;

/**
 * Waits, inside a Pax Exam container, until the REST API answers. The container lives as long as its test class, so
 * the wait is made once: a container whose API never came up fails every later test of the class at once with the
 * same message, instead of waiting again for each. The message says what the container's HTTP and JAX-RS runtimes,
 * its bundles and its log showed, so that a failure seen only on a CI machine can be understood from its output.
 */
final class ContainerStartup {

    private static final int LOG_LINES = 60;

    /** Karaf's own harmless start-up errors (the spec locator's missing class), which would crowd out the rest. */
    private static final Pattern KNOWN_NOISE =
            Pattern.compile("OsgiLocator|FrameworkEvent ERROR|Unable to extract embedded JAR file");

    /** Why the API of this container did not come up, once that is known; a container is one test class. */
    private static volatile String failure;

    private ContainerStartup() {
    }

    /** Waits until each path answers 200, the first within two minutes of the container's start. */
    static void awaitApi(Api api, BundleContext context, String... paths) throws InterruptedException {
        String known = failure;
        if (known != null) {
            throw new AssertionError("The REST API of this container did not come up (see the first test): " + known);
        }
        List<String> all = new ArrayList<>();
        all.add("/api/v1/health");
        all.addAll(Arrays.asList(paths));
        for (String path : all) {
            try {
                api.awaitStatus(path, 200, path.equals("/api/v1/health") ? Duration.ofMinutes(2) : Duration.ofMinutes(1));
            } catch (AssertionError notUp) {
                failure = notUp.getMessage();
                // no cause: Pax Exam reports the innermost exception of a chain, which would drop the diagnosis
                throw new AssertionError(notUp.getMessage() + "\n" + diagnosis(context));
            }
        }
    }

    /** What the container's runtimes, bundles and log show about its web and REST layers. */
    static String diagnosis(BundleContext context) {
        StringBuilder out = new StringBuilder("--- HTTP whiteboard ---\n");
        out.append(httpRuntime(context));
        out.append("--- JAX-RS whiteboard ---\n").append(jaxrsRuntime(context));
        out.append("--- bundles not active ---\n").append(inactiveBundles(context));
        out.append("--- karaf.log (last warnings and errors) ---\n").append(logProblems());
        return out.toString();
    }

    private static String httpRuntime(BundleContext context) {
        ServiceReference<HttpServiceRuntime> reference = context.getServiceReference(HttpServiceRuntime.class);
        if (reference == null) {
            return "no HttpServiceRuntime service\n";
        }
        HttpServiceRuntime runtime = context.getService(reference);
        try {
            RuntimeDTO dto = runtime.getRuntimeDTO();
            StringBuilder out = new StringBuilder();
            for (ServletContextDTO servletContext : dto.servletContextDTOs) {
                out.append("context ").append(servletContext.name).append(" at '").append(servletContext.contextPath)
                        .append("': servlets ").append(Stream.of(servletContext.servletDTOs)
                                .map(s -> s.name + Arrays.toString(s.patterns)).collect(Collectors.joining(", ")))
                        .append('\n');
            }
            Stream.of(dto.failedServletContextDTOs).forEach(f -> out.append("failed context ").append(f.name)
                    .append(" at '").append(f.contextPath).append("' reason ").append(f.failureReason).append('\n'));
            Stream.of(dto.failedServletDTOs).forEach(f -> out.append("failed servlet ").append(f.name)
                    .append(Arrays.toString(f.patterns)).append(" reason ").append(f.failureReason).append('\n'));
            return out.toString();
        } finally {
            context.ungetService(reference);
        }
    }

    private static String jaxrsRuntime(BundleContext context) {
        ServiceReference<JaxrsServiceRuntime> reference = context.getServiceReference(JaxrsServiceRuntime.class);
        if (reference == null) {
            return "no JaxrsServiceRuntime service\n";
        }
        JaxrsServiceRuntime runtime = context.getService(reference);
        try {
            org.osgi.service.jaxrs.runtime.dto.RuntimeDTO dto = runtime.getRuntimeDTO();
            StringBuilder out = new StringBuilder("endpoints ")
                    .append(reference.getProperty("osgi.jaxrs.endpoint")).append('\n');
            out.append(application(dto.defaultApplication));
            Stream.of(dto.applicationDTOs).forEach(a -> out.append(application(a)));
            Stream.of(dto.failedApplicationDTOs).forEach(f -> out.append("failed application ").append(f.name)
                    .append(" at ").append(f.base).append(" reason ").append(f.failureReason).append('\n'));
            Stream.of(dto.failedResourceDTOs).forEach(f -> out.append("failed resource ").append(f.name)
                    .append(" (service ").append(f.serviceId).append(") reason ").append(f.failureReason)
                    .append('\n'));
            Stream.of(dto.failedExtensionDTOs).forEach(f -> out.append("failed extension ").append(f.name)
                    .append(" (service ").append(f.serviceId).append(") reason ").append(f.failureReason)
                    .append('\n'));
            return out.toString();
        } finally {
            context.ungetService(reference);
        }
    }

    private static String application(ApplicationDTO application) {
        if (application == null) {
            return "no default application\n";
        }
        return "application " + application.name + " at " + application.base + ": " + application.resourceDTOs.length
                + " resources, " + application.extensionDTOs.length + " extensions\n";
    }

    private static String inactiveBundles(BundleContext context) {
        String inactive = Stream.of(context.getBundles())
                .filter(b -> b.getState() != Bundle.ACTIVE && b.getHeaders().get(Constants.FRAGMENT_HOST) == null)
                .map(b -> b.getBundleId() + " " + b.getSymbolicName() + " state " + b.getState())
                .collect(Collectors.joining("\n"));
        return inactive.isEmpty() ? "none\n" : inactive + "\n";
    }

    private static String logProblems() {
        Path log = Path.of(System.getProperty("karaf.data", "data"), "log", "karaf.log");
        try {
            List<String> problems = Files.readAllLines(log, StandardCharsets.UTF_8).stream()
                    .filter(line -> line.contains("| WARN ") || line.contains("| ERROR")
                            || line.contains("CxfJaxrsBundleActivator") || line.contains("cxf-servlet")
                            || line.contains("contextPath='/api/v1'"))
                    .filter(line -> !KNOWN_NOISE.matcher(line).find())
                    .collect(Collectors.toList());
            return String.join("\n", problems.subList(Math.max(0, problems.size() - LOG_LINES), problems.size()))
                    + "\n";
        } catch (IOException e) {
            return "could not read " + log + ": " + e + "\n";
        }
    }
}
