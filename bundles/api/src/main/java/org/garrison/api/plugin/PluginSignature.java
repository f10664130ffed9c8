package org.garrison.api.plugin;

import java.util.Objects;

/**
 * What the server found when it checked a plugin JAR's signature against its trusted signers.
 *
 * @param state       the outcome
 * @param signer      the signer certificate's subject, when the JAR is signed
 * @param fingerprint the SHA-256 fingerprint of the signer certificate (lower-case hex), when the JAR is signed
 * @param message     what an admin should know: why the signature does not count, or who it is trusted as
 */
public record PluginSignature(SignatureState state, String signer, String fingerprint, String message) {

    /** A plugin whose signature the server was told not to check. */
    public static final PluginSignature NOT_CHECKED =
            new PluginSignature(SignatureState.NOT_CHECKED, null, null, "Plugin signatures are not checked");

    public PluginSignature {
        Objects.requireNonNull(state, "state");
    }

    /** Whether a trusted signer signed every file of the JAR. */
    public boolean trusted() {
        return state == SignatureState.TRUSTED;
    }
}
