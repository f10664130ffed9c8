package org.garrison.tasks.internal.server;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Garrison backups",
        description = "Where the server's own backup task puts its backups.")
public @interface BackupConfig {

    String PID = "org.garrison.tasks.backup";

    @AttributeDefinition(name = "Folder", required = false,
            description = "Empty for ${karaf.data}/backups. Each backup is a folder of its own in here; it holds the "
                    + "data keys, so keep it as safe as the server itself.")
    String folder() default "";
}
