package org.garrison.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The distribution's {@code etc/} files, edited as an admin edits them: a key's line replaced where it is, or added
 * at the end, every comment and every other line left as it was.
 */
final class ConfigFiles {

    private final Path home;

    ConfigFiles(Path home) {
        this.home = home;
    }

    /**
     * Sets {@code key = value} in the file (relative to the distribution's folder, e.g.
     * {@code etc/org.garrison.gateway.cfg}), creating the file if needed.
     */
    void set(String relative, String key, String value) {
        if (key.isBlank() || key.contains("\n") || value.contains("\n")) {
            throw new IllegalArgumentException("A configuration key and value are one line each, the key not empty");
        }
        Path file = resolve(relative);
        try {
            String text = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
            Matcher line = Pattern.compile("(?m)^[ \\t]*" + Pattern.quote(key) + "[ \\t]*[=:].*$").matcher(text);
            String replacement = key + " = " + value;
            if (line.find()) {
                text = line.replaceAll(Matcher.quoteReplacement(replacement));
            } else {
                text = text + (text.isEmpty() || text.endsWith("\n") ? "" : "\n") + replacement + "\n";
            }
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }

    /** The file's properties, empty when it does not exist. */
    Properties read(String relative) {
        Properties properties = new Properties();
        Path file = resolve(relative);
        if (Files.exists(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                properties.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + file, e);
            }
        }
        return properties;
    }

    private Path resolve(String relative) {
        Path file = home.resolve(relative).normalize();
        if (!file.startsWith(home)) {
            throw new IllegalArgumentException(relative + " is outside the distribution's folder");
        }
        return file;
    }
}
