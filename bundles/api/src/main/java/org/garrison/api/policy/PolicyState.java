package org.garrison.api.policy;

/**
 * Whether and when a policy applies. A group has at most one {@link #ACTIVE} and at most one {@link #OUT_OF_OFFICE}
 * policy per application: putting a policy into one of these states puts the group's previous one into
 * {@link #INACTIVE}, in the same transaction.
 */
public enum PolicyState {
    /** It applies to the devices of its group (and below, through inheritance). */
    ACTIVE,
    /** It applies to nothing; it is kept for later. An inactive policy is not inherited either. */
    INACTIVE,
    /**
     * It applies, instead of the group's active policy, to devices reported outside the organisation's network; to
     * the other devices it does not apply.
     */
    OUT_OF_OFFICE
}
