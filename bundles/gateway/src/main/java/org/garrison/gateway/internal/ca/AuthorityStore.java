package org.garrison.gateway.internal.ca;

import org.garrison.api.store.StoreException;
import org.garrison.api.store.Transactions;

/**
 * Stores a newly created authority unless another server node stored one first. Both nodes insert with the same
 * fixed id, so exactly one insert wins; the loser reads the winner's row and uses it.
 */
final class AuthorityStore {

    private final Transactions transactions;
    private final AuthorityRepository repository;

    AuthorityStore(Transactions transactions, AuthorityRepository repository) {
        this.transactions = transactions;
        this.repository = repository;
    }

    /** The candidate itself if it was stored, else the authority stored before it. */
    StoredAuthority insertOrLoad(StoredAuthority candidate) {
        try {
            transactions.runInTransaction(connection -> repository.insert(connection, candidate));
            return candidate;
        } catch (StoreException e) {
            if (!DuplicateKey.is(e)) {
                throw e;
            }
            return transactions.inTransaction(repository::find).orElseThrow(() -> new IllegalStateException(
                    "The certificate authority was reported as existing but cannot be read", e));
        }
    }
}
