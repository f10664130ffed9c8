package org.garrison.testkit;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Stream;

import org.apache.commons.compress.archivers.ArchiveEntry;
import org.apache.commons.compress.archivers.ArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/**
 * Puts a never-run copy of the server distribution into a folder: unpacked from the {@code garrison-server}
 * {@code .tar.gz} or {@code .zip}, or copied from an unpacked folder (which itself stays untouched; its {@code data/}
 * folder, should it have run, is left out). The distribution's
 * home is the archive's single top folder ({@code garrison-server-<version>/}).
 */
final class Distribution {

    private Distribution() {
    }

    /**
     * @param source a {@code .tar.gz}/{@code .tgz} or {@code .zip} archive, or an unpacked distribution's folder
     * @param target an empty or missing folder
     * @return the distribution's home inside the target (the folder holding {@code bin/karaf})
     */
    static Path install(Path source, Path target) throws IOException {
        Files.createDirectories(target);
        String name = source.getFileName().toString();
        if (Files.isDirectory(source)) {
            Path home = target.resolve(name);
            copyFolder(source, home);
            return requireHome(home, source);
        }
        if (!Files.isRegularFile(source)) {
            throw new TestKitException("No Garrison distribution at " + source);
        }
        if (name.endsWith(".tar.gz") || name.endsWith(".tgz")) {
            try (InputStream in = new TarArchiveInputStream(new GzipCompressorInputStream(
                    new BufferedInputStream(Files.newInputStream(source))))) {
                unpack((TarArchiveInputStream) in, target);
            }
        } else if (name.endsWith(".zip")) {
            try (ZipArchiveInputStream in = new ZipArchiveInputStream(new BufferedInputStream(
                    Files.newInputStream(source)))) {
                unpack(in, target);
            }
        } else {
            throw new TestKitException(source + " is neither a .tar.gz nor a .zip distribution archive");
        }
        return requireHome(homeIn(target), source);
    }

    private static <E extends ArchiveEntry> void unpack(ArchiveInputStream<E> in, Path target) throws IOException {
        Path root = target.toAbsolutePath().normalize();
        E entry;
        while ((entry = in.getNextEntry()) != null) {
            Path file = root.resolve(entry.getName()).normalize();
            if (!file.startsWith(root) || file.equals(root)) {
                throw new TestKitException("The archive's entry '" + entry.getName() + "' leaves the folder it is "
                        + "unpacked into");
            }
            if (entry.isDirectory()) {
                Files.createDirectories(file);
                continue;
            }
            if (isLink(entry)) {
                // the distribution has none; a link could point anywhere, so it is not followed or created
                continue;
            }
            Files.createDirectories(file.getParent());
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
            int mode = mode(entry);
            if ((mode & 0100) != 0 || isScript(root.relativize(file))) {
                makeExecutable(file);
            }
        }
    }

    private static boolean isLink(ArchiveEntry entry) {
        return entry instanceof TarArchiveEntry tar && (tar.isSymbolicLink() || tar.isLink())
                || entry instanceof ZipArchiveEntry zip && zip.isUnixSymlink();
    }

    private static int mode(ArchiveEntry entry) {
        if (entry instanceof TarArchiveEntry tar) {
            return tar.getMode();
        }
        return entry instanceof ZipArchiveEntry zip ? zip.getUnixMode() : 0;
    }

    /** The distribution's launch scripts, executable even from an archive that did not keep file modes. */
    private static boolean isScript(Path relative) {
        return relative.getNameCount() == 3 && relative.getName(1).toString().equals("bin")
                && !relative.getFileName().toString().contains(".");
    }

    private static void makeExecutable(Path file) throws IOException {
        try {
            Set<PosixFilePermission> permissions = EnumSet.copyOf(Files.getPosixFilePermissions(file));
            permissions.add(PosixFilePermission.OWNER_EXECUTE);
            Files.setPosixFilePermissions(file, permissions);
        } catch (UnsupportedOperationException notPosix) {
            file.toFile().setExecutable(true, true);
        }
    }

    private static Path homeIn(Path target) throws IOException {
        try (Stream<Path> children = Files.list(target)) {
            return children.filter(Files::isDirectory).filter(d -> Files.exists(d.resolve("bin/karaf"))).findFirst()
                    .orElse(target);
        }
    }

    private static Path requireHome(Path home, Path source) {
        if (!Files.isRegularFile(home.resolve("bin/karaf")) || !Files.isDirectory(home.resolve("etc"))) {
            throw new TestKitException(source + " is not a Garrison distribution: no bin/karaf and etc/ in it");
        }
        return home;
    }

    private static void copyFolder(Path from, Path to) throws IOException {
        Files.walkFileTree(from, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) throws IOException {
                if (dir.equals(from.resolve("data"))) {
                    // a folder that ran before: its database, logs and caches stay behind, the copy starts afresh
                    return FileVisitResult.SKIP_SUBTREE;
                }
                Files.createDirectories(to.resolve(from.relativize(dir).toString()));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                Files.copy(file, to.resolve(from.relativize(file).toString()), StandardCopyOption.COPY_ATTRIBUTES);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    /** Deletes a folder and everything in it; what cannot be deleted is left (a temporary folder). */
    static void delete(Path folder) {
        if (folder == null || !Files.exists(folder)) {
            return;
        }
        try (Stream<Path> all = Files.walk(folder)) {
            all.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            // a file still held open by a dying process: the rest of the temporary folder is gone
        }
    }
}
