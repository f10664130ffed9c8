package org.garrison.extender.internal;

import java.util.ArrayList;
import java.util.List;

import org.osgi.framework.Bundle;
import org.osgi.framework.namespace.PackageNamespace;
import org.osgi.framework.wiring.BundleRequirement;
import org.osgi.framework.wiring.BundleRevision;
import org.osgi.framework.wiring.FrameworkWiring;
import org.osgi.resource.Namespace;

/**
 * What keeps an installed bundle from resolving: its mandatory requirements that no installed bundle provides, e.g. a
 * package it imports from a library that is not installed. Found through the framework's own matching
 * ({@link FrameworkWiring#findProviders}), without trying to resolve or start anything.
 */
final class MissingRequirements {

    private MissingRequirements() {
    }

    /** The requirements, each described for the admin; empty when every one has a provider. */
    static List<String> of(Bundle bundle, FrameworkWiring wiring) {
        BundleRevision revision = bundle.adapt(BundleRevision.class);
        List<String> missing = new ArrayList<>();
        if (revision == null) {
            return missing;
        }
        for (BundleRequirement requirement : revision.getDeclaredRequirements(null)) {
            if (isOptional(requirement) || !wiring.findProviders(requirement).isEmpty()) {
                continue;
            }
            missing.add(describe(requirement));
        }
        return missing;
    }

    private static boolean isOptional(BundleRequirement requirement) {
        String resolution = requirement.getDirectives().get(Namespace.REQUIREMENT_RESOLUTION_DIRECTIVE);
        String effective = requirement.getDirectives().get(Namespace.REQUIREMENT_EFFECTIVE_DIRECTIVE);
        return Namespace.RESOLUTION_OPTIONAL.equals(resolution)
                || PackageNamespace.RESOLUTION_DYNAMIC.equals(resolution)
                || (effective != null && !Namespace.EFFECTIVE_RESOLVE.equals(effective));
    }

    private static String describe(BundleRequirement requirement) {
        String filter = requirement.getDirectives().get(Namespace.REQUIREMENT_FILTER_DIRECTIVE);
        String what = PackageNamespace.PACKAGE_NAMESPACE.equals(requirement.getNamespace()) ? "imported package"
                : requirement.getNamespace();
        return what + " " + (filter == null ? "(no filter)" : filter);
    }
}
