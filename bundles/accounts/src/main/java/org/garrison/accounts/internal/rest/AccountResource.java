package org.garrison.accounts.internal.rest;

import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.PATCH;
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

import org.garrison.accounts.internal.GrantDelegation;
import org.garrison.accounts.internal.RevisionTypes;
import org.garrison.api.Actor;
import org.garrison.api.Ids;
import org.garrison.api.Page;
import org.garrison.api.PageRequest;
import org.garrison.api.account.Account;
import org.garrison.api.account.AccountService;
import org.garrison.api.account.AccountUpdate;
import org.garrison.api.account.NewAccount;
import org.garrison.api.error.ValidationException;
import org.garrison.api.security.Caller;
import org.garrison.api.security.Permissions;
import org.garrison.api.security.RequiresPermission;
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
 * Accounts over REST, for administrators: list, create, change, delete, reset passwords and second factors.
 */
@Component(service = AccountResource.class)
@JaxrsResource
@JSONRequired
@Path("accounts")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Accounts", description = "The accounts of the people who administer the server")
public class AccountResource {

    private static final String ID = "Account id";

    private final AccountService accounts;
    private final GrantDelegation delegation;

    @Activate
    public AccountResource(@Reference AccountService accounts, @Reference GrantDelegation delegation) {
        this.accounts = accounts;
        this.delegation = delegation;
    }

    /** The target account, once it is clear the caller holds everything its grants give. */
    private Account manageable(SecurityContext security, String id) {
        Account account = accounts.get(Ids.parse("id", id));
        delegation.requireMayManage(Caller.of(security.getUserPrincipal()), account);
        return account;
    }

