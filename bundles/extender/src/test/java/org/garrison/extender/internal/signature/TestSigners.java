package org.garrison.extender.internal.signature;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
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
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import jdk.security.jarsigner.JarSigner;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** Keys, certificates and signed JARs for the signature tests: real RSA keys, real JDK JAR signing. */
final class TestSigners {

    /** A key pair with its certificate chain, leaf first. */
    record Signer(KeyPair keys, List<X509Certificate> chain) {

        X509Certificate certificate() {
            return chain.get(0);
        }
    }

    private TestSigners() {
    }

    static Signer selfSigned(String name) {
        return selfSigned(name, Instant.now().minus(Duration.ofDays(1)), Instant.now().plus(Duration.ofDays(365)));
    }

    static Signer selfSigned(String name, Instant from, Instant to) {
        KeyPair keys = keys();
        return new Signer(keys, List.of(certificate(name, keys, new X500Name(name), keys, from, to, false)));
    }

    static Signer certificateAuthority(String name) {
        KeyPair keys = keys();
        Instant now = Instant.now();
        return new Signer(keys, List.of(certificate(name, keys, new X500Name(name), keys, now.minus(Duration.ofDays(1)),
                now.plus(Duration.ofDays(3650)), true)));
    }

    static Signer issuedBy(Signer authority, String name) {
        KeyPair keys = keys();
        Instant now = Instant.now();
        X509Certificate leaf = certificate(name, keys,
                X500Name.getInstance(authority.certificate().getSubjectX500Principal().getEncoded()), authority.keys(), now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(365)), false);
        return new Signer(keys, List.of(leaf, authority.certificate()));
    }

    /** A small JAR: a manifest and two files. */
    static Path jar(Path folder, String name) throws IOException {
        return jar(folder, name, Map.of("GARRISON-INF/plugin.json", "{\"id\":\"signed\"}",
                "org/example/Thing.class", "not really a class"));
    }

    static Path jar(Path folder, String name, Map<String, String> files) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().putValue("Bundle-SymbolicName", "org.example.signed");
        Path jar = folder.resolve(name);
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest)) {
            for (Map.Entry<String, String> file : new java.util.TreeMap<>(files).entrySet()) {
                out.putNextEntry(new ZipEntry(file.getKey()));
                out.write(file.getValue().getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
        return jar;
    }

    /** The JAR signed by the signer, as jarsigner does. */
    static Path sign(Path jar, Signer signer, String name) throws Exception {
        Path signed = jar.resolveSibling(name);
        JarSigner jarSigner = new JarSigner.Builder(signer.keys().getPrivate(),
                CertificateFactory.getInstance("X.509").generateCertPath(signer.chain())).build();
        try (ZipFile in = new ZipFile(jar.toFile()); OutputStream out = Files.newOutputStream(signed)) {
            jarSigner.sign(in, out);
        }
        return signed;
    }

    /** A copy of the JAR with one file's content replaced (or added), every other entry as it was. */
    static Path rewrite(Path jar, String name, String path, String content) throws IOException {
        Path copy = jar.resolveSibling(name);
        boolean replaced = false;
        try (ZipFile in = new ZipFile(jar.toFile());
                java.util.zip.ZipOutputStream out = new java.util.zip.ZipOutputStream(Files.newOutputStream(copy))) {
            for (ZipEntry entry : java.util.Collections.list(in.entries())) {
                out.putNextEntry(new ZipEntry(entry.getName()));
                if (entry.getName().equals(path)) {
                    out.write(content.getBytes(StandardCharsets.UTF_8));
                    replaced = true;
                } else {
                    in.getInputStream(entry).transferTo(out);
                }
                out.closeEntry();
            }
            if (!replaced) {
                out.putNextEntry(new ZipEntry(path));
                out.write(content.getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
        return copy;
    }

    static String pem(X509Certificate certificate) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write("-----BEGIN CERTIFICATE-----\n".getBytes(StandardCharsets.US_ASCII));
        out.write(java.util.Base64.getMimeEncoder(64, new byte[] {'\n'}).encode(certificate.getEncoded()));
        out.write("\n-----END CERTIFICATE-----\n".getBytes(StandardCharsets.US_ASCII));
        return out.toString(StandardCharsets.US_ASCII);
    }

    private static KeyPair keys() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static X509Certificate certificate(String subject, KeyPair subjectKeys, X500Name issuer,
            KeyPair issuerKeys, Instant from, Instant to, boolean authority) {
        try {
            JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuer,
                    BigInteger.valueOf(System.nanoTime()), Date.from(from), Date.from(to), new X500Name(subject),
                    subjectKeys.getPublic());
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(authority));
            return new JcaX509CertificateConverter().getCertificate(
                    builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(issuerKeys.getPrivate())));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
