package org.garrison.extender.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Settings of the plugin platform ({@code etc/org.garrison.plugins.cfg}). */
@ObjectClassDefinition(name = "Garrison plugins", description = "How the server checks plugin JARs.")
public @interface PluginsConfig {

    /** The configuration's persistent id. */
    String PID = "org.garrison.plugins";

    @AttributeDefinition(description = "off: plugin signatures are not checked. report: each plugin's JAR signature "
            + "is checked and shown, nothing is refused for it. require: a plugin not signed by a trusted signer is "
            + "refused (an upload is not installed; a plugin from deploy/ or the shell is not started).")
    String signatures() default "report";

    @AttributeDefinition(description = "Folder of the trusted signers' certificates (.pem, .crt, .cer or .der "
            + "files), relative to the server's etc folder. A plugin signed by one of them, or by a certificate they "
            + "issued, is trusted. Read again at each check: adding a file needs no restart.")
    String trustedSigners() default "garrison-trusted-plugin-signers";
}
