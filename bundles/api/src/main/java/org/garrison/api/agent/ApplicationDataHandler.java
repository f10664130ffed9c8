package org.garrison.api.agent;

import java.util.List;
import java.util.UUID;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A plugin's handler for the data its application sends through the agents. Register it as an OSGi service with the
 * property {@value #APPLICATION} set to the application (plugin) id.
 *
 * <p>The gateway stores application data durably when the agent sends it and hands it to the handler afterwards, in
 * the order received, inside a transaction of {@link org.garrison.api.store.Transactions} that also removes it from
 * the gateway's inbox: what the handler writes through the same transaction happens exactly once. If the handler
 * throws, the transaction rolls back and the data is offered again later. Data for an application without a handler
 * waits in the inbox (for a configurable number of days) until one is registered.
 */
@ConsumerType
public interface ApplicationDataHandler {

    /** The service property naming the application the handler is for. */
    String APPLICATION = "garrison.application";

    /**
     * Handles data of one device, oldest first.
     *
     * @param deviceId the device the data came from
     * @param data     one or more reports of the handler's application
     */
    void handle(UUID deviceId, List<ApplicationData> data);
}
