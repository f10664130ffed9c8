/**
 * Administration groups: the tree devices are organised in, to which policies and tasks attach.
 *
 * <p>The tree is rooted at {@link AdministrationGroup#MANAGED_DEVICES}. Beside it stands
 * {@link AdministrationGroup#UNASSIGNED_DEVICES}, where new devices land and which has no subgroups. Each device is
 * in exactly one group. Areas whose objects belong to groups (devices, policies, tasks) register a
 * {@link GroupMembers} service so the groups area can count and release them when a group is deleted.
 */
@Version("1.0.0")
@Export
package org.garrison.api.group;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
