package org.garrison.api.agent;

/**
 * {@code POST /agent/v1/enroll}: an agent asks for its client certificate.
 *
 * @param token      the enrollment token an admin created, as shown to the admin
 * @param csr        a PKCS #10 certificate signing request in PEM, signed by the agent's new key (EC P-256 or RSA
 *                   2048+); the subject is ignored, the server sets it
 * @param hardwareId a stable identifier of the machine (1–200 characters): enrolling the same machine again maps to
 *                   the same agent and device
 * @param host       what the agent tells about its machine
 */
public record EnrollRequest(String token, String csr, String hardwareId, HostFacts host) {
}
