package org.garrison.sessions.internal.rest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.Consumes;
import javax.ws.rs.CookieParam;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import org.garrison.api.account.Account;
import org.garrison.api.account.AccountService;
import org.garrison.api.error.FieldError;
import org.garrison.api.error.NotFoundException;
import org.garrison.api.error.ValidationException;
import org.garrison.api.security.Authenticator;
import org.garrison.api.security.PendingStep;
import org.garrison.api.security.PublicEndpoint;
import org.garrison.api.security.SignedIn;
import org.garrison.sessions.internal.SessionAuthenticator;
import org.garrison.sessions.internal.SessionAuthenticator.LiveSession;
import org.garrison.sessions.internal.SessionAuthenticator.OpenedSession;
import org.garrison.sessions.internal.SignInService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * Signing in and out of the console (and of scripts that prefer a session to an API token).
 */
@Component(service = SessionResource.class)
@JaxrsResource
@JSONRequired
@Path("session")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Session", description = "Signing in and out")
public class SessionResource {

    static final int MAX_LOGIN = 256;
    static final int MAX_PASSWORD = 1024;
    static final int MAX_CODE = 64;

    private final SignInService signIn;
    private final SessionAuthenticator sessions;
    private final AccountService accounts;

    /** The sign-in form. */
    @Schema(name = "SignInRequest")
    public record SignInRequest(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) String login,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, format = "password") String password,
            @Schema(description = "The TOTP code or a recovery code, for accounts with a second factor") String totp) {

        @Override
        public String toString() {
            return "SignInRequest[login=" + login + "]";
        }
    }

    /**
     * A live session.
     *
     * @param csrfToken     send it as {@code X-CSRF-Token} on every POST, PUT, PATCH and DELETE of this session
     * @param account       the signed-in account
     * @param pendingSteps  what must be done before anything but the caller's own settings may be used
     * @param expiresAt     when the session ends at the latest (absolute timeout)
     * @param idleExpiresAt when it ends unless another request comes first (idle timeout)
     */
    @Schema(name = "Session")
    public record SessionView(String csrfToken, Account account, List<PendingStep> pendingSteps, Instant expiresAt,
            Instant idleExpiresAt) {

        @Override
        public String toString() {
            return "SessionView[login=" + (account == null ? null : account.login()) + "]";
        }
    }

    @Activate
    public SessionResource(@Reference SignInService signIn, @Reference SessionAuthenticator sessions,
            @Reference AccountService accounts) {
        this.signIn = signIn;
        this.sessions = sessions;
        this.accounts = accounts;
    }

    @POST
    @PublicEndpoint
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "signIn", summary = "Sign in",
            description = "Answers the session with its CSRF token and sets the HttpOnly, SameSite=Strict session "
                    + "cookie GARRISON_SESSION (Secure over HTTPS). Wrong login and wrong password get the same "
                    + "answer. An account with a second factor also sends the code in totp; without it the answer "
                    + "is 401 with code second-factor-required. Repeated failures are slowed down: 429 with "
                    + "Retry-After.",
            responses = {
                @ApiResponse(responseCode = "201", description = "Signed in",
                        headers = @Header(name = "Set-Cookie", description = "The session cookie"),
                        content = @Content(schema = @Schema(implementation = SessionView.class))),
                @ApiResponse(responseCode = "401", description = "Wrong credentials (code invalid-credentials), "
                        + "second factor missing (second-factor-required) or wrong (second-factor-invalid)"),
                @ApiResponse(responseCode = "422", description = "Login or password missing or too long"),
                @ApiResponse(responseCode = "429", description = "Too many failed sign-ins; wait Retry-After "
                        + "seconds", headers = @Header(name = "Retry-After"))})
    public Response signIn(SignInRequest request, @CookieParam(Authenticator.SESSION_COOKIE) String previous,
            @Context HttpServletRequest http) {
        validate(request);
        String address = http == null ? null
                : signIn.clientAddress(http.getRemoteAddr(), http.getHeader("X-Forwarded-For"));
        SignInService.Result result = signIn.signIn(request.login(), request.password(), request.totp(), address);
        if (result instanceof SignInService.Refused refused) {
            return ProblemAnswers.of(refused);
        }
        if (previous != null) {
            sessions.close(previous); // a browser signing in again leaves no second session behind
        }
        Account account = accounts.get(((SignInService.Success) result).account().id());
        OpenedSession opened = sessions.open(account, address, http == null ? null : http.getHeader("User-Agent"));
        SessionView view = new SessionView(opened.csrfToken(), account, ordered(accounts.pendingSteps(account.id())),
                opened.expiresAt(), opened.idleExpiresAt());
        return Response.status(Response.Status.CREATED)
                .header(HttpHeaders.SET_COOKIE, SessionCookies.open(opened.sessionId(), SessionCookies.secure(http)))
                .header("Cache-Control", "no-store")
                .entity(view).build();
    }

    @GET
    @SignedIn
    @Operation(operationId = "getSession", summary = "The current session",
            description = "With its CSRF token, so a reloaded console gets it back.",
            responses = {
                @ApiResponse(responseCode = "200", description = "The session",
                        content = @Content(schema = @Schema(implementation = SessionView.class))),
                @ApiResponse(responseCode = "401", description = "Not signed in"),
                @ApiResponse(responseCode = "404", description = "The call was made with an API token, not a "
                        + "session")})
    public SessionView current(@CookieParam(Authenticator.SESSION_COOKIE) String cookie) {
        LiveSession live = sessions.live(cookie).orElseThrow(() -> new NotFoundException("Session",
                "of this request"));
        Account account = accounts.get(live.caller().accountId());
        return new SessionView(live.csrfToken(), account, ordered(live.caller().pendingSteps()), live.expiresAt(),
                live.idleExpiresAt());
    }

    @DELETE
    @SignedIn
    @Operation(operationId = "signOut", summary = "Sign out",
            description = "Ends the session and clears its cookie.",
            responses = {
                @ApiResponse(responseCode = "204", description = "Signed out",
                        headers = @Header(name = "Set-Cookie", description = "The cleared session cookie")),
                @ApiResponse(responseCode = "401", description = "Not signed in")})
    public Response signOut(@CookieParam(Authenticator.SESSION_COOKIE) String cookie,
            @Context HttpServletRequest http) {
        sessions.close(cookie);
        return Response.noContent()
                .header(HttpHeaders.SET_COOKIE, SessionCookies.cleared(SessionCookies.secure(http)))
                .build();
    }

    private static void validate(SignInRequest request) {
        List<FieldError> errors = new ArrayList<>();
        if (request == null) {
            throw new ValidationException("", "a body with login and password is required");
        }
        if (request.login() == null || request.login().isBlank()) {
            errors.add(new FieldError("login", "is required"));
        } else if (request.login().length() > MAX_LOGIN) {
            errors.add(new FieldError("login", "must be at most " + MAX_LOGIN + " characters"));
        }
        if (request.password() == null || request.password().isEmpty()) {
            errors.add(new FieldError("password", "is required"));
        } else if (request.password().length() > MAX_PASSWORD) {
            errors.add(new FieldError("password", "must be at most " + MAX_PASSWORD + " characters"));
        }
        if (request.totp() != null && request.totp().length() > MAX_CODE) {
            errors.add(new FieldError("totp", "must be at most " + MAX_CODE + " characters"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }

    private static List<PendingStep> ordered(Set<PendingStep> steps) {
        return steps.stream().sorted().toList();
    }
}
