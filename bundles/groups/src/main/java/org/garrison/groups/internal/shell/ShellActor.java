package org.garrison.groups.internal.shell;

import org.garrison.api.Actor;

/**
 * Who changes groups from the Karaf shell. Shell users are not Garrison accounts, so changes are attributed to the
 * shell as a part of the server.
 */
final class ShellActor {

    private ShellActor() {
    }

    static Actor current() {
        return Actor.system("karaf-shell");
    }
}
