package org.garrison.agent.inventory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.garrison.api.device.SoftwareEntry;
import org.garrison.api.device.UserAccount;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** Parsing the Linux system files and command outputs the inventory reads. */
class LinuxFilesTest {

    private static final String PASSWD = """
            root:x:0:0:root:/root:/bin/bash
            daemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin
            alice:x:1000:1000:Alice Example,Room 1,,:/home/alice:/bin/bash
            svc:x:1001:1001::/srv:/usr/sbin/nologin
            bob:x:1002:1002::/home/bob:/bin/zsh
            nobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin
            broken line
            """;

    @Test
    void peoplesAccountsAreRootAndRegularUsersWithALoginShell() {
        List<UserAccount> users = LinuxAccounts.parse(PASSWD, uid -> null);

        assertEquals(List.of(new UserAccount("root", null, "root", null),
                new UserAccount("alice", null, "Alice Example", null), new UserAccount("bob", null, null, null)),
                users);
    }

    @Test
    void theLastLogonComesFromLastlogsRecordOfTheUid(@TempDir Path folder) throws IOException {
        Path lastlog = folder.resolve("lastlog");
        ByteBuffer record = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(0, 1_700_000_000);
        try (FileChannel channel = FileChannel.open(lastlog, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            channel.write(record, 1000L * LinuxAccounts.LASTLOG_RECORD);
        }
        try (FileChannel channel = FileChannel.open(lastlog)) {
            assertEquals(Instant.ofEpochSecond(1_700_000_000), LinuxAccounts.lastLogon(channel, 1000));
            assertNull(LinuxAccounts.lastLogon(channel, 0), "never logged on");
            assertNull(LinuxAccounts.lastLogon(channel, 5000), "beyond the file");
        }
    }

    @Test
    void osReleaseNamesTheDistributionAndItsVendor() {
        OsRelease release = OsRelease.parse("""
                PRETTY_NAME="Ubuntu 24.04.1 LTS"
                NAME="Ubuntu"
                VERSION_ID="24.04"
                # a comment
                VERSION_CODENAME=noble
                ID=ubuntu
                """);

        assertEquals("Ubuntu 24.04.1 LTS", release.name());
        assertEquals("24.04", release.version());
        assertEquals("noble", release.codename());
        assertEquals("Canonical", release.vendor());
        assertEquals("Gentoo", OsRelease.parse("NAME=Gentoo\nID=gentoo\n").vendor());
    }

    @Test
    void rpmPackagesAreReadFromTheQueryOutputWithoutSigningKeys() {
        List<SoftwareEntry> packages = RpmPackages.parse("""
                bash\t5.2.26-3.fc40\tFedora Project\t1714000000
                gpg-pubkey\ta15b79cc-63d04c2c\t(none)\t1714000001
                local-tool\t1.0-1\t(none)\tnot-a-number
                """);

        assertEquals(List.of(
                new SoftwareEntry("bash", "Fedora Project", "5.2.26-3.fc40", Instant.ofEpochSecond(1714000000), null),
                new SoftwareEntry("local-tool", null, "1.0-1", null, null)), packages);
    }

    @Test
    void aVirtualMachineIsRecognisedByItsFirmwareOrTheCpusHypervisorFlag() {
        assertEquals("VMware", VirtualisationProbe.fromHints("VMware, Inc.", "VMware7,1", List.of()).hypervisor());
        assertEquals("Hyper-V",
                VirtualisationProbe.fromHints("Microsoft Corporation", "Virtual Machine", List.of()).hypervisor());
        assertEquals(true, VirtualisationProbe.fromHints("Dell Inc.", "OptiPlex 7090",
                List.of("flags : fpu vme hypervisor lahf_lm")).virtualMachine());
        assertEquals(false, VirtualisationProbe.fromHints("Dell Inc.", "OptiPlex 7090",
                List.of("flags : fpu vme lahf_lm")).virtualMachine());
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void aProgramThatDoesNotFinishInTimeIsStoppedAndCountsAsFailed() {
        long start = System.nanoTime();

        assertEquals(Optional.empty(), ExternalCommand.run(Duration.ofMillis(300), List.of("sleep", "10")));
        assertTrue(System.nanoTime() - start < 5_000_000_000L, "did not wait for the program");
        assertEquals(Optional.of("hello\n"), ExternalCommand.run(Duration.ofSeconds(5), List.of("echo", "hello")));
        assertEquals(Optional.empty(), ExternalCommand.run(Duration.ofSeconds(5), List.of("false")));
        assertEquals(Optional.empty(),
                ExternalCommand.run(Duration.ofSeconds(5), List.of("/no/such/program-garrison")));
    }

    @Test
    void sessionsAreConsoleTerminalOrRemote() {
        assertEquals("console", MachineInventory.sessionKind("tty1", null));
        assertEquals("console", MachineInventory.sessionKind(":0", ":0"));
        assertEquals("terminal", MachineInventory.sessionKind("pts/3", ""));
        assertEquals("remote", MachineInventory.sessionKind("pts/0", "192.0.2.7"));
        assertEquals("remote", MachineInventory.sessionKind("RDP-Tcp#0", null));
        assertEquals("console", MachineInventory.sessionKind("Console", null));
    }

    @Test
    void placeholderTextsOfTheFirmwareAreUnknown() {
        assertNull(Placeholders.orNull("To be filled by O.E.M."));
        assertNull(Placeholders.orNull(" unknown "));
        assertNull(Placeholders.orNull("03000200-0400-0500-0006-000700080009"));
        assertEquals("ThinkPad X1", Placeholders.orNull(" ThinkPad X1 "));
    }

    @Test
    void theHardwareIdHashesTheKnownPartsAndFallsBackWhenNoneIsKnown() {
        String id = HardwareId.of(List.of("0123abc", "unknown"), "host");

        assertEquals(64, id.length());
        assertEquals(id, HardwareId.of(java.util.Arrays.asList("0123ABC", null), "other host"));
        assertEquals(HardwareId.of(List.of(), "aa:bb\nhost"), HardwareId.of(List.of("unknown"), "aa:bb\nhost"));
        assertEquals(false, id.equals(HardwareId.of(List.of(), "host")));
    }
}
