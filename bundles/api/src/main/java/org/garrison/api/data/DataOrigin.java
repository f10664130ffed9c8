package org.garrison.api.data;

/**
 * Where data the server holds comes from.
 */
public enum DataOrigin {
    /** Entered by an admin in the console, the API or the shell. */
    ADMIN,
    /** Reported by the Network Agent about its device. */
    AGENT,
    /** Reported by a managed application through the agent. */
    APPLICATION,
    /** Produced by the server itself. */
    SERVER
}
