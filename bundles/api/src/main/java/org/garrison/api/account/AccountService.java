package org.garrison.api.account;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.garrison.api.Actor;
import org.garrison.api.Page;
import org.garrison.api.PageRequest;
import org.garrison.api.security.GroupScope;
import org.garrison.api.security.PendingStep;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Accounts, their passwords and the permissions their roles give.
 */
@ProviderType
public interface AccountService {

    /** @throws org.garrison.api.error.NotFoundException if there is no such account */
    Account get(UUID id);

    /** The account with this login, ignoring case. */
    Optional<Account> byLogin(String login);

    /** Accounts ordered by login. */
    Page<Account> list(PageRequest page);

    /**
     * @throws org.garrison.api.error.ValidationException if a field is invalid or the password breaks the policy
     * @throws org.garrison.api.error.ConflictException   if the login is taken
     */
    Account create(NewAccount account, Actor actor);

    /**
     * @throws org.garrison.api.error.ConflictException if the change would leave no enabled main administrator
     */
    Account update(UUID id, AccountUpdate update, Actor actor);

    /**
     * Deletes the account, its sessions and tokens.
     *
     * @throws org.garrison.api.error.ConflictException if it is the last enabled main administrator
     */
    void delete(UUID id, Actor actor);

    /**
     * An administrator sets a new password, usually with {@code mustChange} so the person picks their own.
     *
     * @throws org.garrison.api.error.ValidationException if it breaks the password policy
     */
    void resetPassword(UUID id, String newPassword, boolean mustChange, Actor actor);

    /**
     * The account holder changes their own password.
     *
     * @throws org.garrison.api.error.ValidationException if the current password is wrong or the new one breaks the
     *         policy (too short, or one of the recently used ones)
     */
    void changePassword(UUID id, String currentPassword, String newPassword);

    /**
     * Checks a sign-in password. Costs one Argon2id hash whether or not the login exists, so the answer time does
     * not tell which logins exist. Counts nothing (lockout is the sign-in area's job).
     *
     * @return the account when the login exists, is enabled and the password matches
     */
    Optional<Account> verifyPassword(String login, String password);

    /** Records a successful sign-in. */
    void signedIn(UUID id, Instant at);

    /**
     * The permissions the account holds through its roles, with where they hold. A grant on the root group
     * {@code AdministrationGroup.MANAGED_DEVICES} holds everywhere; permissions that are not group-scoped count only
     * from such grants. The main administrator role holds every permission known now.
     *
     * @param roleIds only through these of the account's roles (an API token's role subset), or {@code null} for all
     */
    Map<String, GroupScope> permissions(UUID id, Set<UUID> roleIds);

    /** What the account must do before it may do anything but look after itself. */
    Set<PendingStep> pendingSteps(UUID id);

    /**
     * Starts enrolling a TOTP second factor (RFC 6238, SHA-1, 6 digits, 30 s): a new secret, not active until
     * {@link #confirmSecondFactor} succeeds.
     */
    SecondFactorEnrolment beginSecondFactor(UUID id);

    /**
     * Activates the pending second factor when the code matches it.
     *
     * @return ten single-use recovery codes, shown once
     * @throws org.garrison.api.error.ValidationException if the code does not match or nothing is pending
     */
    List<String> confirmSecondFactor(UUID id, String code);

    /**
     * Removes the second factor (the holder, with their password; or an administrator, with {@code password} null).
     */
    void removeSecondFactor(UUID id, String password, Actor actor);

    /**
     * Checks a TOTP code (allowing one step of clock drift, each code once) or an unused recovery code (which is then
     * used up). Accounts without a second factor always pass.
     */
    boolean verifySecondFactor(UUID id, String code);
}
