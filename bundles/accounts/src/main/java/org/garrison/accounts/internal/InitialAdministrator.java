package org.garrison.accounts.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;

import org.garrison.api.Actor;
import org.garrison.api.account.NewAccount;
import org.garrison.api.error.ConflictException;
import org.garrison.api.error.ValidationException;
import org.garrison.api.store.StoreException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the account {@code admin}, main administrator of the whole server, when the server starts with no account
 * at all. Its password comes from the environment variable {@value #ENVIRONMENT} (or the system property
 * {@value #PROPERTY}) when set and acceptable to the password policy, with no forced change; otherwise it is
 * generated, written to {@code ${karaf.data}/initial-admin-password} (owner-only) and must be changed at the first
 * sign-in. The log names the file, never the password.
 *
 * <p>Several nodes sharing one database may start at once: the unique login key lets only one of them create the
 * account, the others find it taken and do nothing.
 */
@Component(service = InitialAdministrator.class, immediate = true)
public class InitialAdministrator {

    static final String LOGIN = "admin";
    static final String ENVIRONMENT = "GARRISON_ADMIN_PASSWORD";
    static final String PROPERTY = "garrison.admin.password";
    static final String FILE_NAME = "initial-admin-password";

    private static final Logger LOG = LoggerFactory.getLogger(InitialAdministrator.class);

    /** What happened at start. */
    enum Outcome { EXISTING, SUPPLIED, GENERATED }

    @Activate
    public InitialAdministrator(@Reference AccountsService accounts) {
        String supplied = System.getenv(ENVIRONMENT);
        if (supplied == null || supplied.isEmpty()) {
            supplied = System.getProperty(PROPERTY);
        }
        createIfNone(accounts, supplied, Path.of(System.getProperty("karaf.data", "data")).resolve(FILE_NAME),
                new SecureRandom());
    }

    static Outcome createIfNone(AccountsService accounts, String supplied, Path passwordFile, SecureRandom random) {
        if (!accounts.noAccounts()) {
            return Outcome.EXISTING;
        }
        Actor actor = Actor.system("first-start");
        if (supplied != null && !supplied.isEmpty()) {
            try {
                accounts.policy().check("password", supplied, LOGIN, List.of(), (a, b) -> false);
                return create(accounts, supplied, false, actor) ? Outcome.SUPPLIED : Outcome.EXISTING;
            } catch (ValidationException e) {
                LOG.error("The admin password given in {} is not acceptable ({}); a random one is generated instead",
                        ENVIRONMENT, e.getMessage());
            }
        }
        String generated = GeneratedPassword.create(random, LOGIN);
        if (!create(accounts, generated, true, actor)) {
            return Outcome.EXISTING;
        }
        try {
            OwnerOnlyFiles.write(passwordFile, (generated + System.lineSeparator()).getBytes(StandardCharsets.UTF_8));
            LOG.info("Initial admin password written to {}", passwordFile.toAbsolutePath());
        } catch (IOException e) {
            LOG.error("The initial admin password could not be written to {}; reset it with "
                    + "garrison:account-password-reset admin", passwordFile.toAbsolutePath(), e);
        }
        return Outcome.GENERATED;
    }

    /**
     * Deletes the file with the generated first password once the admin has chosen their own: it no longer works and
     * should not lie around.
     */
    static void forgetGeneratedPassword(String login) {
        if (!LOGIN.equals(login)) {
            return;
        }
        Path file = Path.of(System.getProperty("karaf.data", "data")).resolve(FILE_NAME);
        try {
            if (Files.deleteIfExists(file)) {
                LOG.info("The admin chose their own password; {} was deleted", file.toAbsolutePath());
            }
        } catch (IOException e) {
            LOG.warn("Could not delete {}: {}", file.toAbsolutePath(), e.getMessage());
        }
    }

    private static boolean create(AccountsService accounts, String password, boolean mustChange, Actor actor) {
        try {
            accounts.create(new NewAccount(LOGIN, "Administrator", "Created at first start", null, null, password,
                    mustChange, List.of(AccountsService.mainAdministratorGrant())), actor);
            return true;
        } catch (ConflictException | StoreException e) {
            if (accounts.noAccounts()) {
                throw e;
            }
            LOG.debug("Another node created the first account meanwhile");
            return false;
        }
    }
}
