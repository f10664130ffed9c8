package org.garrison.extender.internal.jar;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

import org.garrison.api.error.FieldError;
import org.garrison.api.error.ValidationException;
import org.garrison.api.plugin.PluginHeaders;
import org.garrison.extender.internal.descriptor.DescriptorReader;
import org.garrison.extender.internal.descriptor.PluginDescriptor;
import org.garrison.extender.internal.descriptor.PluginHeader;
import org.garrison.extender.internal.descriptor.ZipFiles;
import org.osgi.framework.Constants;

/**
 * Checks an uploaded plugin JAR before anything is installed: its size, that it is a ZIP whose entry names stay
 * inside it, that its manifest makes it a bundle and a plugin, and that its descriptor is valid. The JAR is copied
 * to a temporary file on the way, never held in memory whole.
 */
public final class PluginJarCheck {

    /** More entries than any real plugin has; a crafted archive with millions of entries is refused early. */
    static final int MAX_ENTRIES = 20_000;

    /** The largest total size the entries may declare once extracted (ZIP bombs). */
    static final long MAX_EXTRACTED_BYTES = 1024L * 1024 * 1024;

    private final DescriptorReader descriptors;
    private final long maxBytes;

    public PluginJarCheck(DescriptorReader descriptors, long maxBytes) {
        this.descriptors = descriptors;
        this.maxBytes = maxBytes;
    }

    /**
     * @param jar      the JAR's bytes; read to the end (or to the limit), not closed
     * @param fileName the name it was uploaded under
     * @throws PluginJarTooLarge   if it is larger than the limit
     * @throws ValidationException with every problem found otherwise
     */
    public CheckedJar check(InputStream jar, String fileName) {
        Path file = copy(jar);
        try {
            CheckedJar checked = inspect(file, fileName == null || fileName.isBlank() ? "plugin.jar" : fileName);
            file = null;
            return checked;
        } finally {
            if (file != null) {
                delete(file);
            }
        }
    }

    private CheckedJar inspect(Path file, String fileName) {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            checkEntries(zip);
            Manifest manifest = manifest(zip);
            Attributes main = manifest.getMainAttributes();
            String symbolicName = main.getValue(Constants.BUNDLE_SYMBOLICNAME);
            if (symbolicName == null || symbolicName.isBlank() || !"2".equals(main.getValue(
                    Constants.BUNDLE_MANIFESTVERSION))) {
                throw new ValidationException("file", fileName + " is not an OSGi bundle: its manifest needs "
                        + "Bundle-ManifestVersion: 2 and a Bundle-SymbolicName");
            }
            PluginHeader header;
            try {
                header = PluginHeader.parse(main.getValue(PluginHeaders.PLUGIN));
            } catch (IllegalArgumentException e) {
                throw new ValidationException("file", fileName + ": " + e.getMessage());
            }
            PluginDescriptor descriptor = descriptors.read(header, new ZipFiles(zip));
            return new CheckedJar(file, fileName, symbolicName.split(";")[0].strip(), descriptor);
        } catch (ZipException e) {
            throw new ValidationException("file", fileName + " is not a JAR (ZIP) file: " + e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the uploaded plugin JAR", e);
        }
    }

    /** Refuses entry names that could leave the JAR when extracted, duplicates, and archives too big unpacked. */
    static void checkEntries(ZipFile zip) {
        List<FieldError> errors = new ArrayList<>();
        Set<String> names = new HashSet<>();
        long extracted = 0;
        int count = 0;
        Enumeration<? extends ZipEntry> entries = zip.entries();
        while (entries.hasMoreElements()) {
            ZipEntry entry = entries.nextElement();
            String name = entry.getName();
            if (++count > MAX_ENTRIES) {
                throw new ValidationException("file", "has more than " + MAX_ENTRIES + " entries");
            }
            String problem = entryNameProblem(name);
            if (problem != null) {
                errors.add(new FieldError("file", "entry '" + printable(name) + "' " + problem));
            } else if (!names.add(name)) {
                errors.add(new FieldError("file", "entry '" + name + "' appears twice"));
            }
            if (entry.getSize() > 0) {
                extracted += entry.getSize();
            }
            if (extracted > MAX_EXTRACTED_BYTES) {
                throw new ValidationException("file", "unpacks to more than " + MAX_EXTRACTED_BYTES + " bytes");
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }

    /** Why an entry name is unsafe, or {@code null} when it is fine. */
    static String entryNameProblem(String name) {
        if (name.isEmpty()) {
            return "has an empty name";
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                return "contains a control character";
            }
            if (c == '\\') {
                return "contains a backslash";
            }
        }
        if (name.startsWith("/") || (name.length() > 1 && name.charAt(1) == ':')) {
            return "is an absolute path";
        }
        for (String segment : name.split("/", -1)) {
            if (segment.equals("..")) {
                return "leaves the JAR (path traversal with '..')";
            }
        }
        return null;
    }

    private static Manifest manifest(ZipFile zip) throws IOException {
        ZipEntry entry = zip.getEntry(JarFile.MANIFEST_NAME);
        if (entry == null) {
            throw new ValidationException("file", "has no " + JarFile.MANIFEST_NAME);
        }
        try (InputStream in = zip.getInputStream(entry)) {
            return new Manifest(in);
        }
    }

    private Path copy(InputStream jar) {
        Path file;
        try {
            file = Files.createTempFile("garrison-plugin-", ".jar");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create a temporary file for the uploaded plugin JAR", e);
        }
        try (OutputStream out = Files.newOutputStream(file)) {
            byte[] buffer = new byte[64 * 1024];
            long total = 0;
            int n;
            while ((n = jar.read(buffer)) > 0) {
                total += n;
                if (total > maxBytes) {
                    throw new PluginJarTooLarge(maxBytes);
                }
                out.write(buffer, 0, n);
            }
            if (total == 0) {
                throw new ValidationException("file", "is empty");
            }
            return file;
        } catch (IOException | RuntimeException e) {
            delete(file);
            if (e instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new UncheckedIOException("Cannot store the uploaded plugin JAR", (IOException) e);
        }
    }

    private static String printable(String name) {
        return name.replaceAll("\\p{Cntrl}", "?");
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a temporary file left behind is removed with the rest of the temporary folder
        }
    }
}
