package org.garrison.devices.internal.shell;

import java.util.List;

import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.garrison.api.PageRequest;
import org.garrison.api.device.Device;
import org.garrison.api.device.DeviceQuery;
import org.garrison.api.device.DeviceService;
import org.garrison.api.device.DeviceSort;

/**
 * Completes device display names with a word starting with what has been typed so far.
 */
@Service
public class DeviceNameCompleter implements Completer {

    private static final int MAX_CANDIDATES = 100;

    @Reference
    private DeviceService devices;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        String typed = commandLine.getCursorArgument() == null ? ""
                : commandLine.getCursorArgument().substring(0, commandLine.getArgumentPosition());
        StringsCompleter names = new StringsCompleter();
        devices.list(new DeviceQuery(null, true, null, null, typed.isBlank() ? null : typed, null, null, null, null,
                null, null, null, DeviceSort.NAME, false), new PageRequest(MAX_CANDIDATES, null)).items().stream()
                .map(Device::displayName).forEach(names.getStrings()::add);
        return names.complete(session, commandLine, candidates);
    }
}
