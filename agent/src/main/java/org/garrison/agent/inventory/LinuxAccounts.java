package org.garrison.agent.inventory;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongFunction;

import org.garrison.api.device.UserAccount;

/**
 * The people's accounts of a Linux machine: from {@code /etc/passwd}, root and the accounts with a regular user id
 * (1000 and above, below {@code nobody}) and a login shell; system accounts are not users an admin looks for.
 */
final class LinuxAccounts {

    /** The size of one record of {@code /var/log/lastlog}: a 32-bit time, the line (32) and the host (256). */
    static final int LASTLOG_RECORD = 292;

    private static final long FIRST_REGULAR_UID = 1000;
    private static final long NOBODY = 65534;

    private LinuxAccounts() {
    }

    /**
     * The accounts of a passwd file.
     *
     * @param lastLogon when the account with the given uid last logged on, or {@code null}
     */
    static List<UserAccount> parse(String passwd, LongFunction<Instant> lastLogon) {
        List<UserAccount> users = new ArrayList<>();
        for (String line : passwd.split("\n")) {
            String[] fields = line.split(":", -1);
            if (fields.length < 7 || fields[0].isBlank() || fields[0].startsWith("+") || fields[0].startsWith("-")) {
                continue;
            }
            long uid;
            try {
                uid = Long.parseLong(fields[2]);
            } catch (NumberFormatException e) {
                continue;
            }
            boolean person = uid >= FIRST_REGULAR_UID && uid < NOBODY && loginShell(fields[6]);
            if (uid == 0 || person) {
                String fullName = fields[4].split(",", -1)[0].trim();
                users.add(new UserAccount(fields[0], null, fullName.isEmpty() ? null : fullName,
                        lastLogon.apply(uid)));
            }
        }
        return users;
    }

    /** When the user last logged on according to lastlog's record of the uid, or {@code null} if never or unknown. */
    static Instant lastLogon(FileChannel lastlog, long uid) throws IOException {
        long offset = uid * LASTLOG_RECORD;
        ByteBuffer time = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN);
        if (offset < 0 || offset + 4 > lastlog.size()) {
            return null;
        }
        // A positional read may return fewer bytes than asked for; -1 means the end of the file.
        int read = 0;
        while (time.hasRemaining() && read >= 0) {
            read = lastlog.read(time, offset + time.position());
        }
        if (time.hasRemaining()) {
            return null;
        }
        long seconds = Integer.toUnsignedLong(time.getInt(0));
        return seconds == 0 ? null : Instant.ofEpochSecond(seconds);
    }

    private static boolean loginShell(String shell) {
        String trimmed = shell.trim();
        return !trimmed.isEmpty() && !trimmed.endsWith("/nologin") && !trimmed.endsWith("/false")
                && !trimmed.endsWith("/sync") && !trimmed.endsWith("/halt") && !trimmed.endsWith("/shutdown");
    }
}
