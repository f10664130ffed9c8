package org.garrison.http.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Garrison REST API",
        description = "Limits applied to every call of the REST API under /api/v1.")
public @interface HttpApiConfig {

    String PID = "org.garrison.http";

    @AttributeDefinition(name = "Maximum request body (bytes)",
            description = "Larger request bodies are refused with 413 before they are read whole.", min = "1024")
    long maxRequestBytes() default 10L * 1024 * 1024;
}
