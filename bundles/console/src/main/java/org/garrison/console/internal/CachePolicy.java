package org.garrison.console.internal;

/**
 * How long browsers may keep a console file. Vite puts a content hash into every file name under {@code assets/}, so
 * such a file never changes and is cached for a year without revalidation; everything else ({@code index.html}, which
 * names the current hashed files, and the few unhashed files) is revalidated on every use through its ETag.
 */
final class CachePolicy {

    static final String IMMUTABLE = "public, max-age=31536000, immutable";
    static final String REVALIDATE = "no-cache";
    /** For error answers: a missing file may appear with the next deployment. */
    static final String NO_STORE = "no-store";

    private CachePolicy() {
    }

    static String cacheControlFor(String file) {
        return file.startsWith("assets/") ? IMMUTABLE : REVALIDATE;
    }
}
