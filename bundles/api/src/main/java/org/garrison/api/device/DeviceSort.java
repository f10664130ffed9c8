package org.garrison.api.device;

/**
 * What a device listing is sorted by. Ties are broken by device id, so paging is stable.
 */
public enum DeviceSort {
    NAME,
    LAST_VISIBLE,
    STATUS,
    OS,
    IP
}
