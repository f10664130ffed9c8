package org.garrison.accounts.internal;

/**
 * The object types under which the accounts area records revisions and deleted objects. Its REST resources declare
 * them too, so the audit log names an account or role change by the same type and a "revisions" link finds them.
 */
public final class RevisionTypes {

    public static final String ACCOUNT = "account";
    public static final String ROLE = "role";
    public static final String LEGAL_TERMS = "legal-terms";

    private RevisionTypes() {
    }
}
