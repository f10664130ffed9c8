package org.garrison.audit.internal.datainventory;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The answer of {@code GET /data-inventory}: the whole list, with no paging (a server holds some dozens of kinds of
 * data, a few more per plugin).
 */
@Schema(name = "DataInventory", description = "Every kind of data the server holds that the filters match, sorted by "
        + "owner, then id")
record DataInventoryView(List<DataItemView> items) {

    DataInventoryView {
        items = List.copyOf(items);
    }
}
