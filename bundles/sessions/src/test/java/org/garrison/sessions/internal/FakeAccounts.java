package org.garrison.sessions.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.garrison.api.Actor;
import org.garrison.api.Page;
import org.garrison.api.PageRequest;
import org.garrison.api.account.Account;
import org.garrison.api.account.AccountService;
import org.garrison.api.account.AccountUpdate;
import org.garrison.api.account.NewAccount;
import org.garrison.api.account.RoleGrant;
import org.garrison.api.account.SecondFactorEnrolment;
import org.garrison.api.error.NotFoundException;
import org.garrison.api.security.GroupScope;
import org.garrison.api.security.PendingStep;

/**
 * Accounts in memory, for the sign-in logic's tests. Each granted role gives the permission {@code role.<id>}
 * everywhere, so tests can see which roles a caller acts with.
 */
public final class FakeAccounts implements AccountService {

    private final Map<UUID, Account> accounts = new ConcurrentHashMap<>();
    private final Map<UUID, String> passwords = new ConcurrentHashMap<>();
    private final Map<UUID, String> codes = new ConcurrentHashMap<>();
    private final Map<UUID, Set<PendingStep>> pending = new ConcurrentHashMap<>();
    final List<String> verifiedPasswords = new ArrayList<>();
    final Map<UUID, Instant> signIns = new HashMap<>();

    public Account add(String login, String password, List<RoleGrant> grants) {
        Account account = new Account(UUID.randomUUID(), login, login + " Person", "", "", "", true, false, false,
                null, Instant.EPOCH, grants);
        accounts.put(account.id(), account);
        passwords.put(account.id(), password);
        return account;
    }

    public Account withSecondFactor(Account account, String code) {
        Account changed = new Account(account.id(), account.login(), account.fullName(), account.description(),
                account.email(), account.phone(), account.enabled(), account.mustChangePassword(), true,
                account.lastSignIn(), account.createdAt(), account.grants());
        accounts.put(account.id(), changed);
        codes.put(account.id(), code);
        return changed;
    }

    void disable(UUID id) {
        Account a = accounts.get(id);
        accounts.put(id, new Account(a.id(), a.login(), a.fullName(), a.description(), a.email(), a.phone(), false,
                a.mustChangePassword(), a.secondFactor(), a.lastSignIn(), a.createdAt(), a.grants()));
    }

    void remove(UUID id) {
        accounts.remove(id);
    }

    void pending(UUID id, Set<PendingStep> steps) {
        pending.put(id, steps);
    }

    @Override
    public Account get(UUID id) {
        Account account = accounts.get(id);
        if (account == null) {
            throw new NotFoundException("Account", id);
        }
        return account;
    }

    @Override
    public Optional<Account> byLogin(String login) {
        return accounts.values().stream()
                .filter(a -> a.login().toLowerCase(Locale.ROOT).equals(login.strip().toLowerCase(Locale.ROOT)))
                .findFirst();
    }

    @Override
    public Optional<Account> verifyPassword(String login, String password) {
        synchronized (verifiedPasswords) {
            verifiedPasswords.add(password);
        }
        return byLogin(login).filter(Account::enabled).filter(a -> passwords.get(a.id()).equals(password));
    }

    @Override
    public boolean verifySecondFactor(UUID id, String code) {
        String expected = codes.get(id);
        return expected == null || expected.equals(code);
    }

    @Override
    public void signedIn(UUID id, Instant at) {
        signIns.put(id, at);
    }

    @Override
    public Map<String, GroupScope> permissions(UUID id, Set<UUID> roleIds) {
        Map<String, GroupScope> permissions = new HashMap<>();
        for (RoleGrant grant : get(id).grants()) {
            if (roleIds == null || roleIds.contains(grant.roleId())) {
                permissions.put("role." + grant.roleId(), GroupScope.EVERYWHERE);
            }
        }
        return permissions;
    }

    @Override
    public Set<PendingStep> pendingSteps(UUID id) {
        return pending.getOrDefault(id, Set.of());
    }

    @Override
    public Page<Account> list(PageRequest page) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Account create(NewAccount account, Actor actor) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Account update(UUID id, AccountUpdate update, Actor actor) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void delete(UUID id, Actor actor) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void resetPassword(UUID id, String newPassword, boolean mustChange, Actor actor) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void changePassword(UUID id, String currentPassword, String newPassword) {
        throw new UnsupportedOperationException();
    }

    @Override
    public SecondFactorEnrolment beginSecondFactor(UUID id) {
        throw new UnsupportedOperationException();
    }

    @Override
    public List<String> confirmSecondFactor(UUID id, String code) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void removeSecondFactor(UUID id, String password, Actor actor) {
        throw new UnsupportedOperationException();
    }
}
