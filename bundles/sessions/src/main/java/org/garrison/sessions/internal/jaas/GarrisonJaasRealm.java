package org.garrison.sessions.internal.jaas;

import java.util.HashMap;
import java.util.Map;

import javax.security.auth.login.AppConfigurationEntry;

import org.apache.karaf.jaas.boot.ProxyLoginModule;
import org.apache.karaf.jaas.config.JaasRealm;
import org.garrison.sessions.internal.SignInService;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Replaces Karaf's own {@code karaf} realm (rank 0, backed by {@code etc/users.properties}) with Garrison accounts,
 * so the SSH shell (and JMX or the web console, where installed) signs people in with the same accounts, passwords,
 * second factors and back-off as the console. Karaf uses the realm of a name with the highest rank.
 */
@Component(service = JaasRealm.class, property = "service.ranking:Integer=100")
public class GarrisonJaasRealm implements JaasRealm {

    /** The realm Karaf's SSH server ({@code sshRealm}), JMX and web console use by default. */
    static final String REALM = "karaf";
    static final int RANK = 100;

    private final AppConfigurationEntry[] entries;

    @Activate
    public GarrisonJaasRealm(BundleContext context, @Reference SignInService signIn) {
        Map<String, Object> options = new HashMap<>();
        options.put(BundleContext.class.getName(), context);
        options.put(ProxyLoginModule.PROPERTY_MODULE, GarrisonLoginModule.class.getName());
        options.put(ProxyLoginModule.PROPERTY_BUNDLE, Long.toString(context.getBundle().getBundleId()));
        options.put(GarrisonLoginModule.SIGN_IN_OPTION, signIn);
        entries = new AppConfigurationEntry[] {new AppConfigurationEntry(ProxyLoginModule.class.getName(),
                AppConfigurationEntry.LoginModuleControlFlag.REQUIRED, options)};
    }

    @Override
    public String getName() {
        return REALM;
    }

    @Override
    public int getRank() {
        return RANK;
    }

    @Override
    public AppConfigurationEntry[] getEntries() {
        return entries.clone();
    }
}
