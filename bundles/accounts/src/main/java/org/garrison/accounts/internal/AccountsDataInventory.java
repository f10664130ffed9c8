package org.garrison.accounts.internal;

import java.util.List;

import org.garrison.api.data.DataInventoryProvider;
import org.garrison.api.data.DataItem;
import org.garrison.api.data.DataOrigin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;

/**
 * What the accounts area stores, for the data inventory: the accounts with their encrypted personal fields, password
 * hashes and second factors, roles and grants, console settings, legal terms and their acceptance, and the keys that
 * encrypt the personal fields. It reads the password policy's configuration, so the inventory states how many old
 * password hashes are kept.
 */
@Component(configurationPid = AccountsConfig.PID)
public class AccountsDataInventory implements DataInventoryProvider {

    private static final String OWNER = DataItem.CORE;
    private static final String UNTIL_DELETED = "until the account is deleted";
    private static final String ENCRYPTED = " Encrypted with the current data key (AES-256-GCM).";

    private volatile List<DataItem> items;

    @Activate
    public AccountsDataInventory(AccountsConfig config) {
        this(config.passwordHistory());
    }

    AccountsDataInventory(int passwordHistory) {
        items = items(passwordHistory);
    }

    @Modified
    void modified(AccountsConfig config) {
        items = items(config.passwordHistory());
    }

    @Override
    public List<DataItem> dataItems() {
        return items;
    }

    private static List<DataItem> items(int passwordHistory) {
        return List.of(
                new DataItem("account.login", OWNER, "Login of the account",
                        "The name an admin signs in with." + ENCRYPTED + " Lookups use a keyed hash (HMAC-SHA-256 "
                                + "under the separate lookup key) of the lower-cased login.",
                        DataOrigin.ADMIN, "ACCOUNTS_ACCOUNT.LOGIN, LOGIN_KEY", true, true, UNTIL_DELETED),
                new DataItem("account.full-name", OWNER, "Full name", ENCRYPTED.strip(), DataOrigin.ADMIN,
                        "ACCOUNTS_ACCOUNT.FULL_NAME", true, true, UNTIL_DELETED),
                new DataItem("account.description", OWNER, "Description of the account", ENCRYPTED.strip(),
                        DataOrigin.ADMIN, "ACCOUNTS_ACCOUNT.DESCRIPTION", true, true, UNTIL_DELETED),
                new DataItem("account.email", OWNER, "E-mail address", ENCRYPTED.strip(), DataOrigin.ADMIN,
                        "ACCOUNTS_ACCOUNT.EMAIL", true, true, UNTIL_DELETED),
                new DataItem("account.phone", OWNER, "Main phone number", ENCRYPTED.strip(), DataOrigin.ADMIN,
                        "ACCOUNTS_ACCOUNT.PHONE", true, true, UNTIL_DELETED),
                new DataItem("account.password", OWNER, "Password",
                        "Only an Argon2id hash is stored, never the password: it cannot be recovered, only "
                                + "checked (a hash, not encryption). Also whether a change is forced at the next "
                                + "sign-in.",
                        DataOrigin.ADMIN, "ACCOUNTS_ACCOUNT.PASSWORD_HASH, MUST_CHANGE_PASSWORD", false, false,
                        "until it is changed or the account is deleted"),
                new DataItem("account.password-history", OWNER, "Previous passwords",
                        "Argon2id hashes of the latest passwords, newest included, so that one is not reused.",
                        DataOrigin.SERVER, "ACCOUNTS_PASSWORD_HISTORY", false, false,
                        "the latest " + passwordHistory + " of each account (passwordHistory of "
                                + AccountsConfig.PID + "); removed with the account"),
                new DataItem("account.second-factor", OWNER, "Second-factor (TOTP) secrets",
                        "The active and the pending TOTP secret, and the last time step used." + ENCRYPTED,
                        DataOrigin.ADMIN, "ACCOUNTS_ACCOUNT.TOTP_SECRET, TOTP_PENDING_SECRET, TOTP_LAST_STEP", false,
                        true, "until the second factor is removed or the account is deleted"),
                new DataItem("account.recovery-codes", OWNER, "Second-factor recovery codes",
                        "Single-use codes, stored as SHA-256 hashes only (not encryption).",
                        DataOrigin.SERVER, "ACCOUNTS_RECOVERY_CODE", false, false,
                        "until used, replaced by new codes, or the account is deleted"),
                new DataItem("account.status", OWNER, "Account status and last sign-in",
                        "Whether the account is enabled, when it was created and changed, and when its holder last "
                                + "signed in. Personal data: tells when a person used the server.",
                        DataOrigin.SERVER, "ACCOUNTS_ACCOUNT.ENABLED, LAST_SIGN_IN, CREATED_AT, MODIFIED_AT", true,
                        false, UNTIL_DELETED),
                new DataItem("account.roles", OWNER, "Roles",
                        "Built-in and custom roles with their names, descriptions and permissions.",
                        DataOrigin.ADMIN, "ACCOUNTS_ROLE, ACCOUNTS_ROLE_PERMISSION", false, false,
                        "until an admin deletes the role (built-in roles always exist)"),
                new DataItem("account.grants", OWNER, "Roles granted to accounts",
                        "Which role each account holds on which administration-group subtree.",
                        DataOrigin.ADMIN, "ACCOUNTS_GRANT", false, false, "until revoked or the account is deleted"),
                new DataItem("account.console-settings", OWNER, "Console settings",
                        "Each account's interface language and theme, monitoring-panel layout, which notifications "
                                + "were read, visible table columns and training-mode progress.",
                        DataOrigin.ADMIN, "ACCOUNTS_SETTINGS", false, false, UNTIL_DELETED),
                new DataItem("account.legal-terms", OWNER, "Legal terms",
                        "Each published version of the legal terms: version, title, text, when and by whom (login) "
                                + "it was published.",
                        DataOrigin.ADMIN, "ACCOUNTS_TERMS", true, false, "kept as long as the server"),
                new DataItem("account.terms-acceptance", OWNER, "Acceptance of the legal terms",
                        "Which account accepted which version of the legal terms, and when.",
                        DataOrigin.ADMIN, "ACCOUNTS_TERMS_ACCEPTANCE", true, false, UNTIL_DELETED),
                new DataItem("account.data-keys", OWNER, "Keys that encrypt personal data",
                        "The AES-256 data keys and the HMAC lookup key, in a PKCS12 keystore whose random password "
                                + "is in a file beside it; both files are readable by the server's OS user only. "
                                + "Whoever reads both can decrypt the encrypted fields: back them up apart from the "
                                + "database.",
                        DataOrigin.SERVER, "etc/garrison-data-keys.p12, etc/garrison-data-keys.password (keystore, "
                                + "passwordFile of org.garrison.accounts.keys)", false, false,
                        "kept as long as the server; garrison:data-key-rotate adds a new key"),
                new DataItem("account.initial-admin-password", OWNER, "Generated first admin password",
                        "Written in plain text, readable by the server's OS user only, when the server creates the "
                                + "account admin on its first start without a chosen password.",
                        DataOrigin.SERVER, "data/initial-admin-password", false, false,
                        "deleted when the admin chooses their own password"));
    }
}
