/**
 * Who may do what: permissions, the signed-in {@link org.garrison.api.security.Caller} with its group-subtree scopes,
 * the annotations every REST resource method carries, and the services the authentication layer uses.
 *
 * <p>Every JAX-RS resource method declares exactly one of {@link org.garrison.api.security.RequiresPermission},
 * {@link org.garrison.api.security.SignedIn} or {@link org.garrison.api.security.PublicEndpoint}. One request filter
 * in the server enforces them: a method without a declaration is refused with 403, so a plugin that forgets one is
 * safe rather than open.
 */
@Version("1.1.0")
@Export
package org.garrison.api.security;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
