package org.garrison.sessions.internal.jaas;

import java.io.IOException;
import java.security.Principal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import javax.security.auth.Subject;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.CallbackHandler;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.PasswordCallback;
import javax.security.auth.callback.UnsupportedCallbackException;
import javax.security.auth.login.AccountLockedException;
import javax.security.auth.login.FailedLoginException;
import javax.security.auth.login.LoginException;
import javax.security.auth.spi.LoginModule;

import org.apache.karaf.jaas.boot.principal.ClientPrincipal;
import org.apache.karaf.jaas.boot.principal.RolePrincipal;
import org.apache.karaf.jaas.boot.principal.UserPrincipal;
import org.garrison.sessions.internal.ShellRoles;
import org.garrison.sessions.internal.SignInService;

/**
 * Signs Karaf shell users (SSH) in with their Garrison account. Karaf's {@code ProxyLoginModule} creates it from
 * this bundle and hands it the options of {@link GarrisonJaasRealm}, among them the sign-in service.
 *
 * <p>The shell asks for one secret only: an account with a second factor types its password, a space and the code.
 */
public class GarrisonLoginModule implements LoginModule {

    /** The option carrying the {@link SignInService}. */
    static final String SIGN_IN_OPTION = "garrison.sign-in";

    private Subject subject;
    private CallbackHandler callbackHandler;
    private SignInService signIn;
    private final List<Principal> principals = new ArrayList<>();

    /** Instantiated by Karaf's {@code ProxyLoginModule}. */
    public GarrisonLoginModule() {
    }

    @Override
    public void initialize(Subject subject, CallbackHandler callbackHandler, Map<String, ?> sharedState,
            Map<String, ?> options) {
        this.subject = subject;
        this.callbackHandler = callbackHandler;
        this.signIn = (SignInService) options.get(SIGN_IN_OPTION);
    }

    @Override
    public boolean login() throws LoginException {
        if (signIn == null) {
            throw new LoginException("Garrison sign-in is not available");
        }
        NameCallback name = new NameCallback("Login: ");
        PasswordCallback password = new PasswordCallback("Password: ", false);
        try {
            callbackHandler.handle(new Callback[] {name, password});
        } catch (IOException | UnsupportedCallbackException e) {
            throw new LoginException("Cannot ask for the login and password: " + e.getMessage());
        }
        String login = name.getName();
        char[] secret = password.getPassword();
        password.clearPassword();
        if (login == null || login.isBlank() || secret == null || secret.length == 0) {
            throw new FailedLoginException("Wrong login or password");
        }
        SignInService.Result result = signIn.shellSignIn(login, new String(secret), clientAddress());
        Arrays.fill(secret, '\0');
        if (result instanceof SignInService.Refused refused) {
            if (refused.status() == 429) {
                throw new AccountLockedException(refused.detail());
            }
            if ("second-factor-required".equals(refused.code())) {
                throw new FailedLoginException(refused.detail()
                        + ": type the password, a space and the code as the password");
            }
            throw new FailedLoginException(refused.detail());
        }
        var account = ((SignInService.Success) result).account();
        principals.clear();
        principals.add(new UserPrincipal(account.login()));
        for (String role : ShellRoles.of(account)) {
            principals.add(new RolePrincipal(role));
        }
        return true;
    }

    /** The client's address, as Karaf's SSH server puts it on the subject ({@code /192.0.2.7:52144}). */
    private String clientAddress() {
        if (subject == null) {
            return null;
        }
        for (ClientPrincipal client : subject.getPrincipals(ClientPrincipal.class)) {
            return addressOf(client.getAddress());
        }
        return null;
    }

    static String addressOf(String socketAddress) {
        if (socketAddress == null || socketAddress.isBlank()) {
            return null;
        }
        String address = socketAddress.strip();
        int slash = address.indexOf('/');
        if (slash >= 0) {
            address = address.substring(slash + 1);
        }
        if (address.startsWith("[")) {
            int end = address.indexOf(']');
            return end > 0 ? address.substring(1, end) : address;
        }
        int colon = address.lastIndexOf(':');
        if (colon > 0 && address.indexOf(':') == colon) {
            return address.substring(0, colon); // IPv4 with port
        }
        return address;
    }

    @Override
    public boolean commit() {
        if (principals.isEmpty()) {
            return false;
        }
        subject.getPrincipals().addAll(principals);
        return true;
    }

    @Override
    public boolean abort() {
        principals.clear();
        return true;
    }

    @Override
    public boolean logout() {
        subject.getPrincipals().removeAll(principals);
        principals.clear();
        return true;
    }
}
