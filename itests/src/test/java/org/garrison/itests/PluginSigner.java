package org.garrison.itests;

import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.replaceConfigurationFile;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import jdk.security.jarsigner.JarSigner;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.ops4j.pax.exam.Option;

/**
 * A plugin vendor for the signature tests, run in the test driver before the container starts (the container has
 * neither Bouncy Castle nor the JDK's JAR signer): a key and certificate made for the run, a plugin JAR signed with
 * them as {@code jarsigner} signs, and a copy of it with a file changed after signing. The certificate goes into the
 * distribution's trusted signers' folder; the JARs are read in the container by {@link SignedPluginFiles}.
 */
final class PluginSigner {

    static final String VENDOR = "CN=Garrison IT Vendor,O=Garrison Tests";

    private PluginSigner() {
    }

    /** Makes the vendor and its JARs in the folder, and the options that trust the vendor in the distribution. */
    static Option[] options(Path folder) {
        try {
            Files.createDirectories(folder);
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair keys = generator.generateKeyPair();
            Instant now = Instant.now();
            X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(
                    new JcaX509v3CertificateBuilder(new X500Name(VENDOR), BigInteger.valueOf(now.toEpochMilli()),
                            Date.from(now.minus(Duration.ofDays(1))), Date.from(now.plus(Duration.ofDays(30))),
                            new X500Name(VENDOR), keys.getPublic())
                            .build(new JcaContentSignerBuilder("SHA256withRSA").build(keys.getPrivate())));
            Path pem = folder.resolve("itest-vendor.pem");
            Files.writeString(pem, "-----BEGIN CERTIFICATE-----\n"
                    + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(certificate.getEncoded())
                    + "\n-----END CERTIFICATE-----\n", StandardCharsets.US_ASCII);

            Path plain = folder.resolve("plain.jar");
            Files.write(plain, PluginJars.minimal(SignedPluginFiles.SIGNED_ID, "1.0.0")
                    .with("GARRISON-INF/notes.txt", "signed by the vendor").build());
            Path signed = folder.resolve(SignedPluginFiles.SIGNED);
            JarSigner signer = new JarSigner.Builder(keys.getPrivate(),
                    CertificateFactory.getInstance("X.509").generateCertPath(List.of(certificate))).build();
            try (ZipFile in = new ZipFile(plain.toFile()); OutputStream out = Files.newOutputStream(signed)) {
                signer.sign(in, out);
            }
            changedAfterSigning(signed, folder.resolve(SignedPluginFiles.TAMPERED), "GARRISON-INF/notes.txt");
            return new Option[] {
                replaceConfigurationFile("etc/garrison-trusted-plugin-signers/itest-vendor.pem", pem.toFile()),
                editConfigurationFilePut("etc/system.properties", SignedPluginFiles.FOLDER_PROPERTY,
                        folder.toAbsolutePath().toString()),
            };
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot make the test vendor's signed plugin", e);
        }
    }

    /** A copy of the JAR with one file's content changed and every other entry, signature included, as it was. */
    private static void changedAfterSigning(Path jar, Path copy, String path) throws IOException {
        try (ZipFile in = new ZipFile(jar.toFile()); ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(copy))) {
            for (ZipEntry entry : Collections.list(in.entries())) {
                out.putNextEntry(new ZipEntry(entry.getName()));
                if (entry.getName().equals(path)) {
                    out.write("changed after signing".getBytes(StandardCharsets.UTF_8));
                } else {
                    in.getInputStream(entry).transferTo(out);
                }
                out.closeEntry();
            }
        }
    }
}
