package org.garrison.api.data;

import java.util.List;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Declares the kinds of data a bundle stores. Each core area registers one; the extender registers one for each
 * active plugin from its descriptor. The data inventory lists what every registered provider declares.
 */
@ConsumerType
public interface DataInventoryProvider {

    List<DataItem> dataItems();
}
