package org.garrison.api;

/**
 * The kinds of {@link Actor}.
 */
public enum ActorKind {
    /** An admin's account, signed in to the console or the API. */
    ACCOUNT,
    /** A personal API token. */
    API_TOKEN,
    /** A device's Network Agent. */
    AGENT,
    /** The server itself (scheduled jobs, rules, retention, plugins' background work). */
    SYSTEM,
    /** A caller that did not identify itself. */
    ANONYMOUS
}
