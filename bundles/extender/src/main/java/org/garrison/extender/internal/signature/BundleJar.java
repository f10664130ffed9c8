package org.garrison.extender.internal.signature;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.osgi.framework.Bundle;

/**
 * A bundle's own files written back into a JAR, byte for byte, so its signature can be checked however the bundle was
 * installed (upload, {@code deploy/}, {@code bundle:install}): the framework keeps each file as it came, and a JAR
 * signature covers the files' content, not their order in the archive.
 */
public final class BundleJar implements AutoCloseable {

    /** A plugin bundle larger than this is not copied (the upload limit is far below it). */
    static final long MAX_BYTES = 512L * 1024 * 1024;

    private final Path file;

    private BundleJar(Path file) {
        this.file = file;
    }

    /** Copies the bundle's entries (not those of its fragments) into a temporary JAR. */
    public static BundleJar of(Bundle bundle) {
        Path file;
        try {
            file = Files.createTempFile("garrison-plugin-check-", ".jar");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create a temporary file to check a plugin's signature", e);
        }
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(file))) {
            long total = 0;
            for (String path : paths(bundle)) {
                URL entry = bundle.getEntry(path);
                if (entry == null) {
                    continue;
                }
                out.putNextEntry(new ZipEntry(path));
                try (InputStream in = entry.openStream()) {
                    total += in.transferTo(out);
                }
                out.closeEntry();
                if (total > MAX_BYTES) {
                    throw new IOException("the bundle holds more than " + MAX_BYTES + " bytes");
                }
            }
        } catch (IOException | RuntimeException e) {
            delete(file);
            throw e instanceof RuntimeException runtime ? runtime
                    : new UncheckedIOException("Cannot copy the plugin bundle to check its signature", (IOException) e);
        }
        return new BundleJar(file);
    }

    public Path file() {
        return file;
    }

    @Override
    public void close() {
        delete(file);
    }

    /** Every file path of the bundle, the manifest first, then the rest of META-INF, then the others. */
    private static List<String> paths(Bundle bundle) {
        List<String> paths = new ArrayList<>();
        collect(bundle, "/", paths);
        paths.sort(Comparator.comparingInt(BundleJar::rank).thenComparing(Comparator.naturalOrder()));
        return paths;
    }

    private static void collect(Bundle bundle, String folder, List<String> paths) {
        Enumeration<String> children = bundle.getEntryPaths(folder);
        if (children == null) {
            return;
        }
        for (String child : Collections.list(children)) {
            if (child.endsWith("/")) {
                collect(bundle, child, paths);
            } else {
                paths.add(child.startsWith("/") ? child.substring(1) : child);
            }
        }
    }

    private static int rank(String path) {
        if (path.equalsIgnoreCase("META-INF/MANIFEST.MF")) {
            return 0;
        }
        return path.toUpperCase(java.util.Locale.ROOT).startsWith("META-INF/") ? 1 : 2;
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a temporary file; the system's cleaning removes it if this could not
        }
    }
}
