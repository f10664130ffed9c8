package org.garrison.accounts.internal.rest;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

import javax.ws.rs.Consumes;
import javax.ws.rs.CookieParam;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;

import org.garrison.accounts.internal.ConsoleSettings;
import org.garrison.accounts.internal.ConsoleSettingsService;
import org.garrison.api.account.AccountService;
import org.garrison.api.account.SecondFactorEnrolment;
import org.garrison.api.error.FieldError;
import org.garrison.api.error.ValidationException;
import org.garrison.api.security.AuthenticationMethod;
import org.garrison.api.security.Authenticator;
import org.garrison.api.security.Caller;
import org.garrison.api.security.SignedIn;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The signed-in caller's own account: profile, permissions, password, console settings and second factor. Every
 * method here stays available while the caller still has to change their password or accept the legal terms.
 */
@Component(service = MeResource.class)
@JaxrsResource
@JSONRequired
@Path("me")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Me", description = "The signed-in caller's own account and console settings")
public class MeResource {

    private static final Set<String> SETTINGS_KEYS = Set.of("language", "theme", "dashboardLayout",
            "notificationsRead", "tableColumns", "trainingProgress");

    private final AccountService accounts;
    private final ConsoleSettingsService settings;
    private final ObjectMapper strict = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /** Ends the caller's other sessions after a password change; absent while sign-in is. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile Authenticator authenticator;

    @Activate
    public MeResource(@Reference AccountService accounts, @Reference ConsoleSettingsService settings) {
        this.accounts = accounts;
        this.settings = settings;
        strict.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
    }

    @GET
    @SignedIn
    @Operation(operationId = "getMe", summary = "The caller's account, permissions and pending steps",
            responses = @ApiResponse(responseCode = "200", description = "The caller",
                    content = @Content(schema = @Schema(implementation = AccountViews.MeView.class))))
    public AccountViews.MeView me(@Context SecurityContext security) {
        Caller caller = Callers.require(security);
        return new AccountViews.MeView(accounts.get(caller.accountId()), caller.permissions(),
                accounts.pendingSteps(caller.accountId()));
    }

    @PUT
    @Path("password")
    @Consumes(MediaType.APPLICATION_JSON)
    @SignedIn
    @Operation(operationId = "changeMyPassword", summary = "Change the caller's password",
            responses = {
                @ApiResponse(responseCode = "204", description = "Changed; a forced change is done; the account's other "
                        + "sessions are ended"),
                @ApiResponse(responseCode = "422", description = "The current password is wrong, or the policy "
                        + "refuses the new one")})
    public Response changePassword(AccountViews.PasswordChangeRequest request, @Context SecurityContext security,
            @CookieParam(Authenticator.SESSION_COOKIE) String sessionCookie) {
        Caller caller = Callers.require(security);
        if (request == null) {
            throw new ValidationException("newPassword", "is required");
        }
        accounts.changePassword(caller.accountId(), request.currentPassword(), request.newPassword());
        Authenticator sessions = authenticator;
        if (sessions != null) {
            sessions.endSessions(caller.accountId(),
                    caller.method() == AuthenticationMethod.SESSION ? sessionCookie : null);
        }
        return Response.noContent().build();
    }

    @GET
    @Path("settings")
    @SignedIn
    @Operation(operationId = "getMySettings", summary = "The caller's console settings",
            description = "Defaults for whatever was never stored.",
            responses = @ApiResponse(responseCode = "200", description = "The settings",
                    content = @Content(schema = @Schema(implementation = ConsoleSettings.class))))
    public ConsoleSettings getSettings(@Context SecurityContext security) {
        return settings.get(Callers.require(security).accountId());
    }

    @PUT
    @Path("settings")
    @Consumes(MediaType.APPLICATION_JSON)
    @SignedIn
    @Operation(operationId = "putMySettings", summary = "Replace the caller's console settings",
            description = "Missing keys take their defaults; unknown keys are refused. At most 64 KiB.",
            requestBody = @RequestBody(content = @Content(schema = @Schema(implementation = ConsoleSettings.class))),
            responses = {
                @ApiResponse(responseCode = "200", description = "The stored settings",
                        content = @Content(schema = @Schema(implementation = ConsoleSettings.class))),
                @ApiResponse(responseCode = "422", description = "An unknown key, a bad value, or too large")})
    public ConsoleSettings putSettings(@Schema(hidden = true) JsonNode body, @Context SecurityContext security) {
        Caller caller = Callers.require(security);
        return settings.put(caller.accountId(), parse(body));
    }

    private ConsoleSettings parse(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw new ValidationException("", "the settings must be a JSON object");
        }
        if (body.toString().getBytes(StandardCharsets.UTF_8).length > ConsoleSettings.MAX_BYTES) {
            throw new ValidationException("", "the settings document must be at most "
                    + ConsoleSettings.MAX_BYTES / 1024 + " KiB");
        }
        List<FieldError> unknown = new ArrayList<>();
        for (Iterator<String> names = body.fieldNames(); names.hasNext();) {
            String name = names.next();
            if (!SETTINGS_KEYS.contains(name)) {
                unknown.add(new FieldError(name, "is not a known setting"));
            }
        }
        if (!unknown.isEmpty()) {
            throw new ValidationException(unknown);
        }
        try {
            return strict.treeToValue(body, ConsoleSettings.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            String field = e instanceof com.fasterxml.jackson.databind.JsonMappingException mapping
                    && !mapping.getPath().isEmpty() ? mapping.getPath().get(0).getFieldName() : "";
            throw new ValidationException(field == null ? "" : field, "has a value of the wrong type");
        }
    }

    @POST
    @Path("second-factor")
    @SignedIn
    @Operation(operationId = "beginMySecondFactor", summary = "Start enrolling a TOTP second factor",
            description = "Answers the secret and an otpauth URI for a QR code. Nothing changes at sign-in until "
                    + "the first code is confirmed.",
            responses = {
                @ApiResponse(responseCode = "200", description = "The secret to put into an authenticator app",
                        content = @Content(schema = @Schema(implementation = SecondFactorEnrolment.class))),
                @ApiResponse(responseCode = "409", description = "A second factor is enrolled already")})
    public SecondFactorEnrolment beginSecondFactor(@Context SecurityContext security) {
        return accounts.beginSecondFactor(Callers.require(security).accountId());
    }

    @POST
    @Path("second-factor/confirm")
    @Consumes(MediaType.APPLICATION_JSON)
    @SignedIn
    @Operation(operationId = "confirmMySecondFactor", summary = "Activate the second factor with its first code",
            responses = {
                @ApiResponse(responseCode = "200", description = "Active; ten single-use recovery codes, shown once",
                        content = @Content(schema = @Schema(implementation = AccountViews.RecoveryCodesView.class))),
                @ApiResponse(responseCode = "422", description = "The code does not match, or nothing is pending")})
    public AccountViews.RecoveryCodesView confirmSecondFactor(AccountViews.ConfirmRequest request,
            @Context SecurityContext security) {
        Caller caller = Callers.require(security);
        return new AccountViews.RecoveryCodesView(accounts.confirmSecondFactor(caller.accountId(),
                request == null ? null : request.code()));
    }

    @DELETE
    @Path("second-factor")
    @Consumes(MediaType.APPLICATION_JSON)
    @SignedIn
    @Operation(operationId = "removeMySecondFactor", summary = "Remove the caller's second factor",
            responses = {
                @ApiResponse(responseCode = "204", description = "Removed (or there was none)"),
                @ApiResponse(responseCode = "422", description = "The password is wrong")})
    public Response removeSecondFactor(AccountViews.RemoveRequest request, @Context SecurityContext security) {
        Caller caller = Callers.require(security);
        if (request == null || request.password() == null) {
            throw new ValidationException("password", "is required");
        }
        accounts.removeSecondFactor(caller.accountId(), request.password(), caller.actor());
        return Response.noContent().build();
    }
}
