package org.garrison.accounts.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import org.garrison.api.security.EncryptedDataOwner;
import org.garrison.api.security.PersonalDataCipher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataCipherTest {

    @TempDir
    Path directory;

    @Test
    void encryptsWithAFreshIvEveryTimeAndDecryptsBack() throws Exception {
        DataCipher cipher = Fakes.cipher(directory);
        String first = cipher.encrypt("Jane Doe ÄÖÜ ✓");
        String second = cipher.encrypt("Jane Doe ÄÖÜ ✓");
        assertTrue(first.startsWith("g1:1:"), first);
        assertFalse(first.contains("Jane"));
        assertNotEquals(first, second);
        assertEquals("Jane Doe ÄÖÜ ✓", cipher.decrypt(first));
        assertEquals("", cipher.decrypt(cipher.encrypt("")));
        assertNull(cipher.encrypt(null));
        assertNull(cipher.decrypt(null));
    }

    @Test
    void createsTheKeystoreAndItsPasswordOwnerOnlyAndReopensThem() throws Exception {
        DataCipher cipher = Fakes.cipher(directory);
        String stored = cipher.encrypt("secret");
        String lookup = cipher.lookupKey("jane");
        for (String name : List.of("keys.p12", "keys.password")) {
            assertEquals("rw-------",
                    PosixFilePermissions.toString(Files.getPosixFilePermissions(directory.resolve(name))));
        }
        DataCipher reopened = Fakes.cipher(directory);
        assertEquals("secret", reopened.decrypt(stored));
        assertEquals(lookup, reopened.lookupKey("jane"));
    }

    @Test
    void aDamagedValueOrAForeignKeyIsRefused() throws Exception {
        DataCipher cipher = Fakes.cipher(directory);
        String stored = cipher.encrypt("secret");
        String tampered = stored.substring(0, stored.length() - 2) + (stored.endsWith("A") ? "BB" : "AA");
        assertThrows(IllegalStateException.class, () -> cipher.decrypt(tampered));
        assertThrows(IllegalStateException.class, () -> cipher.decrypt("plain text"));
        assertThrows(IllegalStateException.class, () -> cipher.decrypt("g1:7:" + stored.substring(5)));
        DataCipher other = Fakes.cipher(Files.createDirectory(directory.resolve("other")));
        assertThrows(IllegalStateException.class, () -> other.decrypt(stored));
    }

    @Test
    void lookupKeysAreKeyedHashesStableAcrossRotation() throws Exception {
        DataCipher cipher = Fakes.cipher(directory);
        String before = cipher.lookupKey("jane");
        assertEquals(43, before.length());
        assertNotEquals(before, cipher.lookupKey("john"));
        assertNotEquals(before, Fakes.cipher(Files.createDirectory(directory.resolve("other"))).lookupKey("jane"));
        cipher.rotate();
        assertEquals(before, cipher.lookupKey("jane"));
    }

    @Test
    void rotationMakesANewKeyCurrentAndOldValuesStaleButReadable() throws Exception {
        DataCipher cipher = Fakes.cipher(directory);
        String old = cipher.encrypt("secret");
        assertFalse(cipher.isStale(old));
        assertEquals(2, cipher.rotate());
        assertTrue(cipher.isStale(old));
        assertEquals("secret", cipher.decrypt(old));
        String fresh = cipher.encrypt("secret");
        assertTrue(fresh.startsWith("g1:2:"));
        assertFalse(cipher.isStale(fresh));
        DataCipher reopened = Fakes.cipher(directory);
        assertEquals(2, reopened.currentKey());
        assertEquals("secret", reopened.decrypt(old));
    }

    @Test
    void theRotationCommandReencryptsEveryOwnerAndReportsFailures() throws Exception {
        DataCipher cipher = Fakes.cipher(directory);
        DataKeyRotation rotation = new DataKeyRotation(cipher);
        rotation.addOwner(owner("good", c -> 3));
        rotation.addOwner(owner("broken", c -> {
            throw new IllegalStateException("database down");
        }));
        DataKeyRotation.Report report = rotation.rotate();
        assertEquals(2, report.newKey());
        assertFalse(report.complete());
        assertEquals(List.of(new DataKeyRotation.OwnerResult("broken", 0, "database down"),
                new DataKeyRotation.OwnerResult("good", 3, null)), report.owners());
    }

    private static EncryptedDataOwner owner(String name, java.util.function.ToIntFunction<PersonalDataCipher> work) {
        return new EncryptedDataOwner() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public int reencrypt(PersonalDataCipher cipher) {
                return work.applyAsInt(cipher);
            }
        };
    }
}