    @GET
    @RequiresPermission(Permissions.ACCOUNTS_READ)
    @Operation(operationId = "listAccounts", summary = "List accounts, ordered by login",
            responses = {
                @ApiResponse(responseCode = "200", description = "One page of accounts",
                        content = @Content(schema = @Schema(implementation = AccountViews.AccountPage.class))),
                @ApiResponse(responseCode = "422", description = "A bad limit or cursor")})
    public Page<Account> list(
            @Parameter(description = "Page size, 1-1000 (default 50)") @QueryParam("limit") Integer limit,
            @Parameter(description = "Cursor from the previous page") @QueryParam("cursor") String cursor) {
        return accounts.list(PageRequest.of(limit, cursor));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission(value = Permissions.ACCOUNTS_WRITE, objectKind = RevisionTypes.ACCOUNT)
    @Operation(operationId = "createAccount", summary = "Create an account",
            responses = {
                @ApiResponse(responseCode = "201", description = "Created",
                        content = @Content(schema = @Schema(implementation = Account.class))),
                @ApiResponse(responseCode = "403", description = "A grant gives permissions the caller does not hold"),
                @ApiResponse(responseCode = "409", description = "The login is taken"),
                @ApiResponse(responseCode = "422", description = "A bad field, a password the policy refuses, or "
                        + "a grant naming an unknown role or group")})
    public Response create(AccountViews.CreateRequest request, @Context SecurityContext security,
            @Context UriInfo uri) {
        if (request == null) {
            throw new ValidationException("", "a body with at least login and password is required");
        }
        delegation.requireMayGrant(Caller.of(security.getUserPrincipal()), request.grants());
        Account created = accounts.create(new NewAccount(request.login(), request.fullName(), request.description(),
                request.email(), request.phone(), request.password(),
                request.mustChangePassword() == null || request.mustChangePassword(), request.grants()),
                Actor.of(security.getUserPrincipal()));
        return Response.created(uri.getAbsolutePathBuilder().path(created.id().toString()).build()).entity(created)
                .build();
    }

    @GET
    @Path("{id}")
    @RequiresPermission(Permissions.ACCOUNTS_READ)
    @Operation(operationId = "getAccount", summary = "Read one account",
            responses = {
                @ApiResponse(responseCode = "200", description = "The account",
                        content = @Content(schema = @Schema(implementation = Account.class))),
                @ApiResponse(responseCode = "404", description = "No such account")})
    public Account get(@Parameter(description = ID) @PathParam("id") String id) {
        return accounts.get(Ids.parse("id", id));
    }

    @PATCH
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission(value = Permissions.ACCOUNTS_WRITE, objectKind = RevisionTypes.ACCOUNT)
    @Operation(operationId = "updateAccount", summary = "Change an account's profile, status or grants",
            responses = {
                @ApiResponse(responseCode = "200", description = "The changed account",
                        content = @Content(schema = @Schema(implementation = Account.class))),
                @ApiResponse(responseCode = "404", description = "No such account"),
                @ApiResponse(responseCode = "409", description = "The login is taken, or the change would leave no "
                        + "enabled main administrator"),
                @ApiResponse(responseCode = "422", description = "A bad field or grant")})
    public Account update(@Parameter(description = ID) @PathParam("id") String id, AccountViews.PatchRequest request,
            @Context SecurityContext security) {
        if (request == null) {
            throw new ValidationException("", "a body with the fields to change is required");
        }
        Account target = manageable(security, id);
        delegation.requireMayGrant(Caller.of(security.getUserPrincipal()), request.grants());
        return accounts.update(target.id(), new AccountUpdate(request.login(), request.fullName(),
                request.description(), request.email(), request.phone(), request.enabled(), request.grants()),
                Actor.of(security.getUserPrincipal()));
    }

    @DELETE
    @Path("{id}")
    @RequiresPermission(value = Permissions.ACCOUNTS_WRITE, objectKind = RevisionTypes.ACCOUNT)
    @Operation(operationId = "deleteAccount", summary = "Delete an account",
            responses = {
                @ApiResponse(responseCode = "204", description = "Deleted"),
                @ApiResponse(responseCode = "404", description = "No such account"),
                @ApiResponse(responseCode = "409", description = "It is the last enabled main administrator")})
    public Response delete(@Parameter(description = ID) @PathParam("id") String id,
            @Context SecurityContext security) {
        accounts.delete(manageable(security, id).id(), Actor.of(security.getUserPrincipal()));
        return Response.noContent().build();
    }

    @POST
    @Path("{id}/password-reset")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission(value = Permissions.ACCOUNTS_WRITE, objectKind = RevisionTypes.ACCOUNT)
    @Operation(operationId = "resetAccountPassword", summary = "Set a new password for an account",
            description = "Usually with mustChange (the default), so the holder picks their own at the next sign-in.",
            responses = {
                @ApiResponse(responseCode = "204", description = "Set"),
                @ApiResponse(responseCode = "404", description = "No such account"),
                @ApiResponse(responseCode = "422", description = "The password policy refuses the password")})
    public Response resetPassword(@Parameter(description = ID) @PathParam("id") String id,
            AccountViews.PasswordResetRequest request, @Context SecurityContext security) {
        if (request == null) {
            throw new ValidationException("newPassword", "is required");
        }
        accounts.resetPassword(manageable(security, id).id(), request.newPassword(),
                request.mustChange() == null || request.mustChange(), Actor.of(security.getUserPrincipal()));
        return Response.noContent().build();
    }

    @DELETE
    @Path("{id}/second-factor")
    @RequiresPermission(value = Permissions.ACCOUNTS_WRITE, objectKind = RevisionTypes.ACCOUNT)
    @Operation(operationId = "removeAccountSecondFactor", summary = "Remove an account's second factor",
            description = "For a holder who lost their authenticator and their recovery codes.",
            responses = {
                @ApiResponse(responseCode = "204", description = "Removed (or there was none)"),
                @ApiResponse(responseCode = "404", description = "No such account")})
    public Response removeSecondFactor(@Parameter(description = ID) @PathParam("id") String id,
            @Context SecurityContext security) {
        accounts.removeSecondFactor(manageable(security, id).id(), null, Actor.of(security.getUserPrincipal()));
        return Response.noContent().build();
    }
}
