package org.garrison.audit.internal.datainventory;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;

import org.garrison.api.data.DataItem;
import org.garrison.api.data.DataOrigin;
import org.junit.jupiter.api.Test;

class DataItemViewTest {

    @Test
    void theWireFormHasEveryFieldOfTheItemUnderItsName() {
        assertEquals(components(DataItem.class), components(DataItemView.class));
    }

    @Test
    void everyValueIsCopied() {
        DataItem item = new DataItem("device.tags", "core", "Tags", "Set by admins", DataOrigin.ADMIN, "DEVICE_TAG",
                true, false, "until the device is removed");

        assertEquals(new DataItemView("device.tags", "core", "Tags", "Set by admins", DataOrigin.ADMIN, "DEVICE_TAG",
                true, false, "until the device is removed"), DataItemView.of(item));
    }

    private static String components(Class<? extends Record> type) {
        return Arrays.stream(type.getRecordComponents())
                .map(component -> component.getName() + ":" + component.getType().getSimpleName())
                .reduce("", (all, one) -> all + one + " ");
    }
}
