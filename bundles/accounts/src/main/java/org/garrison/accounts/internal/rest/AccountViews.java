package org.garrison.accounts.internal.rest;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.garrison.api.account.Account;
import org.garrison.api.account.Role;
import org.garrison.api.account.RoleGrant;
import org.garrison.api.security.GroupScope;
import org.garrison.api.security.PendingStep;
import org.garrison.api.security.PermissionDefinition;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * Request and answer bodies of the accounts area's REST resources. Passwords go in, never out.
 */
final class AccountViews {

    private AccountViews() {
    }

    @Schema(name = "AccountPage", description = "One page of accounts, ordered by login")
    record AccountPage(List<Account> items, String nextCursor, Long total) {
    }

    @Schema(name = "NewAccountRequest", description = "An account to create")
    record CreateRequest(
            @Schema(description = "Sign-in name, 1-64 letters, digits or . _ @ + -, unique ignoring case",
                    requiredMode = Schema.RequiredMode.REQUIRED) String login,
            @Schema(description = "The person's name") String fullName,
            @Schema(description = "A free note") String description,
            @Schema(description = "E-mail address") String email,
            @Schema(description = "Main phone number") String phone,
            @Schema(description = "Initial password; must satisfy the password policy", format = "password",
                    requiredMode = Schema.RequiredMode.REQUIRED) String password,
            @Schema(description = "Whether the password must be changed at first sign-in (default true)")
            Boolean mustChangePassword,
            @Schema(description = "Roles granted, each on a group subtree") List<RoleGrant> grants) {

        @Override
        public String toString() {
            return "CreateRequest[login=" + login + "]";
        }
    }

    @Schema(name = "AccountPatch", description = "Fields to change; absent fields stay, an empty string clears an "
            + "optional text field, grants (when present) replace all grants")
    record PatchRequest(String login, String fullName, String description, String email, String phone,
            Boolean enabled, List<RoleGrant> grants) {
    }

    @Schema(name = "PasswordReset", description = "A new password set by an administrator")
    record PasswordResetRequest(
            @Schema(format = "password", requiredMode = Schema.RequiredMode.REQUIRED) String newPassword,
            @Schema(description = "Whether the holder must change it at the next sign-in (default true)")
            Boolean mustChange) {

        @Override
        public String toString() {
            return "PasswordResetRequest[...]";
        }
    }

    @Schema(name = "PasswordChange", description = "The holder changes their own password")
    record PasswordChangeRequest(@Schema(format = "password") String currentPassword,
            @Schema(format = "password") String newPassword) {

        @Override
        public String toString() {
            return "PasswordChangeRequest[...]";
        }
    }

    @Schema(name = "Me", description = "The signed-in caller: their account, where each permission holds and what "
            + "they must do first")
    record MeView(Account account, Map<String, GroupScope> permissions, Set<PendingStep> pendingSteps) {
    }

    @Schema(name = "SecondFactorConfirmation", description = "The current code of the authenticator app")
    record ConfirmRequest(@Schema(example = "123456") String code) {
    }

    @Schema(name = "RecoveryCodes", description = "Single-use codes that stand in for the second factor; shown "
            + "once")
    record RecoveryCodesView(List<String> recoveryCodes) {

        @Override
        public String toString() {
            return "RecoveryCodesView[...]";
        }
    }

    @Schema(name = "SecondFactorRemoval", description = "The holder's password")
    record RemoveRequest(@Schema(format = "password") String password) {

        @Override
        public String toString() {
            return "RemoveRequest[...]";
        }
    }

    @Schema(name = "RoleRequest", description = "A custom role")
    record RoleRequest(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) String name, String description,
            @Schema(description = "Permission ids, see GET /permissions") Set<String> permissions) {
    }

    @Schema(name = "RoleList", description = "Every role, built-in ones first")
    record RoleList(List<Role> items, String nextCursor, Long total) {
    }

    @Schema(name = "PermissionList", description = "Every permission roles can hold now")
    record PermissionList(List<PermissionDefinition> items) {
    }

    @Schema(name = "CurrentTerms", description = "The current legal terms and when the caller accepted them")
    record TermsView(UUID id, String version, String title, String text, Instant publishedAt, String publishedBy,
            @Schema(description = "When the caller accepted this version; absent if they have not")
            Instant acceptedAt) {
    }

    @Schema(name = "TermsPublication", description = "A new version of the legal terms")
    record PublishRequest(@Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "2026-01") String version,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String title,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String text) {
    }

    @Schema(name = "TermsAcceptance", description = "Who accepted which version, when")
    record AcceptanceView(UUID accountId, String login, String version, Instant acceptedAt) {
    }

    @Schema(name = "TermsAcceptanceList", description = "Acceptances, newest first")
    record AcceptanceList(List<AcceptanceView> items) {
    }
}
