/**
 * Tasks: work the server has done on a schedule or on demand, either by the agents of a set of devices (a task type
 * of a plugin's application, or of the Network Agent itself) or by the server (its own task types, such as backing up
 * its data).
 *
 * <p>A {@link org.garrison.api.task.Task} names its type, its parameters (validated against the type's JSON Schema),
 * its scope (an administration-group subtree, so devices that join later are included at each run, or a fixed
 * selection of devices) and its {@link org.garrison.api.task.TaskSchedule}. Each start is a
 * {@link org.garrison.api.task.TaskRun} with one {@link org.garrison.api.task.TaskRunDevice} per device (or one
 * without a device for the server's own runs). The server's own task types are
 * {@link org.garrison.api.task.ServerTaskRunner} services; plugins may register runners for task types of their own
 * that the server runs.
 */
@Version("1.0.0")
@Export
package org.garrison.api.task;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
