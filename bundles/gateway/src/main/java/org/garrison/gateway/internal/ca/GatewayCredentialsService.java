package org.garrison.gateway.internal.ca;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

import org.garrison.gateway.internal.GatewayCredentials;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gateway's TLS identity: a fresh EC key and a certificate signed by the agents' authority, made at each start
 * and kept in memory only (nothing to protect on disk, nothing to expire unnoticed). Its configuration is shared with
 * settings that change more often (token validity), so a change does not re-issue it: that would reopen the gateway's
 * port and make every agent reconnect. New server names apply at the next start.
 */
@Component(service = {GatewayCredentials.class, GatewayCredentialsService.class},
        configurationPid = ServerCertificateConfig.PID, configurationPolicy = ConfigurationPolicy.OPTIONAL)
public class GatewayCredentialsService implements GatewayCredentials {

    private static final Logger LOG = LoggerFactory.getLogger(GatewayCredentialsService.class);

    /** Re-issued at every start, so a year is far more than it ever needs. */
    static final Duration VALIDITY = Duration.ofDays(365);

    private final CertificateAuthority authority;
    private final ServerNames names;
    private final KeyStore keyStore;
    private final char[] password;

    @Activate
    public GatewayCredentialsService(@Reference CertificateAuthority authority, ServerCertificateConfig config) {
        this.authority = authority;
        this.names = ServerNames.of(config.serverNames());
        this.password = newPassword();
        KeyPair keys = CertificateAuthority.newKeyPair();
        X509Certificate certificate = authority.issueServerCertificate(keys.getPublic(), names.commonName(),
                names.alternativeNames(), VALIDITY);
        try {
            keyStore = KeyStore.getInstance("PKCS12");
            keyStore.load(null, null);
            keyStore.setKeyEntry(SERVER_KEY_ALIAS, keys.getPrivate(), password,
                    new Certificate[] {certificate, authority.certificate()});
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new IllegalStateException("Could not hold the gateway's key in memory", e);
        }
        LOG.info("Gateway certificate issued for {}", names.names());
    }

    @Modified
    void modified(ServerCertificateConfig config) {
        List<String> configured = ServerNames.of(config.serverNames()).names();
        if (!configured.equals(names.names())) {
            LOG.info("The gateway certificate will name {} from the next start of the server (or of the gateway "
                    + "bundle); it names {} until then", configured, names.names());
        }
    }

    @Override
    public KeyStore serverKeyStore() {
        return keyStore;
    }

    @Override
    public char[] serverKeyPassword() {
        return password.clone();
    }

    @Override
    public X509Certificate caCertificate() {
        return authority.certificate();
    }

    /** The names the gateway's certificate carries. */
    public List<String> serverNames() {
        return names.names();
    }

    /** The key store lives in memory only, but still gets a random password rather than a constant one. */
    private static char[] newPassword() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes).toCharArray();
    }
}
