package org.garrison.api.error;

/**
 * The object a caller named does not exist (or is not visible to the caller).
 */
public class NotFoundException extends GarrisonException {

    private static final long serialVersionUID = 1L;

    private final String objectType;
    private final String objectId;

    /**
     * @param objectType what was looked for in the admin's words, e.g. "Device" or "Administration group"
     * @param objectId   the identifier the caller gave
     */
    public NotFoundException(String objectType, Object objectId) {
        super(objectType + " " + objectId + " does not exist");
        this.objectType = objectType;
        this.objectId = String.valueOf(objectId);
    }

    public String objectType() {
        return objectType;
    }

    public String objectId() {
        return objectId;
    }

    @Override
    public String title() {
        return "Not found";
    }
}
