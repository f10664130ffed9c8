/**
 * Policies and policy profiles: an application's (plugin's) settings for an administration group.
 *
 * <p>A {@link Policy} holds the settings of one application for one group, as a JSON object validated against the
 * plugin's settings schema. Policies are inherited down the group tree: a policy that inherits starts from the
 * settings in force at its parent group and changes only what its ancestors did not lock; a policy that forces
 * inheritance makes every policy below it inherit. {@link PolicyProfile}s inside a policy change chosen settings
 * for the devices their {@link ProfileRule}s match. {@link PolicyService#effectiveForDevice} merges all of it into
 * the {@link EffectivePolicy} of one device, telling for every value where it comes from.
 *
 * <p>Settings are addressed by paths like JSON pointers without the leading slash: {@code scan/schedule/interval}
 * names the value {@code 60} in {@code {"scan":{"schedule":{"interval":60}}}}; a {@code /} inside a key is written
 * {@code ~1} and a {@code ~} is written {@code ~0}. Merging is a deep merge of objects; any other value (arrays
 * included) replaces the one below it whole. A lock on a path locks everything below it.
 */
@Version("1.1.0")
@Export
package org.garrison.api.policy;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
