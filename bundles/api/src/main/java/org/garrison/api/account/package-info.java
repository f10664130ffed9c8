/**
 * Accounts of the people who administer the server: their profile, password, roles granted on administration-group
 * subtrees, console settings and accepted legal terms.
 *
 * <p>Personal fields (login, full name, description, e-mail, phone) are stored encrypted; services hand them out in
 * plain text to authorised callers only.
 */
@Version("1.0.0")
@Export
package org.garrison.api.account;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
