package org.garrison.api.security;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A REST resource method any signed-in caller may use, whatever their roles: their own profile, settings, password,
 * second factor, API tokens, legal terms, and signing out. These methods stay available while the caller still has
 * to change their password or accept the current legal terms (see {@link Caller#pendingSteps()}); every other
 * method is refused with 403 until then.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface SignedIn {
}
