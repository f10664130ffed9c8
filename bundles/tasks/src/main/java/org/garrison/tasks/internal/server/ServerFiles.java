package org.garrison.tasks.internal.server;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Files of backups: created readable by the server's OS user only, since a backup holds the keys that decrypt the
 * data it holds.
 */
final class ServerFiles {

    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    private static final Set<PosixFilePermission> OWNER_DIRECTORY = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> OWNER_FILE = PosixFilePermissions.fromString("rw-------");

    private ServerFiles() {
    }

    /** Creates a folder (and its missing parents) that only the server's OS user may enter. */
    static Path privateFolder(Path folder) throws IOException {
        if (!POSIX) {
            return Files.createDirectories(folder);
        }
        FileAttribute<Set<PosixFilePermission>> owner = PosixFilePermissions.asFileAttribute(OWNER_DIRECTORY);
        Files.createDirectories(folder, owner);
        Files.setPosixFilePermissions(folder, OWNER_DIRECTORY);
        return folder;
    }

    /** Copies a file into a folder, readable by the server's OS user only. */
    static Path copyPrivately(Path file, Path folder) throws IOException {
        Path copy = folder.resolve(file.getFileName().toString());
        Files.copy(file, copy, StandardCopyOption.COPY_ATTRIBUTES, StandardCopyOption.REPLACE_EXISTING);
        if (POSIX) {
            Files.setPosixFilePermissions(copy, OWNER_FILE);
        }
        return copy;
    }

    /** Makes everything below the folder readable by the server's OS user only (what Derby's backup wrote). */
    static void restrict(Path folder) throws IOException {
        if (!POSIX) {
            return;
        }
        try (Stream<Path> all = Files.walk(folder)) {
            for (Path path : (Iterable<Path>) all::iterator) {
                Files.setPosixFilePermissions(path, Files.isDirectory(path) ? OWNER_DIRECTORY : OWNER_FILE);
            }
        }
    }

    /** Deletes a folder with everything in it. */
    static void deleteTree(Path folder) throws IOException {
        try (Stream<Path> all = Files.walk(folder)) {
            for (Path path : (Iterable<Path>) all.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(path);
            }
        }
    }

    /** The total size of the files below a folder. */
    static long size(Path folder) throws IOException {
        try (Stream<Path> all = Files.walk(folder)) {
            return all.filter(Files::isRegularFile).mapToLong(path -> {
                try {
                    return Files.size(path);
                } catch (IOException e) {
                    return 0;
                }
            }).sum();
        }
    }
}
