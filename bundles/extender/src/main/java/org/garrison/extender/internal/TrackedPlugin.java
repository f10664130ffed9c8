package org.garrison.extender.internal;

import java.time.Instant;
import java.util.Objects;

import org.garrison.api.plugin.PluginContributions;
import org.garrison.api.plugin.PluginInfo;
import org.garrison.api.plugin.PluginSignature;
import org.garrison.api.plugin.PluginState;
import org.garrison.extender.internal.descriptor.PluginDescriptor;
import org.garrison.extender.internal.descriptor.PluginHeader;
import org.osgi.framework.Bundle;

/**
 * One plugin bundle as the extender follows it. Only the extender's own thread changes it; {@link #info()} may be
 * read from any thread.
 */
final class TrackedPlugin {

    final Bundle bundle;
    private volatile PluginInfo info;

    /** The bundle's last-modified time when its descriptor was read, so an update reads it again. */
    private long readRevision = Long.MIN_VALUE;
    private PluginHeader header;
    private PluginDescriptor descriptor;
    private String readProblem;
    private PluginSignature signature = PluginSignature.NOT_CHECKED;

    private String refusal;
    private PluginActivation activation;

    TrackedPlugin(Bundle bundle, Instant now) {
        this.bundle = bundle;
        this.info = new PluginInfo(bundle.getSymbolicName() == null ? "bundle-" + bundle.getBundleId()
                : bundle.getSymbolicName(), null, null, null, null, PluginState.STARTING, null, bundle.getBundleId(),
                now, PluginContributions.NONE);
    }

    PluginInfo info() {
        return info;
    }

    /** The id the plugin is known by: from its header, or its symbolic name when the header is malformed. */
    String id() {
        return info.id();
    }

    /**
     * Whether the bundle changed (installed anew or updated) since its descriptor was read; a change also forgets
     * why an earlier revision was refused.
     */
    boolean changedSinceRead() {
        return bundle.getLastModified() != readRevision;
    }

    /** The bundle's revision to pass to {@link #read} once it has been read: take it before reading. */
    long revision() {
        return bundle.getLastModified();
    }

    /**
     * Keeps what was read from the bundle at {@code revision}. When it changed meanwhile (an update under way), the
     * next look at the bundle reads it again.
     */
    void read(PluginHeader parsedHeader, PluginDescriptor parsed, String problem, long revision) {
        readRevision = revision;
        header = parsedHeader;
        descriptor = parsed;
        readProblem = problem;
        refusal = null;
    }

    /** Keeps what the check of the bundle's signature found. */
    void signed(PluginSignature checked) {
        signature = checked;
    }

    PluginSignature signature() {
        return signature;
    }

    PluginDescriptor descriptor() {
        return descriptor;
    }

    String readProblem() {
        return readProblem;
    }

    String refusal() {
        return refusal;
    }

    void refuse(String message) {
        refusal = message;
    }

    void forgetRefusal() {
        refusal = null;
    }

    PluginActivation activation() {
        return activation;
    }

    void activated(PluginActivation registered) {
        activation = registered;
    }

    /** Takes back everything registered for the plugin; nothing happens when it is not active. */
    void deactivate() {
        if (activation != null) {
            activation.unregister();
            activation = null;
        }
    }

    /**
     * Moves the plugin to a state.
     *
     * @return the plugin as it was, or {@code null} when nothing visible changed
     */
    PluginInfo moveTo(PluginState state, String message, Instant now) {
        PluginInfo previous = info;
        String id = header != null ? header.id() : previous.id();
        String name = descriptor != null ? descriptor.name() : id;
        String vendor = descriptor != null ? descriptor.vendor() : null;
        String version = descriptor != null ? descriptor.version().toString()
                : header != null ? header.version().toString() : bundle.getVersion().toString();
        String minServer = descriptor != null && descriptor.minServerVersion() != null
                ? descriptor.minServerVersion().toString() : null;
        PluginContributions contributions = state == PluginState.ACTIVE && descriptor != null
                ? descriptor.contributions() : PluginContributions.NONE;
        PluginInfo next = new PluginInfo(id, name, vendor, version, minServer, state, message, bundle.getBundleId(),
                previous.changedAt(), contributions, signature);
        if (sameView(previous, next)) {
            return null;
        }
        info = new PluginInfo(id, name, vendor, version, minServer, state, message, bundle.getBundleId(), now,
                contributions, signature);
        return previous;
    }

    private static boolean sameView(PluginInfo a, PluginInfo b) {
        return a.id().equals(b.id()) && a.state() == b.state() && Objects.equals(a.message(), b.message())
                && Objects.equals(a.version(), b.version()) && Objects.equals(a.name(), b.name())
                && a.contributions() == b.contributions() && a.signature().equals(b.signature());
    }
}
