package org.garrison.audit.internal;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

import org.garrison.api.audit.ObjectRestorer;
import org.garrison.api.error.ConflictException;
import org.osgi.service.component.ComponentServiceObjects;

/**
 * The installed {@link ObjectRestorer}s, held without being obtained: a restorer is taken from its provider only
 * while a restore runs. Obtaining them when they are bound would close a cycle at start-up (the areas that restore
 * objects also record revisions, so they need this bundle's services to start).
 */
final class Restorers {

    private final List<ComponentServiceObjects<ObjectRestorer>> installed = new CopyOnWriteArrayList<>();

    void add(ComponentServiceObjects<ObjectRestorer> restorer) {
        installed.add(restorer);
    }

    void remove(ComponentServiceObjects<ObjectRestorer> restorer) {
        installed.remove(restorer);
    }

    /**
     * Applies the restorer of a type.
     *
     * @throws ConflictException when none is installed for it
     */
    <T> T with(String objectType, Function<ObjectRestorer, T> use) {
        for (ComponentServiceObjects<ObjectRestorer> candidate : installed) {
            ObjectRestorer restorer = candidate.getService();
            if (restorer == null) {
                continue;
            }
            try {
                if (objectType.equals(restorer.objectType())) {
                    return use.apply(restorer);
                }
            } finally {
                candidate.ungetService(restorer);
            }
        }
        throw new ConflictException("Objects of type " + objectType
                + " cannot be restored: no installed part of the server handles them");
    }
}
