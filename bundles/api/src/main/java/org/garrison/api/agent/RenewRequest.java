package org.garrison.api.agent;

/**
 * {@code POST /agent/v1/renew}: an enrolled agent, authenticated by its current certificate, asks for a new one.
 *
 * @param csr a PKCS #10 certificate signing request in PEM for a new key
 */
public record RenewRequest(String csr) {
}
