/**
 * The Garrison plugin test kit: tests a plugin JAR against a real Garrison server from the vendor's own build.
 *
 * <ul>
 * <li>{@link org.garrison.testkit.GarrisonServer} unpacks the server distribution into a temporary folder, gives it
 * free ports and an admin password, starts it with its own {@code bin/karaf} and stops and removes it again.</li>
 * <li>{@link org.garrison.testkit.GarrisonClient} calls the REST API over HTTPS, pinned to the server's own
 * certificate, as the admin (session and CSRF token) or with an API token; it installs and uninstalls plugins.</li>
 * <li>{@link org.garrison.testkit.EnrolledAgent} is a real Network Agent enrolled into a group of the server, and
 * {@link org.garrison.testkit.BridgeClient} lets a test play the vendor's application on its local bridge.</li>
 * <li>{@link org.garrison.testkit.PluginDescriptorCheck} checks a built plugin JAR offline with the server's own
 * upload checks.</li>
 * </ul>
 *
 * <p>The kit needs no test framework: failures are {@link org.garrison.testkit.TestKitException}s (or
 * {@link java.lang.AssertionError}s from the {@code expect...} methods), which every framework reports.
 */
package org.garrison.testkit;
