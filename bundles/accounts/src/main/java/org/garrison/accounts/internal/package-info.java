/** Implementation of the accounts area; not exported. */
package org.garrison.accounts.internal;
