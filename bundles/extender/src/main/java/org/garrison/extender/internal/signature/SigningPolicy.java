package org.garrison.extender.internal.signature;

import java.nio.file.Path;
import java.util.Optional;

import org.garrison.api.plugin.PluginSignature;
import org.osgi.framework.Bundle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's plugin signature setting at work: checks a JAR or an installed bundle against the trusted signers'
 * folder (read at each check) and says whether the outcome refuses the plugin.
 */
public final class SigningPolicy {

    private static final Logger LOG = LoggerFactory.getLogger(SigningPolicy.class);

    private final SignatureMode mode;
    private final Path trustedFolder;

    public SigningPolicy(SignatureMode mode, Path trustedFolder) {
        this.mode = mode;
        this.trustedFolder = trustedFolder;
    }

    public SignatureMode mode() {
        return mode;
    }

    /** What the signature of a JAR file amounts to. */
    public PluginSignature check(Path jar) {
        return mode == SignatureMode.OFF ? PluginSignature.NOT_CHECKED : JarSignatures.check(jar, trusted());
    }

    /** What the signature of an installed bundle amounts to. */
    public PluginSignature check(Bundle bundle) {
        if (mode == SignatureMode.OFF) {
            return PluginSignature.NOT_CHECKED;
        }
        try (BundleJar jar = BundleJar.of(bundle)) {
            return JarSignatures.check(jar.file(), trusted());
        }
    }

    /** Why a plugin with this signature is refused, if it is. */
    public Optional<String> refusal(PluginSignature signature) {
        if (mode != SignatureMode.REQUIRE || signature.trusted()) {
            return Optional.empty();
        }
        return Optional.of("Plugins must be signed by a trusted signer (signatures = require): "
                + signature.message());
    }

    private TrustedSigners trusted() {
        TrustedSigners trusted = TrustedSigners.in(trustedFolder);
        trusted.problems().forEach(problem -> LOG.warn("Trusted plugin signer not read: {}", problem));
        return trusted;
    }
}
