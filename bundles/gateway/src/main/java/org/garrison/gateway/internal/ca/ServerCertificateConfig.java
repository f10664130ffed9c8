package org.garrison.gateway.internal.ca;

/**
 * The one setting of the enrollment configuration (PID {@value #PID}, described in full by the enrollment's metatype)
 * that the gateway's server certificate depends on.
 */
public @interface ServerCertificateConfig {

    String PID = "org.garrison.gateway.enrollment";

    String[] serverNames() default {};
}
