/**
 * Domain exceptions. Services throw them; the HTTP layer maps each one, in a single place, to an RFC 9457
 * {@code application/problem+json} answer with the right status code.
 */
@Version("1.0.0")
@Export
package org.garrison.api.error;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
