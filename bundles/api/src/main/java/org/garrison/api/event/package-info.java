/**
 * Events: what happened on a device or in the server, with its time, source, type, severity and a typed payload.
 *
 * <p>Producers (the agent gateway, core areas, application plugins) submit {@link org.garrison.api.event.NewEvent}s
 * in bulk through {@link org.garrison.api.event.EventService#ingest(java.util.List)}; admins read them through
 * {@link org.garrison.api.event.EventService#query(EventQuery, org.garrison.api.PageRequest)}. Event types are
 * documented by {@link org.garrison.api.event.EventTypeProvider} services: the core registers its own, plugins
 * register theirs. The server keeps a bounded number of events for a bounded time.
 */
@Version("1.0.0")
@Export
package org.garrison.api.event;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
