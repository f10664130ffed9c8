package org.garrison.accounts.internal;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.garrison.api.Actor;
import org.garrison.api.ActorKind;
import org.garrison.api.Cursor;
import org.garrison.api.Ids;
import org.garrison.api.Page;
import org.garrison.api.PageRequest;
import org.garrison.api.account.Account;
import org.garrison.api.account.AccountService;
import org.garrison.api.account.AccountUpdate;
import org.garrison.api.account.BuiltInRole;
import org.garrison.api.account.NewAccount;
import org.garrison.api.account.Role;
import org.garrison.api.account.RoleGrant;
import org.garrison.api.account.SecondFactorEnrolment;
import org.garrison.api.audit.DeletedObjects;
import org.garrison.api.audit.ObjectRef;
import org.garrison.api.audit.RevisionHistory;
import org.garrison.api.error.ConflictException;
import org.garrison.api.error.FieldError;
import org.garrison.api.error.NotFoundException;
import org.garrison.api.error.ValidationException;
import org.garrison.api.group.AdministrationGroup;
import org.garrison.api.group.GroupService;
import org.garrison.api.security.Authenticator;
import org.garrison.api.security.EncryptedDataOwner;
import org.garrison.api.security.GroupScope;
import org.garrison.api.security.PendingStep;
import org.garrison.api.security.PersonalDataCipher;
import org.garrison.api.store.MigratedSchema;
import org.garrison.api.store.Transactions;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.Designate;

/**
 * Accounts: profiles with personal fields encrypted at rest (looked up through a keyed hash of the lower-cased
 * login), Argon2id passwords under a policy, TOTP second factors with recovery codes, and the permissions roles
 * give. Changes record a revision whose snapshot holds no personal field and no secret.
 *
 * <p>Accounts are listed by login. Logins are encrypted, so the database cannot sort them: listing decrypts every
 * account and sorts in memory, which is fine for the few hundred (up to some thousands) accounts a server has.
 */
@Component(service = {AccountService.class, EncryptedDataOwner.class, AccountsService.class},
        configurationPid = AccountsConfig.PID)
@Designate(ocd = AccountsConfig.class)
public class AccountsService implements AccountService, EncryptedDataOwner {

