package org.garrison.extender.internal.signature;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.garrison.api.plugin.PluginSignature;
import org.garrison.api.plugin.SignatureState;
import org.garrison.extender.internal.signature.TestSigners.Signer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JarSignaturesTest {

    private static Signer vendor;
    private static Signer authority;
    private static Signer issued;
    private static Signer stranger;

    @TempDir
    Path folder;

    @BeforeAll
    static void keys() {
        vendor = TestSigners.selfSigned("CN=Example Security Ltd, O=Example");
        authority = TestSigners.certificateAuthority("CN=Example Code Signing CA");
        issued = TestSigners.issuedBy(authority, "CN=Issued Vendor");
        stranger = TestSigners.selfSigned("CN=Someone Else");
    }

    @Test
    void anUnsignedJarIsUnsigned() throws Exception {
        PluginSignature signature = JarSignatures.check(TestSigners.jar(folder, "plain.jar"),
                TrustedSigners.of(List.of(vendor.certificate())));
        assertEquals(SignatureState.UNSIGNED, signature.state());
        assertFalse(signature.trusted());
    }

    @Test
    void aJarSignedByATrustedCertificateIsTrustedAndNamesItsSigner() throws Exception {
        Path signed = TestSigners.sign(TestSigners.jar(folder, "plain.jar"), vendor, "signed.jar");
        PluginSignature signature = JarSignatures.check(signed, TrustedSigners.of(List.of(vendor.certificate())));
        assertEquals(SignatureState.TRUSTED, signature.state(), signature.message());
        assertTrue(signature.signer().contains("Example Security Ltd"), signature.signer());
        assertEquals(TrustedSigners.fingerprint(vendor.certificate()), signature.fingerprint());
        assertEquals(64, signature.fingerprint().length());
    }

    @Test
    void aSignerIssuedByATrustedAuthorityIsTrusted() throws Exception {
        Path signed = TestSigners.sign(TestSigners.jar(folder, "plain.jar"), issued, "signed.jar");
        PluginSignature signature = JarSignatures.check(signed, TrustedSigners.of(List.of(authority.certificate())));
        assertEquals(SignatureState.TRUSTED, signature.state(), signature.message());
        assertTrue(signature.signer().contains("Issued Vendor"));
    }

    @Test
    void aSignerNobodyTrustsIsUntrustedAndSaysWhy() throws Exception {
        Path signed = TestSigners.sign(TestSigners.jar(folder, "plain.jar"), stranger, "signed.jar");
        PluginSignature untrusted = JarSignatures.check(signed, TrustedSigners.of(List.of(vendor.certificate())));
        assertEquals(SignatureState.UNTRUSTED, untrusted.state());
        assertTrue(untrusted.message().contains("nor its issuers are among the trusted signers"), untrusted.message());
        assertTrue(untrusted.signer().contains("Someone Else"));
        PluginSignature nobody = JarSignatures.check(signed, TrustedSigners.of(List.of()));
        assertTrue(nobody.message().contains("no signer certificates are trusted"), nobody.message());
    }

    @Test
    void aCertificateThatClaimsATrustedIssuerButIsNotSignedByItIsUntrusted() throws Exception {
        // same issuer name as the trusted authority, but issued by another key
        Signer impostorAuthority = TestSigners.certificateAuthority("CN=Example Code Signing CA");
        Signer impostor = TestSigners.issuedBy(impostorAuthority, "CN=Impostor");
        Path signed = TestSigners.sign(TestSigners.jar(folder, "plain.jar"), impostor, "signed.jar");
        PluginSignature signature = JarSignatures.check(signed, TrustedSigners.of(List.of(authority.certificate())));
        assertEquals(SignatureState.UNTRUSTED, signature.state(), signature.message());
    }

    @Test
    void anExpiredCertificateWithoutTimestampIsNotTrusted() throws Exception {
        Signer expired = TestSigners.selfSigned("CN=Expired Vendor", Instant.now().minus(Duration.ofDays(30)),
                Instant.now().minus(Duration.ofDays(1)));
        Path signed = TestSigners.sign(TestSigners.jar(folder, "plain.jar"), expired, "signed.jar");
        PluginSignature signature = JarSignatures.check(signed, TrustedSigners.of(List.of(expired.certificate())));
        assertEquals(SignatureState.UNTRUSTED, signature.state());
        assertTrue(signature.message().contains("not valid"), signature.message());
    }

    @Test
    void aFileChangedAfterSigningMakesTheSignatureInvalid() throws Exception {
        Path signed = TestSigners.sign(TestSigners.jar(folder, "plain.jar"), vendor, "signed.jar");
        Path tampered = TestSigners.rewrite(signed, "tampered.jar", "org/example/Thing.class", "evil code");
        PluginSignature signature = JarSignatures.check(tampered, TrustedSigners.of(List.of(vendor.certificate())));
        assertEquals(SignatureState.INVALID, signature.state());
        assertFalse(signature.trusted());
    }

    @Test
    void aFileAddedAfterSigningMakesTheSignatureInvalid() throws Exception {
        Path signed = TestSigners.sign(TestSigners.jar(folder, "plain.jar"), vendor, "signed.jar");
        Path added = TestSigners.rewrite(signed, "added.jar", "org/example/Extra.class", "smuggled in");
        PluginSignature signature = JarSignatures.check(added, TrustedSigners.of(List.of(vendor.certificate())));
        assertEquals(SignatureState.INVALID, signature.state());
        assertTrue(signature.message().contains("org/example/Extra.class"), signature.message());
    }

    @Test
    void theTrustedFolderReadsPemAndDerFilesAndReportsBrokenOnes() throws Exception {
        Path trusted = Files.createDirectories(folder.resolve("trusted"));
        Files.writeString(trusted.resolve("vendors.pem"), TestSigners.pem(vendor.certificate())
                + TestSigners.pem(authority.certificate()));
        Files.write(trusted.resolve("stranger.der"), stranger.certificate().getEncoded());
        Files.writeString(trusted.resolve("broken.crt"), "-----BEGIN CERTIFICATE-----\nnot base64\n");
        Files.writeString(trusted.resolve("README.txt"), "ignored: not a certificate file");
        TrustedSigners signers = TrustedSigners.in(trusted);
        assertEquals(3, signers.size());
        assertEquals(1, signers.problems().size(), signers.problems().toString());
        assertTrue(signers.problems().get(0).startsWith("broken.crt"));
        assertEquals(0, TrustedSigners.in(folder.resolve("missing")).size());
    }

    @Test
    void thePolicyRefusesOnlyWhenSignaturesAreRequired() throws Exception {
        Path trusted = Files.createDirectories(folder.resolve("trusted"));
        Files.writeString(trusted.resolve("vendor.pem"), TestSigners.pem(vendor.certificate()));
        Path plain = TestSigners.jar(folder, "plain.jar");
        Path signed = TestSigners.sign(plain, vendor, "signed.jar");

        SigningPolicy require = new SigningPolicy(SignatureMode.REQUIRE, trusted);
        assertTrue(require.refusal(require.check(plain)).orElseThrow().contains("not signed"));
        assertTrue(require.refusal(require.check(signed)).isEmpty());

        SigningPolicy report = new SigningPolicy(SignatureMode.REPORT, trusted);
        assertEquals(SignatureState.UNSIGNED, report.check(plain).state());
        assertTrue(report.refusal(report.check(plain)).isEmpty());

        SigningPolicy off = new SigningPolicy(SignatureMode.OFF, trusted);
        assertEquals(SignatureState.NOT_CHECKED, off.check(signed).state());
    }

    @Test
    void theModeIsReadCaseInsensitivelyAndAnythingElseIsAnError() {
        assertEquals(SignatureMode.REQUIRE, SignatureMode.of(" Require "));
        assertEquals(SignatureMode.OFF, SignatureMode.of("off"));
        assertThrows(IllegalArgumentException.class, () -> SignatureMode.of("requierd"));
        assertThrows(IllegalArgumentException.class, () -> SignatureMode.of(null));
    }

    @Test
    void onlyTheManifestAndSignatureFilesAreLeftOutOfTheCheck() {
        assertTrue(JarSignatures.isSignatureFile("META-INF/MANIFEST.MF"));
        assertTrue(JarSignatures.isSignatureFile("META-INF/VENDOR.SF"));
        assertTrue(JarSignatures.isSignatureFile("META-INF/VENDOR.RSA"));
        assertTrue(JarSignatures.isSignatureFile("META-INF/SIG-X"));
        assertFalse(JarSignatures.isSignatureFile("META-INF/maven/pom.xml"));
        assertFalse(JarSignatures.isSignatureFile("META-INF/services/x.SF"));
        assertFalse(JarSignatures.isSignatureFile("GARRISON-INF/plugin.json"));
    }
}
