package org.garrison.agent.inventory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.garrison.api.device.SoftwareEntry;
import org.junit.jupiter.api.Test;

class DpkgStatusTest {

    private static final Instant LIST_TIME = Instant.parse("2025-06-24T14:37:46Z");

    private static Map<String, SoftwareEntry> fixture() throws IOException {
        try (Reader status = new InputStreamReader(DpkgStatusTest.class.getResourceAsStream("dpkg-status"),
                StandardCharsets.UTF_8)) {
            List<SoftwareEntry> entries = DpkgStatus.parse(status,
                    (name, architecture) -> name.equals("bash") ? LIST_TIME : null);
            return entries.stream().collect(Collectors.toMap(SoftwareEntry::name, Function.identity()));
        }
    }

    @Test
    void installedPackagesAreListedWithMaintainerVersionAndTime() throws IOException {
        SoftwareEntry bash = fixture().get("bash");

        assertEquals(new SoftwareEntry("bash", "Matthias Klose", "5.2.15-2+b7", LIST_TIME, null), bash);
    }

    @Test
    void continuationLinesOfMultiLineFieldsAreNotReadAsFields() throws IOException {
        assertNull(fixture().get("not-a-package"));
        assertEquals("5.2.15-2+b7", fixture().get("bash").version());
    }

    @Test
    void removedPackagesAndPackagesWithOnlyConfigurationFilesLeftAreNotInstalled() throws IOException {
        Map<String, SoftwareEntry> packages = fixture();

        assertNull(packages.get("old-tool"));
        assertNull(packages.get("removed-tool"));
        assertNull(packages.get("half-done"));
    }

    @Test
    void packagesWithPendingTriggersOnHoldOrMarkedForRemovalAreInstalled() throws IOException {
        Map<String, SoftwareEntry> packages = fixture();

        assertEquals("0.9-1", packages.get("leaving-soon").version());
        assertEquals("2024a-0+deb12u1", packages.get("tzdata").version());
        assertEquals("Quoted Team", packages.get("held-back").vendor());
    }

    @Test
    void aForeignArchitectureCopyOfAPackageIsNamedWithItsArchitecture() throws IOException {
        Map<String, SoftwareEntry> packages = fixture();

        assertEquals("2.36-9+deb12u9", packages.get("libc6").version());
        assertEquals("2.36-9+deb12u9", packages.get("libc6:i386").version());
        assertEquals(List.of("bash", "dpkg", "held-back", "leaving-soon", "libc6", "libc6:i386", "tzdata"),
                packages.keySet().stream().sorted().toList());
    }

    @Test
    void theMaintainersEmailAddressIsLeftOut() {
        assertEquals("Debian OpenSSL Team", DpkgStatus.vendor("Debian OpenSSL Team <pkg-openssl@lists.debian.org>"));
        assertEquals("Plain Name", DpkgStatus.vendor("Plain Name"));
        assertNull(DpkgStatus.vendor(" <only@mail.example> "));
    }
}
