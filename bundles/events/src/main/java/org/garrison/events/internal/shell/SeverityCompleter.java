package org.garrison.events.internal.shell;

import java.util.List;

import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.garrison.api.event.EventSeverity;

/**
 * Completes event severities by their wire names.
 */
@Service
public class SeverityCompleter implements Completer {

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        StringsCompleter names = new StringsCompleter();
        for (EventSeverity severity : EventSeverity.values()) {
            names.getStrings().add(severity.wireName());
        }
        return names.complete(session, commandLine, candidates);
    }
}
