package org.garrison.api.plugin;

/**
 * The kinds of console contributions.
 */
public enum ConsoleContributionKind {
    /** A page of its own. */
    PAGE,
    /** A tab on the device detail page; its module gets the device id in its context. */
    DEVICE_TAB,
    /** An entry in the navigation that opens one of the plugin's pages. */
    NAVIGATION
}
