package org.garrison.accounts.internal.rest;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;

import org.garrison.accounts.internal.LegalTerms;
import org.garrison.accounts.internal.LegalTermsService;
import org.garrison.api.account.AccountService;
import org.garrison.api.error.NotFoundException;
import org.garrison.api.error.ValidationException;
import org.garrison.api.security.Caller;
import org.garrison.api.security.Permissions;
import org.garrison.api.security.RequiresPermission;
import org.garrison.api.security.SignedIn;
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
 * The legal terms: read and accept the current version, publish a new one, see who accepted which.
 */
@Component(service = TermsResource.class)
@JaxrsResource
@JSONRequired
@Path("terms")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Legal terms", description = "The terms accounts must accept before they may work")
public class TermsResource {

    private final LegalTermsService terms;
    private final AccountService accounts;

    @Activate
    public TermsResource(@Reference LegalTermsService terms, @Reference AccountService accounts) {
        this.terms = terms;
        this.accounts = accounts;
    }

    @GET
    @SignedIn
    @Operation(operationId = "getCurrentTerms", summary = "The current legal terms",
            responses = {
                @ApiResponse(responseCode = "200", description = "The current version, with when the caller "
                        + "accepted it", content = @Content(schema = @Schema(
                                implementation = AccountViews.TermsView.class))),
                @ApiResponse(responseCode = "404", description = "No terms have been published")})
    public AccountViews.TermsView current(@Context SecurityContext security) {
        Caller caller = Callers.require(security);
        LegalTerms current = terms.current().orElseThrow(() -> new NotFoundException("Legal terms", "current"));
        Instant acceptedAt = terms.acceptedAt(caller.accountId(), current.id()).orElse(null);
        return new AccountViews.TermsView(current.id(), current.version(), current.title(), current.text(),
                current.publishedAt(), current.publishedBy(), acceptedAt);
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission(Permissions.SERVER_WRITE)
    @Operation(operationId = "publishTerms", summary = "Publish a new version of the legal terms",
            description = "It becomes current at once; accounts that have not accepted it are asked to before "
                    + "they may work (if the server requires terms).",
            responses = {
                @ApiResponse(responseCode = "200", description = "Published",
                        content = @Content(schema = @Schema(implementation = LegalTerms.class))),
                @ApiResponse(responseCode = "409", description = "The version was published before"),
                @ApiResponse(responseCode = "422", description = "A missing or too long field")})
    public LegalTerms publish(AccountViews.PublishRequest request, @Context SecurityContext security) {
        Caller caller = Callers.require(security);
        if (request == null) {
            throw new ValidationException("", "a body with version, title and text is required");
        }
        return terms.publish(request.version(), request.title(), request.text(), caller.actor());
    }

    @POST
    @Path("{version}/acceptance")
    @SignedIn
    @Operation(operationId = "acceptTerms", summary = "Accept the current version of the legal terms",
            responses = {
                @ApiResponse(responseCode = "204", description = "Accepted (again accepting changes nothing)"),
                @ApiResponse(responseCode = "404", description = "No such version"),
                @ApiResponse(responseCode = "409", description = "Not the current version")})
    public Response accept(@Parameter(description = "The version accepted") @PathParam("version") String version,
            @Context SecurityContext security) {
        terms.accept(Callers.require(security).accountId(), version);
        return Response.noContent().build();
    }

    @GET
    @Path("acceptances")
    @RequiresPermission(Permissions.ACCOUNTS_READ)
    @Operation(operationId = "listTermsAcceptances", summary = "Who accepted which version of the terms, when",
            responses = @ApiResponse(responseCode = "200", description = "Acceptances, newest first",
                    content = @Content(schema = @Schema(implementation = AccountViews.AcceptanceList.class))))
    public AccountViews.AcceptanceList acceptances(
            @Parameter(description = "Only this version") @QueryParam("version") String version) {
        Map<UUID, String> logins = new HashMap<>();
        List<AccountViews.AcceptanceView> items = terms.acceptances(version).stream()
                .map(a -> new AccountViews.AcceptanceView(a.accountId(), logins.computeIfAbsent(a.accountId(),
                        id -> accounts.get(id).login()), a.version(), a.acceptedAt()))
                .toList();
        return new AccountViews.AcceptanceList(items);
    }
}
