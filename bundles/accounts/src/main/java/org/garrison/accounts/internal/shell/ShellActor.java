package org.garrison.accounts.internal.shell;

import org.garrison.api.Actor;

/**
 * Who changes accounts from the Karaf shell: the shell as a part of the server.
 */
final class ShellActor {

    private ShellActor() {
    }

    static Actor current() {
        return Actor.system("karaf-shell");
    }
}