    static final String OBJECT_TYPE = Snapshots.ACCOUNT;
    private static final Pattern LOGIN = Pattern.compile("[\\p{L}\\p{N}._@+-]{1,64}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern PHONE = Pattern.compile("[0-9+()./ x-]{3,50}");
    private static final int MAX_FULL_NAME = 200;
    private static final int MAX_DESCRIPTION = 1000;
    private static final int MAX_EMAIL = 254;
    private static final int MAX_SIGN_IN_PASSWORD = 4096;

    private final Transactions transactions;
    private final RevisionHistory revisions;
    private final DeletedObjects deleted;
    private final PersonalDataCipher cipher;
    private final RolesService roles;
    private final GroupService groups;
    private final LegalTermsService terms;
    private final Clock clock;
    private final SecureRandom random;
    private final PasswordHasher hasher;
    private final PasswordPolicy policy;
    private final boolean termsRequired;
    private final AccountRepository repository = new AccountRepository();
    private final Snapshots snapshots = new Snapshots();
    private final ReentrantLock changes = new ReentrantLock();

    /** Ends the sessions of an account whose password an administrator reset; absent while sign-in is. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile Authenticator authenticator;

    @Activate
    public AccountsService(@Reference Transactions transactions, @Reference RevisionHistory revisions,
            @Reference DeletedObjects deleted, @Reference PersonalDataCipher cipher, @Reference RolesService roles,
            @Reference GroupService groups, @Reference LegalTermsService terms,
            @Reference(target = "(garrison.schema=accounts)") MigratedSchema schema, AccountsConfig config) {
        this(transactions, revisions, deleted, cipher, roles, groups, terms, Clock.systemUTC(), new SecureRandom(),
                new PasswordHasher.Parameters(config.argon2MemoryKib(), config.argon2Iterations(),
                        config.argon2Parallelism()),
                new PasswordPolicy(config.passwordMinLength(), config.passwordMaxLength(), config.passwordHistory()),
                config.termsRequired());
    }

    AccountsService(Transactions transactions, RevisionHistory revisions, DeletedObjects deleted,
            PersonalDataCipher cipher, RolesService roles, GroupService groups, LegalTermsService terms, Clock clock,
            SecureRandom random, PasswordHasher.Parameters hashing, PasswordPolicy policy, boolean termsRequired) {
        this.transactions = transactions;
        this.revisions = revisions;
        this.deleted = deleted;
        this.cipher = cipher;
        this.roles = roles;
        this.groups = groups;
        this.terms = terms;
        this.clock = clock;
        this.random = random;
        this.hasher = new PasswordHasher(hashing, random);
        this.policy = policy;
        this.termsRequired = termsRequired;
    }

    PasswordPolicy policy() {
        return policy;
    }

    // ---- reading

    @Override
    public Account get(UUID id) {
        return transactions.inTransaction(connection -> {
            StoredAccount stored = repository.find(connection, id)
                    .orElseThrow(() -> new NotFoundException("Account", id));
            return account(stored, repository.grants(connection, id));
        });
    }

    @Override
    public Optional<Account> byLogin(String login) {
        if (login == null || login.isBlank()) {
            return Optional.empty();
        }
        return transactions.inTransaction(connection -> {
            Optional<StoredAccount> stored = repository.findByLoginKey(connection, loginKey(login));
            if (stored.isEmpty()) {
                return Optional.<Account>empty();
            }
            return Optional.of(account(stored.get(), repository.grants(connection, stored.get().id())));
        });
    }

    @Override
    public Page<Account> list(PageRequest page) {
        List<Account> all = transactions.inTransaction(connection -> {
            Map<UUID, List<RoleGrant>> grants = repository.allGrants(connection);
            List<Account> accounts = new ArrayList<>();
            for (StoredAccount stored : repository.all(connection)) {
                accounts.add(account(stored, grants.getOrDefault(stored.id(), List.of())));
            }
            return accounts;
        });
        Comparator<Account> order = Comparator.comparing((Account a) -> sortKey(a.login()))
                .thenComparing(a -> a.id().toString());
        all.sort(order);
        int from = 0;
        if (page.cursor() != null) {
            List<String> keys = page.cursor().keys();
            if (keys.size() != 2) {
                throw new ValidationException("cursor", "belongs to another listing; start again without one");
            }
            from = all.size();
            for (int i = 0; i < all.size(); i++) {
                Account account = all.get(i);
                int compare = sortKey(account.login()).compareTo(keys.get(0));
                if (compare > 0 || compare == 0 && account.id().toString().compareTo(keys.get(1)) > 0) {
                    from = i;
                    break;
                }
            }
        }
        int to = Math.min(all.size(), from + page.limit());
        List<Account> items = all.subList(from, to);
        String next = to < all.size()
                ? Cursor.after(sortKey(items.get(items.size() - 1).login()), items.get(items.size() - 1).id()
                        .toString()).encode()
                : null;
        return new Page<>(items, next, (long) all.size());
    }

    private static String sortKey(String login) {
        return login.toLowerCase(Locale.ROOT);
    }

    // ---- changing

    @Override
    public Account create(NewAccount account, Actor actor) {
        if (account == null) {
            throw new ValidationException("", "the account is required");
        }
        Profile profile = Profile.validate(account.login(), account.fullName(), account.description(),
                account.email(), account.phone());
        policy.check("password", account.password(), profile.login(), List.of(), hasher::verify);
        List<RoleGrant> grants = validGrants(account.grants());
        String hash = hasher.hash(account.password());
        return changing(() -> transactions.inTransaction(connection -> {
            String key = loginKey(profile.login());
            if (repository.findByLoginKey(connection, key).isPresent()) {
                throw new ConflictException("The login \"" + profile.login() + "\" is taken");
            }
            Instant now = now();
            StoredAccount stored = new StoredAccount(Ids.newId(), key, cipher.encrypt(profile.login()),
                    encrypt(profile.fullName()), encrypt(profile.description()), encrypt(profile.email()),
                    encrypt(profile.phone()), hash, true, account.mustChangePassword(), null, null, null, null, now,
                    now);
            repository.insert(connection, stored);
            repository.replaceGrants(connection, stored.id(), grants);
            repository.addToHistory(connection, stored.id(), hash, now, policy.remembered());
            record(stored, grants, "created", actor);
            return account(stored, grants);
        }));
    }

    @Override
    public Account update(UUID id, AccountUpdate update, Actor actor) {
        if (update == null) {
            throw new ValidationException("", "a change is required");
        }
        List<RoleGrant> newGrants = update.grants() == null ? null : validGrants(update.grants());
        return changing(() -> transactions.inTransaction(connection -> {
            StoredAccount stored = repository.find(connection, id)
                    .orElseThrow(() -> new NotFoundException("Account", id));
            Account current = account(stored, repository.grants(connection, id));
            Profile profile = Profile.validate(
                    update.login() == null ? current.login() : update.login(),
                    update.fullName() == null ? current.fullName() : update.fullName(),
                    update.description() == null ? current.description() : update.description(),
                    update.email() == null ? current.email() : update.email(),
                    update.phone() == null ? current.phone() : update.phone());
            boolean enabled = update.enabled() == null ? current.enabled() : update.enabled();
            List<RoleGrant> grants = newGrants == null ? current.grants() : newGrants;
            if (isMainAdministrator(current.enabled(), current.grants())
                    && !isMainAdministrator(enabled, grants)) {
                requireAnotherMainAdministrator(connection, id, enabled ? "lose the main administrator role"
                        : "be disabled");
            }
            String key = loginKey(profile.login());
            if (!key.equals(stored.loginKey()) && repository.findByLoginKey(connection, key).isPresent()) {
                throw new ConflictException("The login \"" + profile.login() + "\" is taken");
            }
            StoredAccount changed = stored.withProfile(key, reencryptIfChanged(stored.login(), current.login(),
                    profile.login()), reencryptIfChanged(stored.fullName(), current.fullName(), profile.fullName()),
                    reencryptIfChanged(stored.description(), current.description(), profile.description()),
                    reencryptIfChanged(stored.email(), current.email(), profile.email()),
                    reencryptIfChanged(stored.phone(), current.phone(), profile.phone()), enabled, now());
            repository.updateProfile(connection, changed);
            if (newGrants != null) {
                repository.replaceGrants(connection, id, grants);
            }
            String action = enabled != current.enabled() ? (enabled ? "enabled" : "disabled") : "updated";
            record(changed, grants, action, actor);
            return account(changed, grants);
        }));
    }

    @Override
    public void delete(UUID id, Actor actor) {
        changing(() -> {
            transactions.runInTransaction(connection -> {
                StoredAccount stored = repository.find(connection, id)
                        .orElseThrow(() -> new NotFoundException("Account", id));
                List<RoleGrant> grants = repository.grants(connection, id);
                if (isMainAdministrator(stored.enabled(), grants)) {
                    requireAnotherMainAdministrator(connection, id, "be deleted");
                }
                deleted.register(ref(id), "Account " + id, snapshots.account(id, stored.enabled(),
                        stored.mustChangePassword(), stored.secondFactor(), grants), actor);
                repository.delete(connection, id);
            });
            return null;
        });
    }

    @Override
    public void resetPassword(UUID id, String newPassword, boolean mustChange, Actor actor) {
        transactions.runInTransaction(connection -> {
            StoredAccount stored = repository.find(connection, id)
                    .orElseThrow(() -> new NotFoundException("Account", id));
            policy.check("newPassword", newPassword, cipher.decrypt(stored.login()),
                    repository.passwordHistory(connection, id), hasher::verify);
            setPassword(connection, stored, newPassword, mustChange, "password-reset", actor);
        });
        Authenticator sessions = authenticator;
        if (sessions != null) {
            sessions.endSessions(id, null);
        }
    }

    @Override
    public void changePassword(UUID id, String currentPassword, String newPassword) {
        String changed = transactions.inTransaction(connection -> {
            StoredAccount stored = repository.find(connection, id)
                    .orElseThrow(() -> new NotFoundException("Account", id));
            if (currentPassword == null || currentPassword.length() > MAX_SIGN_IN_PASSWORD
                    || !hasher.verify(currentPassword, stored.passwordHash())) {
                throw new ValidationException("currentPassword", "is not correct");
            }
            String login = cipher.decrypt(stored.login());
            policy.check("newPassword", newPassword, login, repository.passwordHistory(connection, id),
                    hasher::verify);
            setPassword(connection, stored, newPassword, false, "password-changed", self(id, login));
            return login;
        });
        InitialAdministrator.forgetGeneratedPassword(changed);
    }

    private void setPassword(Connection connection, StoredAccount stored, String password,
            boolean mustChange, String action, Actor actor) throws SQLException {
        String hash = hasher.hash(password);
        Instant now = now();
        repository.updatePassword(connection, stored.id(), hash, mustChange, now);
        repository.addToHistory(connection, stored.id(), hash, now, policy.remembered());
        revisions.record(ref(stored.id()), action, snapshots.account(stored.id(), stored.enabled(), mustChange,
                stored.secondFactor(), repository.grants(connection, stored.id())), actor);
    }

    // ---- signing in

    @Override
    public Optional<Account> verifyPassword(String login, String password) {
        if (login == null || login.isBlank() || password == null || password.length() > MAX_SIGN_IN_PASSWORD) {
            hasher.verifyDummy(password == null || password.length() > MAX_SIGN_IN_PASSWORD ? "" : password);
            return Optional.empty();
        }
        Optional<StoredAccount> found = transactions.inTransaction(
                connection -> repository.findByLoginKey(connection, loginKey(login)));
        if (found.isEmpty()) {
            hasher.verifyDummy(password);
            return Optional.empty();
        }
        StoredAccount stored = found.get();
        if (!hasher.verify(password, stored.passwordHash()) || !stored.enabled()) {
            return Optional.empty();
        }
        if (hasher.needsRehash(stored.passwordHash())) {
            String rehashed = hasher.hash(password);
            transactions.runInTransaction(
                    connection -> repository.rehash(connection, stored.id(), stored.passwordHash(), rehashed));
        }
        return Optional.of(get(stored.id()));
    }

    @Override
    public void signedIn(UUID id, Instant at) {
        transactions.runInTransaction(connection -> repository.signedIn(connection, id, at));
    }

    @Override
    public Map<String, GroupScope> permissions(UUID id, Set<UUID> roleIds) {
        Account account = get(id);
        if (!account.enabled()) {
            return Map.of();
        }
        List<RoleGrant> grants = account.grants().stream()
                .filter(grant -> roleIds == null || roleIds.contains(grant.roleId())).toList();
        if (grants.isEmpty()) {
            return Map.of();
        }
        Set<UUID> existing = groups.all().stream().map(AdministrationGroup::id).collect(Collectors.toSet());
        Map<UUID, Set<String>> byRole = roles.permissionsByRole();
        return PermissionEvaluation.evaluate(grants, byRole::get, existing::contains, roles.permissions());
    }

    @Override
    public Set<PendingStep> pendingSteps(UUID id) {
        Account account = get(id);
        Set<PendingStep> steps = EnumSet.noneOf(PendingStep.class);
        if (account.mustChangePassword()) {
            steps.add(PendingStep.CHANGE_PASSWORD);
        }
        if (termsRequired && terms.pendingFor(id)) {
            steps.add(PendingStep.ACCEPT_TERMS);
        }
        return steps;
    }

    // ---- second factor

    @Override
    public SecondFactorEnrolment beginSecondFactor(UUID id) {
        return transactions.inTransaction(connection -> {
            StoredAccount stored = repository.find(connection, id)
                    .orElseThrow(() -> new NotFoundException("Account", id));
            if (stored.secondFactor()) {
                throw new ConflictException("A second factor is enrolled already; remove it before enrolling a new one");
            }
            String secret = Totp.newSecret(random);
            repository.setPendingSecondFactor(connection, id, cipher.encrypt(secret));
            return new SecondFactorEnrolment(secret, Totp.otpauthUri(cipher.decrypt(stored.login()), secret));
        });
    }

    @Override
    public List<String> confirmSecondFactor(UUID id, String code) {
        return transactions.inTransaction(connection -> {
            StoredAccount stored = repository.find(connection, id)
                    .orElseThrow(() -> new NotFoundException("Account", id));
            if (stored.totpPendingSecret() == null) {
                throw new ValidationException("code", "has nothing to confirm: start enrolling a second factor first");
            }
            String secret = cipher.decrypt(stored.totpPendingSecret());
            OptionalLong step = Totp.match(secret, code == null ? null : code.strip(), clock.instant(),
                    Long.MIN_VALUE);
            if (step.isEmpty()) {
                throw new ValidationException("code", "does not match; check that the device's clock is right and "
                        + "enter the current code");
            }
            List<String> codes = RecoveryCodes.generate(random);
            repository.activateSecondFactor(connection, id, cipher.encrypt(secret), step.getAsLong(), now());
            repository.replaceRecoveryCodes(connection, id, codes.stream().map(RecoveryCodes::hash).toList());
            revisions.record(ref(id), "second-factor-enrolled", snapshots.account(id, stored.enabled(),
                    stored.mustChangePassword(), true, repository.grants(connection, id)),
                    self(id, cipher.decrypt(stored.login())));
            return codes;
        });
    }

    @Override
    public void removeSecondFactor(UUID id, String password, Actor actor) {
        transactions.runInTransaction(connection -> {
            StoredAccount stored = repository.find(connection, id)
                    .orElseThrow(() -> new NotFoundException("Account", id));
            if (password != null && (password.length() > MAX_SIGN_IN_PASSWORD
                    || !hasher.verify(password, stored.passwordHash()))) {
                throw new ValidationException("password", "is not correct");
            }
            if (!stored.secondFactor() && stored.totpPendingSecret() == null) {
                return;
            }
            repository.removeSecondFactor(connection, id, now());
            revisions.record(ref(id), "second-factor-removed", snapshots.account(id, stored.enabled(),
                    stored.mustChangePassword(), false, repository.grants(connection, id)), actor);
        });
    }

    @Override
    public boolean verifySecondFactor(UUID id, String code) {
        return transactions.inTransaction(connection -> {
            StoredAccount stored = repository.find(connection, id)
                    .orElseThrow(() -> new NotFoundException("Account", id));
            if (!stored.secondFactor()) {
                return true;
            }
            if (code == null) {
                return false;
            }
            String given = code.strip();
            if (given.matches("\\d{" + Totp.DIGITS + "}")) {
                long last = stored.totpLastStep() == null ? Long.MIN_VALUE : stored.totpLastStep();
                OptionalLong step = Totp.match(cipher.decrypt(stored.totpSecret()), given, clock.instant(), last);
                return step.isPresent() && repository.useStep(connection, id, stored.totpLastStep(),
                        step.getAsLong());
            }
            return RecoveryCodes.looksLikeOne(given)
                    && repository.useRecoveryCode(connection, id, RecoveryCodes.hash(given));
        });
    }

    // ---- key rotation

    @Override
    public String name() {
        return "accounts";
    }

    @Override
    public int reencrypt(PersonalDataCipher current) {
        return transactions.inTransaction(connection -> {
            int count = 0;
            for (StoredAccount stored : repository.all(connection)) {
                String[] values = {stored.login(), stored.fullName(), stored.description(), stored.email(),
                    stored.phone(), stored.totpSecret(), stored.totpPendingSecret()};
                int stale = 0;
                for (int i = 0; i < values.length; i++) {
                    if (values[i] != null && current.isStale(values[i])) {
                        values[i] = current.encrypt(current.decrypt(values[i]));
                        stale++;
                    }
                }
                if (stale > 0) {
                    repository.updateEncrypted(connection, new StoredAccount(stored.id(), stored.loginKey(),
                            values[0], values[1], values[2], values[3], values[4], stored.passwordHash(),
                            stored.enabled(), stored.mustChangePassword(), values[5], values[6],
                            stored.totpLastStep(), stored.lastSignIn(), stored.createdAt(), stored.modifiedAt()));
                    count += stale;
                }
            }
            return count;
        });
    }

    // ---- helpers

    /** Whether the first account still has to be created. */
    boolean noAccounts() {
        return transactions.inTransaction(repository::count) == 0;
    }

    private <T> T changing(Supplier<T> work) {
        changes.lock();
        try {
            return work.get();
        } finally {
            changes.unlock();
        }
    }

    private static boolean isMainAdministrator(boolean enabled, List<RoleGrant> grants) {
        return enabled && grants.contains(mainAdministratorGrant());
    }

    static RoleGrant mainAdministratorGrant() {
        return new RoleGrant(BuiltInRole.MAIN_ADMINISTRATOR.id(), AdministrationGroup.MANAGED_DEVICES);
    }

    private void requireAnotherMainAdministrator(Connection connection, UUID id, String change)
            throws SQLException {
        Set<UUID> holders = new HashSet<>(repository.enabledHolders(connection,
                BuiltInRole.MAIN_ADMINISTRATOR.id(), AdministrationGroup.MANAGED_DEVICES));
        holders.remove(id);
        if (holders.isEmpty()) {
            throw new ConflictException("This is the last enabled main administrator of the whole server; it cannot "
                    + change + " until another enabled account holds that role on \"Managed devices\"");
        }
    }

    private List<RoleGrant> validGrants(List<RoleGrant> grants) {
        if (grants == null) {
            return List.of();
        }
        Set<UUID> roleIds = roles.all().stream().map(Role::id).collect(Collectors.toSet());
        Set<UUID> groupIds = groups.all().stream().map(AdministrationGroup::id).collect(Collectors.toSet());
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < grants.size(); i++) {
            RoleGrant grant = grants.get(i);
            if (grant == null) {
                errors.add(new FieldError("grants/" + i, "must name a role and a group"));
                continue;
            }
            if (!roleIds.contains(grant.roleId())) {
                errors.add(new FieldError("grants/" + i + "/roleId", "names no existing role"));
            }
            if (!groupIds.contains(grant.groupId())) {
                errors.add(new FieldError("grants/" + i + "/groupId", "names no existing group"));
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return List.copyOf(new LinkedHashSet<>(grants));
    }

    private Account account(StoredAccount stored, List<RoleGrant> grants) {
        return new Account(stored.id(), cipher.decrypt(stored.login()), decryptOrEmpty(stored.fullName()),
                decryptOrEmpty(stored.description()), decryptOrEmpty(stored.email()),
                decryptOrEmpty(stored.phone()), stored.enabled(), stored.mustChangePassword(), stored.secondFactor(),
                stored.lastSignIn(), stored.createdAt(), grants);
    }

    private String decryptOrEmpty(String stored) {
        return stored == null ? "" : cipher.decrypt(stored);
    }

    private String encrypt(String value) {
        return value == null || value.isEmpty() ? null : cipher.encrypt(value);
    }

    /** Keeps the stored ciphertext when the value did not change, so an update does not rewrite every field. */
    private String reencryptIfChanged(String stored, String oldValue, String newValue) {
        if (newValue == null || newValue.isEmpty()) {
            return null;
        }
        return newValue.equals(oldValue) && stored != null ? stored : cipher.encrypt(newValue);
    }

    private String loginKey(String login) {
        return cipher.lookupKey(login.strip().toLowerCase(Locale.ROOT));
    }

    private void record(StoredAccount stored, List<RoleGrant> grants, String action, Actor actor) {
        revisions.record(ref(stored.id()), action, snapshots.account(stored.id(), stored.enabled(),
                stored.mustChangePassword(), stored.secondFactor(), grants), actor);
    }

    private static Actor self(UUID id, String login) {
        return new Actor(ActorKind.ACCOUNT, id.toString(), login);
    }

    private static ObjectRef ref(UUID id) {
        return new ObjectRef(OBJECT_TYPE, id);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    /** Validated profile fields; empty optional fields are empty strings. */
    private record Profile(String login, String fullName, String description, String email, String phone) {

        static Profile validate(String login, String fullName, String description, String email, String phone) {
            List<FieldError> errors = new ArrayList<>();
            String validLogin = login == null ? "" : login.strip();
            if (validLogin.isEmpty()) {
                errors.add(new FieldError("login", "is required"));
            } else if (!LOGIN.matcher(validLogin).matches()) {
                errors.add(new FieldError("login", "must be 1-64 letters, digits or . _ @ + -"));
            }
            String validName = text(fullName);
            if (validName.length() > MAX_FULL_NAME || hasControl(validName)) {
                errors.add(new FieldError("fullName", "must have at most " + MAX_FULL_NAME
                        + " characters and no control characters"));
            }
            String validDescription = description == null ? "" : description.strip();
            if (validDescription.length() > MAX_DESCRIPTION) {
                errors.add(new FieldError("description", "must have at most " + MAX_DESCRIPTION + " characters"));
            }
            String validEmail = text(email);
            if (!validEmail.isEmpty() && (validEmail.length() > MAX_EMAIL || !EMAIL.matcher(validEmail).matches())) {
                errors.add(new FieldError("email", "must be an e-mail address such as jane@example.com"));
            }
            String validPhone = text(phone);
            if (!validPhone.isEmpty() && (!PHONE.matcher(validPhone).matches()
                    || validPhone.chars().noneMatch(Character::isDigit))) {
                errors.add(new FieldError("phone", "must be a phone number of 3-50 digits, spaces and + ( ) . / - x"));
            }
            if (!errors.isEmpty()) {
                throw new ValidationException(errors);
            }
            return new Profile(validLogin, validName, validDescription, validEmail, validPhone);
        }

        private static String text(String value) {
            return value == null ? "" : value.strip();
        }

        private static boolean hasControl(String value) {
            return value.chars().anyMatch(Character::isISOControl);
        }
    }
}
