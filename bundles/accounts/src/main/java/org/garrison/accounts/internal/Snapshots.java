package org.garrison.accounts.internal;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import org.garrison.api.account.RoleGrant;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The JSON snapshots recorded in the revision history and the deleted-objects registry. Those tables are not
 * encrypted, so an account's snapshot carries no personal field and no secret: only its id, status and grants.
 */
final class Snapshots {

    static final String ACCOUNT = RevisionTypes.ACCOUNT;
    static final String ROLE = RevisionTypes.ROLE;
    static final String LEGAL_TERMS = RevisionTypes.LEGAL_TERMS;

    record AccountSnapshot(UUID id, boolean enabled, boolean mustChangePassword, boolean secondFactor,
            List<RoleGrant> grants) {
    }

    record RoleSnapshot(UUID id, String name, String description, boolean builtIn, Set<String> permissions) {
    }

    record TermsSnapshot(UUID id, String version, String title, String text, String publishedAt) {
    }

    private final ObjectMapper mapper = new ObjectMapper();

    String account(UUID id, boolean enabled, boolean mustChangePassword, boolean secondFactor,
            List<RoleGrant> grants) {
        return write(new AccountSnapshot(id, enabled, mustChangePassword, secondFactor, grants));
    }

    String role(UUID id, String name, String description, boolean builtIn, Set<String> permissions) {
        return write(new RoleSnapshot(id, name, description, builtIn, new TreeSet<>(permissions)));
    }

    RoleSnapshot role(String json) {
        try {
            return mapper.readValue(json, RoleSnapshot.class);
        } catch (JsonProcessingException e) {
            throw new org.garrison.api.error.ConflictException("The recorded state of the role cannot be read");
        }
    }

    String terms(TermsSnapshot terms) {
        return write(terms);
    }

    private String write(Object snapshot) {
        try {
            return mapper.writeValueAsString(snapshot);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A snapshot could not be written", e);
        }
    }
}
