package org.garrison.testkit;

/**
 * The server did not accept a plugin JAR, or installed it but refused to run it. The message is the server's reason.
 */
public final class PluginRefusedException extends TestKitException {

    private static final long serialVersionUID = 1L;

    public PluginRefusedException(String reason) {
        super("The server refused the plugin: " + reason);
    }
}
