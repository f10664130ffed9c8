package org.garrison.sessions.internal.rest;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import javax.ws.rs.core.UriInfo;

import org.garrison.api.Ids;
import org.garrison.api.Page;
import org.garrison.api.account.AccountService;
import org.garrison.api.error.NotFoundException;
import org.garrison.api.error.ValidationException;
import org.garrison.api.security.Caller;
import org.garrison.api.security.Permissions;
import org.garrison.api.security.SignedIn;
import org.garrison.sessions.internal.SessionAuthenticator;
import org.garrison.sessions.internal.SessionAuthenticator.IssuedToken;
import org.garrison.sessions.internal.TokenView;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * Personal API tokens: everybody manages their own; holders of accounts.write on the whole server may list and
 * revoke anybody's. Those two are the only checks made here rather than by the authorisation filter, because
 * the permission is needed only when the token is not the caller's own.
 */
@Component(service = TokenResource.class)
@JaxrsResource
@JSONRequired
@Path("tokens")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "API tokens", description = "Personal tokens for scripts, sent as Authorization: Bearer")
public class TokenResource {

    private final SessionAuthenticator sessions;
    private final AccountService accounts;

    /**
     * A new token.
     *
     * @param name      what it is for, 1-100 characters
     * @param expiresAt when it expires; default 90 days ahead, at most 365 days ahead (configurable)
     * @param roleIds   the account's roles it acts with; default all of them
     */
    @Schema(name = "NewApiToken")
    public record CreateRequest(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) String name, Instant expiresAt,
            Set<UUID> roleIds) {
    }

    /** A token just created: the only answer that carries its secret. */
    @Schema(name = "IssuedApiToken")
    public record IssuedView(UUID id, String name,
            @Schema(description = "The secret, gar_ and 43 characters; shown only now") String token,
            String prefix, Set<UUID> roleIds, Instant createdAt, Instant expiresAt) {

        @Override
        public String toString() {
            return "IssuedView[id=" + id + ", name=" + name + "]";
        }
    }

    @Schema(name = "ApiTokenPage")
    public record TokenPage(List<TokenView> items, String nextCursor, Long total) {
    }

    @Activate
    public TokenResource(@Reference SessionAuthenticator sessions, @Reference AccountService accounts) {
        this.sessions = sessions;
        this.accounts = accounts;
    }

    @GET
    @SignedIn
    @Operation(operationId = "listApiTokens", summary = "List API tokens, newest first",
            description = "The caller's own tokens, or with account those of another account (needs accounts.write "
                    + "on the whole server). Secrets are never listed.",
            responses = {
                @ApiResponse(responseCode = "200", description = "The tokens",
                        content = @Content(schema = @Schema(implementation = TokenPage.class))),
                @ApiResponse(responseCode = "403", description = "Another account's tokens without accounts.write"),
                @ApiResponse(responseCode = "404", description = "No such account"),
                @ApiResponse(responseCode = "422", description = "A malformed account id")})
    public Page<TokenView> list(@Parameter(description = "Account id (default: the caller's own)")
            @QueryParam("account") String account, @Context SecurityContext security) {
        Caller caller = caller(security);
        UUID owner = account == null || account.isEmpty() ? caller.accountId() : Ids.parse("account", account);
        if (!owner.equals(caller.accountId())) {
            caller.requireEverywhere(Permissions.ACCOUNTS_WRITE);
            accounts.get(owner);
        }
        Instant now = Instant.now();
        List<TokenView> items = sessions.tokensOf(owner).stream().map(token -> TokenView.of(token, now)).toList();
        return new Page<>(items, null, (long) items.size());
    }

    @POST
    @SignedIn
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createApiToken", summary = "Create an API token for yourself",
            description = "The answer carries the secret; it cannot be shown again. Only a signed-in session may "
                    + "create tokens: a call made with an API token is refused, so tokens cannot breed tokens.",
            responses = {
                @ApiResponse(responseCode = "201", description = "Created",
                        content = @Content(schema = @Schema(implementation = IssuedView.class))),
                @ApiResponse(responseCode = "403", description = "Called with an API token"),
                @ApiResponse(responseCode = "409", description = "The account holds the most tokens allowed"),
                @ApiResponse(responseCode = "422", description = "A bad name, expiry or role")})
    public Response create(CreateRequest request, @Context SecurityContext security, @Context UriInfo uri) {
        Caller caller = caller(security);
        if (request == null) {
            throw new ValidationException("", "a body with at least a name is required");
        }
        IssuedToken issued = sessions.issue(caller, request.name(), request.expiresAt(), request.roleIds());
        var token = issued.token();
        IssuedView view = new IssuedView(token.id(), token.name(), issued.secret(), token.prefix(), token.roleIds(),
                token.createdAt(), token.expiresAt());
        return Response.created(uri.getAbsolutePathBuilder().path(token.id().toString()).build())
                .header("Cache-Control", "no-store").entity(view).build();
    }

    @DELETE
    @Path("{id}")
    @SignedIn
    @Operation(operationId = "revokeApiToken", summary = "Revoke an API token",
            description = "Your own, or anybody's with accounts.write on the whole server. It stops working at once.",
            responses = {
                @ApiResponse(responseCode = "204", description = "Revoked"),
                @ApiResponse(responseCode = "404", description = "No such token (among those you may revoke)"),
                @ApiResponse(responseCode = "422", description = "A malformed id")})
    public Response revoke(@Parameter(description = "Token id") @PathParam("id") String id,
            @Context SecurityContext security) {
        Caller caller = caller(security);
        UUID tokenId = Ids.parse("id", id);
        var token = sessions.token(tokenId).filter(found -> found.accountId().equals(caller.accountId())
                || caller.scope(Permissions.ACCOUNTS_WRITE).everywhere())
                .orElseThrow(() -> new NotFoundException("API token", id));
        sessions.revoke(token.id());
        return Response.noContent().build();
    }

    private static Caller caller(SecurityContext security) {
        Caller caller = security == null ? null : Caller.of(security.getUserPrincipal());
        if (caller == null) {
            // the authorisation filter lets no anonymous call through to a @SignedIn method
            throw new IllegalStateException("No caller on a signed-in call");
        }
        return caller;
    }
}
