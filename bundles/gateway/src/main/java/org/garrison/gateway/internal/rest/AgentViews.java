package org.garrison.gateway.internal.rest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.garrison.api.Actor;
import org.garrison.api.agent.AgentState;
import org.garrison.api.agent.HostFacts;
import org.garrison.gateway.internal.enrollment.Agent;
import org.garrison.gateway.internal.enrollment.AgentCertificate;
import org.garrison.gateway.internal.enrollment.AgentDetails;
import org.garrison.gateway.internal.enrollment.EnrollmentToken;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The JSON forms of enrollment tokens, agents and the gateway's address.
 */
public final class AgentViews {

    private AgentViews() {
    }

    /** An enrollment token as listed: never its secret. */
    @Schema(name = "EnrollmentToken")
    public record TokenView(UUID id, String name, UUID groupId, boolean requireApproval, int maxUses, int uses,
            Instant expiresAt, Instant createdAt, Actor createdBy, Instant revokedAt,
            @Schema(allowableValues = {"active", "expired", "used-up", "revoked"}) String state) {

        static TokenView of(EnrollmentToken token, Instant now) {
            return new TokenView(token.id(), token.name(), token.groupId(), token.requireApproval(), token.maxUses(),
                    token.uses(), token.expiresAt(), token.createdAt(), token.createdBy(), token.revokedAt(),
                    token.stateAt(now).wireName());
        }
    }

    /** A token just created: the only answer that carries its text. */
    @Schema(name = "IssuedEnrollmentToken")
    public record IssuedTokenView(UUID id, String name, UUID groupId, boolean requireApproval, int maxUses,
            int uses, Instant expiresAt, Instant createdAt, Actor createdBy, Instant revokedAt,
            @Schema(allowableValues = {"active", "expired", "used-up", "revoked"}) String state,
            @Schema(description = "The token, ge1.<secret>.<ca-pin>; shown only now") String token,
            @Schema(description = "The command that enrolls a machine with this token") String enrollCommand) {

        static IssuedTokenView of(TokenView view, String token, String enrollCommand) {
            return new IssuedTokenView(view.id(), view.name(), view.groupId(), view.requireApproval(),
                    view.maxUses(), view.uses(), view.expiresAt(), view.createdAt(), view.createdBy(),
                    view.revokedAt(), view.state(), token, enrollCommand);
        }

        @Override
        public String toString() {
            return "IssuedTokenView[id=" + id + ", name=" + name + "]";
        }
    }

    @Schema(name = "EnrollmentTokenPage")
    public record TokenPage(List<TokenView> items, String nextCursor, Long total) {
    }

    /** An enrolled agent. */
    @Schema(name = "Agent")
    public record AgentView(UUID id, String hardwareId, String hostname, HostFacts host, String agentVersion,
            AgentState state, UUID groupId, UUID tokenId, UUID deviceId, Instant enrolledAt, Instant decidedAt,
            String decidedBy, Instant lastSyncAt, String lastAddress, long storedThrough) {

        static AgentView of(Agent agent) {
            return new AgentView(agent.id(), agent.hardwareId(), agent.hostname(), agent.host(),
                    agent.agentVersion(), agent.state(), agent.groupId(), agent.tokenId(), agent.deviceId(),
                    agent.enrolledAt(), agent.decidedAt(), agent.decidedBy(), agent.lastSyncAt(),
                    agent.lastAddress(), agent.storedThrough());
        }
    }

    /** A client certificate issued to an agent. */
    @Schema(name = "AgentCertificate")
    public record CertificateView(@Schema(description = "Serial number, lower-case hex") String serial,
            Instant issuedAt, Instant expiresAt, Instant revokedAt, String revokeReason) {

        static CertificateView of(AgentCertificate certificate) {
            return new CertificateView(certificate.serial(), certificate.issuedAt(), certificate.expiresAt(),
                    certificate.revokedAt(), certificate.revokeReason());
        }
    }

    /** An agent with every certificate it was issued, newest first. */
    @Schema(name = "AgentDetails")
    public record AgentDetailsView(UUID id, String hardwareId, String hostname, HostFacts host,
            String agentVersion, AgentState state, UUID groupId, UUID tokenId, UUID deviceId, Instant enrolledAt,
            Instant decidedAt, String decidedBy, Instant lastSyncAt, String lastAddress, long storedThrough,
            List<CertificateView> certificates) {

        static AgentDetailsView of(AgentDetails details) {
            Agent agent = details.agent();
            return new AgentDetailsView(agent.id(), agent.hardwareId(), agent.hostname(), agent.host(),
                    agent.agentVersion(), agent.state(), agent.groupId(), agent.tokenId(), agent.deviceId(),
                    agent.enrolledAt(), agent.decidedAt(), agent.decidedBy(), agent.lastSyncAt(),
                    agent.lastAddress(), agent.storedThrough(),
                    details.certificates().stream().map(CertificateView::of).toList());
        }
    }

    @Schema(name = "AgentPage")
    public record AgentPage(List<AgentView> items, String nextCursor, Long total) {
    }

    /** Why an agent is revoked. */
    @Schema(name = "AgentRevocation")
    public record RevokeBody(@Schema(description = "At most 100 characters; default \"revoked\"") String reason) {
    }

    /** Which devices should sync now: either some devices or a group with everything below it. */
    @Schema(name = "SyncNowRequest")
    public record SyncNowBody(List<UUID> deviceIds, UUID groupId) {
    }

    @Schema(name = "SyncNowAnswer")
    public record SyncNowAnswer(@Schema(description = "How many devices were asked to sync") int requested,
            @Schema(description = "How many of their agents were listening and were woken at once") int woken) {
    }

    /** What the console's "add devices" page shows. */
    @Schema(name = "Gateway")
    public record GatewayView(@Schema(description = "The port agents connect to") int port,
            @Schema(description = "The agents' certificate authority, PEM") String caCertificate,
            @Schema(description = "Base64url SHA-256 of the authority's certificate, as tokens carry it") String caPin,
            @Schema(description = "The names the gateway's certificate carries") List<String> serverNames) {
    }
}
