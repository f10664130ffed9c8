package org.garrison.itests;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumSet;

import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.channel.ClientChannel;
import org.apache.sshd.client.channel.ClientChannelEvent;
import org.apache.sshd.client.future.AuthFuture;
import org.apache.sshd.client.keyverifier.AcceptAllServerKeyVerifier;
import org.apache.sshd.client.session.ClientSession;

/**
 * Runs one command in the server's Karaf shell over SSH with a password, as an admin's terminal does.
 */
final class SshShell {

    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    /** What came of a command: whether the password was accepted, and what the shell printed. */
    record Result(boolean signedIn, String output) {
    }

    private SshShell() {
    }

    static Result run(int port, String login, String password, String command) throws Exception {
        SshClient client = SshClient.setUpDefaultClient();
        // the server's host key is generated at its first start; this test has nothing to pin it against
        client.setServerKeyVerifier(AcceptAllServerKeyVerifier.INSTANCE);
        client.start();
        try (ClientSession session = client.connect(login, "127.0.0.1", port).verify(TIMEOUT).getSession()) {
            session.addPasswordIdentity(password);
            AuthFuture auth = session.auth();
            if (!auth.await(TIMEOUT) || !auth.isSuccess()) {
                return new Result(false, "");
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (ClientChannel channel = session.createExecChannel(command)) {
                channel.setOut(out);
                channel.setErr(out);
                channel.open().verify(TIMEOUT);
                channel.waitFor(EnumSet.of(ClientChannelEvent.CLOSED), TIMEOUT);
            }
            return new Result(true, out.toString(StandardCharsets.UTF_8));
        } finally {
            client.stop();
        }
    }
}
