package org.garrison.accounts.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Where the keys that encrypt personal data live.
 */
@ObjectClassDefinition(name = "Garrison data keys",
        description = "The PKCS12 keystore holding the AES keys that encrypt personal data at rest, and the file "
                + "holding its password. Both are created on first start, readable by the server's OS user only.")
public @interface DataKeysConfig {

    String PID = "org.garrison.accounts.keys";

    @AttributeDefinition(name = "Keystore file",
            description = "Empty for ${karaf.etc}/garrison-data-keys.p12", required = false)
    String keystore() default "";

    @AttributeDefinition(name = "Keystore password file",
            description = "Empty for ${karaf.etc}/garrison-data-keys.password", required = false)
    String passwordFile() default "";
}
