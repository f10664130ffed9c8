package org.garrison.console.internal;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Content types of the files a Vite build produces, by file extension. */
final class MediaTypes {

    static final String OCTET_STREAM = "application/octet-stream";

    private static final Map<String, String> BY_EXTENSION = Map.ofEntries(
            Map.entry("html", "text/html;charset=utf-8"),
            Map.entry("js", "text/javascript;charset=utf-8"),
            Map.entry("mjs", "text/javascript;charset=utf-8"),
            Map.entry("css", "text/css;charset=utf-8"),
            Map.entry("json", "application/json"),
            Map.entry("map", "application/json"),
            Map.entry("webmanifest", "application/manifest+json"),
            Map.entry("txt", "text/plain;charset=utf-8"),
            Map.entry("svg", "image/svg+xml"),
            Map.entry("png", "image/png"),
            Map.entry("jpg", "image/jpeg"),
            Map.entry("jpeg", "image/jpeg"),
            Map.entry("gif", "image/gif"),
            Map.entry("webp", "image/webp"),
            Map.entry("avif", "image/avif"),
            Map.entry("ico", "image/x-icon"),
            Map.entry("woff2", "font/woff2"),
            Map.entry("woff", "font/woff"),
            Map.entry("ttf", "font/ttf"),
            Map.entry("otf", "font/otf"),
            Map.entry("wasm", "application/wasm"));

    /** Text formats that shrink with gzip; images and fonts are compressed already. */
    private static final Set<String> COMPRESSIBLE = Set.of(
            "html", "js", "mjs", "css", "json", "map", "webmanifest", "txt", "svg");

    private MediaTypes() {
    }

    static String of(String file) {
        return BY_EXTENSION.getOrDefault(extension(file), OCTET_STREAM);
    }

    static boolean isCompressible(String file) {
        return COMPRESSIBLE.contains(extension(file));
    }

    private static String extension(String file) {
        int dot = file.lastIndexOf('.');
        return dot < 0 ? "" : file.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
