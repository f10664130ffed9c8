package org.garrison.api.security;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The permission a REST resource method needs. The server's authorisation filter refuses the call with 401 when
 * nobody is signed in and with 403 when the caller's roles do not grant the permission.
 *
 * <p>For a method about one object of a group-scoped area, {@link #scopeFrom()} names where the request carries the
 * object's id and {@link #objectKind()} what kind of object it is. The filter then asks the {@link ScopeResolver}
 * registered for that kind which administration group the object belongs to, and refuses the call with 403 unless
 * the caller holds the permission on a subtree containing that group. An unknown object passes the filter, so the
 * resource answers 404 as it would for anybody. Listings are not scoped by the filter: they restrict themselves with
 * {@link Caller#scope(String)}. With {@link #everywhere()}, the permission must hold on the whole server.
 *
 * <pre>{@code
 * @DELETE @Path("{id}")
 * @RequiresPermission(value = Permissions.DEVICES_WRITE, scopeFrom = "path:id", objectKind = "device")
 * public Response remove(@PathParam("id") String id, @Context SecurityContext security) { ... }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface RequiresPermission {

    /** The permission id, e.g. {@link Permissions#DEVICES_WRITE}. */
    String value();

    /**
     * Where the request names the object that decides the scope: {@code "path:<template parameter>"} or
     * {@code "query:<parameter>"}. Empty when the method is not about one object.
     */
    String scopeFrom() default "";

    /**
     * The kind of object {@link #scopeFrom()} names: {@code "administration-group"} (the id is the group itself),
     * {@code "device"}, {@code "event"}, or any kind for which a {@link ScopeResolver} is registered. Use the object
     * type of the revision history, so audit-log entries lead to the object's revisions. Without
     * {@link #scopeFrom()}, it only names the kind of object the audit log records the call about.
     */
    String objectKind() default "";

    /**
     * Whether the caller must hold the permission on the whole server, not just on some subtrees: for methods whose
     * effect reaches beyond any one subtree (fleet-wide registries, server-wide rules, events submitted for any
     * device). A caller holding it only on subtrees is refused with 403.
     */
    boolean everywhere() default false;
}
