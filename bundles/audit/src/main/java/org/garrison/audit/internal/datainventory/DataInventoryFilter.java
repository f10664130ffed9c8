package org.garrison.audit.internal.datainventory;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.garrison.api.data.DataItem;
import org.garrison.api.data.DataOrigin;
import org.garrison.api.error.FieldError;
import org.garrison.api.error.ValidationException;

/**
 * Which items of the data inventory a caller asked for; each {@code null} criterion matches everything.
 *
 * @param owner    only items of this owner ({@code core} or a plugin id)
 * @param personal only personal (true) or only non-personal (false) items
 * @param origin   only items from this source
 */
public record DataInventoryFilter(String owner, Boolean personal, DataOrigin origin) {

    /** The longest owner accepted: far beyond any plugin id, short enough to refuse garbage. */
    static final int MAX_OWNER_LENGTH = 255;

    /** Every item. */
    public static final DataInventoryFilter ALL = new DataInventoryFilter(null, null, null);

    /**
     * Reads the query parameters; absent or blank ones do not filter.
     *
     * @throws ValidationException naming every malformed parameter
     */
    public static DataInventoryFilter of(String owner, String personal, String origin) {
        List<FieldError> errors = new ArrayList<>();
        String ownerValue = blankToNull(owner);
        if (ownerValue != null && ownerValue.length() > MAX_OWNER_LENGTH) {
            errors.add(new FieldError("owner", "must be at most " + MAX_OWNER_LENGTH + " characters"));
        }
        Boolean personalValue = null;
        String personalText = blankToNull(personal);
        if (personalText != null) {
            switch (personalText.toLowerCase(Locale.ROOT)) {
                case "true" -> personalValue = Boolean.TRUE;
                case "false" -> personalValue = Boolean.FALSE;
                default -> errors.add(new FieldError("personal", "must be true or false"));
            }
        }
        DataOrigin originValue = null;
        String originText = blankToNull(origin);
        if (originText != null) {
            try {
                originValue = DataOrigin.valueOf(originText.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("origin", "must be one of " + Arrays.stream(DataOrigin.values())
                        .map(DataOrigin::name).collect(Collectors.joining(", "))));
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return new DataInventoryFilter(ownerValue, personalValue, originValue);
    }

    public boolean matches(DataItem item) {
        return (owner == null || owner.equals(item.owner()))
                && (personal == null || personal == item.personal())
                && (origin == null || origin == item.source());
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
