package org.garrison.accounts.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Password hashing, password policy and legal-terms enforcement.
 */
@ObjectClassDefinition(name = "Garrison accounts",
        description = "Argon2id parameters, the password policy and whether the current legal terms must be "
                + "accepted before the API does anything else.")
public @interface AccountsConfig {

    String PID = "org.garrison.accounts";

    @AttributeDefinition(name = "Argon2id memory (KiB)",
            description = "Memory per hash. Stored hashes with other parameters are re-hashed at the next sign-in.",
            min = "8192", max = "4194304")
    int argon2MemoryKib() default 19456;

    @AttributeDefinition(name = "Argon2id iterations", min = "1", max = "100")
    int argon2Iterations() default 2;

    @AttributeDefinition(name = "Argon2id parallelism", min = "1", max = "16")
    int argon2Parallelism() default 1;

    @AttributeDefinition(name = "Minimum password length", min = "8", max = "1024")
    int passwordMinLength() default 12;

    @AttributeDefinition(name = "Maximum password length", min = "16", max = "4096")
    int passwordMaxLength() default 1024;

    @AttributeDefinition(name = "Passwords remembered",
            description = "A new password may not be one of this many most recent ones (the current one included).",
            min = "1", max = "50")
    int passwordHistory() default 5;

    @AttributeDefinition(name = "Legal terms required",
            description = "Whether accounts must accept the current legal terms (once some are published) before "
                    + "the API does anything but their own profile.")
    boolean termsRequired() default true;
}
