/** Implementation of the sessions area; not exported. */
package org.garrison.sessions.internal;
