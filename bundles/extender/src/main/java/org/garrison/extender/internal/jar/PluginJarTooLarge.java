package org.garrison.extender.internal.jar;

import org.garrison.api.error.ValidationException;

/**
 * An uploaded plugin JAR is larger than the server accepts; the REST layer answers 413 for it.
 */
public final class PluginJarTooLarge extends ValidationException {

    private static final long serialVersionUID = 1L;

    public PluginJarTooLarge(long limit) {
        super("file", "is larger than the " + limit + " bytes a plugin JAR may have");
    }
}
