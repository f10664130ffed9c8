package org.garrison.api.device;

import java.util.List;

/**
 * The software section of an inventory report. In a full report, {@code installed} is the whole registry and the
 * other lists must be empty; in a partial report the three lists are applied as changes.
 *
 * @param installed entries to add (or to replace, if an entry with the same name and vendor exists)
 * @param updated   entries whose version, date or location changed
 * @param removed   entries to remove; unknown ones are ignored
 */
public record SoftwareChanges(List<SoftwareEntry> installed, List<SoftwareEntry> updated,
        List<SoftwareKey> removed) {

    public SoftwareChanges {
        installed = installed == null ? List.of() : List.copyOf(installed);
        updated = updated == null ? List.of() : List.copyOf(updated);
        removed = removed == null ? List.of() : List.copyOf(removed);
    }
}
