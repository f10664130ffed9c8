package org.garrison.gateway.internal.appdata;

import java.util.UUID;

import org.garrison.api.agent.ApplicationData;

/**
 * Application data waiting in the gateway's inbox for its application's handler.
 *
 * @param id       the row, in the order received
 * @param deviceId the device it came from
 * @param data     the data
 */
record InboxRow(long id, UUID deviceId, ApplicationData data) {
}
