package org.garrison.api.account;

/**
 * A TOTP second factor waiting for its first code.
 *
 * @param secret     the shared secret, Base32
 * @param otpauthUri the {@code otpauth://totp/...} URI authenticator apps read from a QR code
 */
public record SecondFactorEnrolment(String secret, String otpauthUri) {

    @Override
    public String toString() {
        return "SecondFactorEnrolment[...]";
    }
}
