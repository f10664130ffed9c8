package org.garrison.policies.internal.rest;

import java.util.List;

import org.garrison.api.policy.Policy;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The OpenAPI shape of one page of policies.
 */
@Schema(name = "PolicyPage")
record PolicyPage(List<Policy> items, String nextCursor, Long total) {
}
