package org.garrison.api.plugin;

/** The outcome of checking a plugin JAR's signature. */
public enum SignatureState {
    /** Signatures are not checked on this server. */
    NOT_CHECKED,
    /** The JAR carries no signature. */
    UNSIGNED,
    /** Every file is signed, and the signer is (or is issued by) a trusted signer certificate. */
    TRUSTED,
    /** Every file is signed, but not by a trusted signer (or the signer's certificate was not valid). */
    UNTRUSTED,
    /** The signature does not hold: a file was changed or added after signing, or the signature is damaged. */
    INVALID
}
