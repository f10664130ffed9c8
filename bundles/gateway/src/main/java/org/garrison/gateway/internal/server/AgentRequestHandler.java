package org.garrison.gateway.internal.server;

import java.io.IOException;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import javax.servlet.AsyncContext;
import javax.servlet.AsyncEvent;
import javax.servlet.AsyncListener;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.handler.AbstractHandler;
import org.garrison.api.agent.EnrollRequest;
import org.garrison.api.agent.RenewRequest;
import org.garrison.api.agent.SyncResponse;
import org.garrison.api.agent.WakeResponse;
import org.garrison.api.error.FieldError;
import org.garrison.api.error.ValidationException;
import org.garrison.gateway.internal.AgentDirectory;
import org.garrison.gateway.internal.AgentIdentity;
import org.garrison.gateway.internal.Enrollment;
import org.garrison.gateway.internal.GatewayRefusal;
import org.garrison.gateway.internal.instructions.WakeChannel;
import org.garrison.gateway.internal.sync.SyncService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The agent protocol's HTTP side ({@code /agent/v1/*}): routing, client certificates, content types, body limits and
 * problem answers. Syncs and wake channels are answered asynchronously, so a request waiting for its group commit or
 * for a wake-up holds no thread.
 */
final class AgentRequestHandler extends AbstractHandler {

    static final String ENROLL = "/agent/v1/enroll";
    static final String RENEW = "/agent/v1/renew";
    static final String SYNC = "/agent/v1/sync";
    static final String WAKE = "/agent/v1/wake";

    /** Enrollment and renewal carry a CSR and a few facts: no reason to read more from an unauthenticated caller. */
    static final int SMALL_BODY_LIMIT = 64 * 1024;

    /** A sync not answered within this long is answered 503: something is stuck, the agent retries. */
    static final long SYNC_ANSWER_TIMEOUT_MILLIS = 120_000;

    private static final String CERTIFICATE_ATTRIBUTE = "javax.servlet.request.X509Certificate";
    private static final Logger LOG = LoggerFactory.getLogger(AgentRequestHandler.class);

    private final AgentDirectory directory;
    private final Enrollment enrollment;
    private final SyncService syncs;
    private final WakeChannel wake;
    private final AgentJson json = new AgentJson();
    private volatile GatewaySettings settings;

    AgentRequestHandler(AgentDirectory directory, Enrollment enrollment, SyncService syncs, WakeChannel wake,
            GatewaySettings settings) {
        this.directory = directory;
        this.enrollment = enrollment;
        this.syncs = syncs;
        this.wake = wake;
        this.settings = settings;
    }

    void update(GatewaySettings changed) {
        settings = changed;
    }

    @Override
    public void handle(String target, Request baseRequest, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        baseRequest.setHandled(true);
        try {
            route(target, request, response);
        } catch (RuntimeException e) {
            problem(response, refusal(request, e));
        }
    }

    private void route(String path, HttpServletRequest request, HttpServletResponse response) throws IOException {
        String method = request.getMethod();
        switch (path) {
            case ENROLL -> {
                allow(method, "POST");
                enroll(request, response);
            }
            case RENEW -> {
                allow(method, "POST");
                renew(request, response);
            }
            case SYNC -> {
                allow(method, "POST");
                sync(request, response);
            }
            case WAKE -> {
                allow(method, "GET");
                wake(request);
            }
            default -> throw new GatewayRefusal(404, "not-found", "There is no " + path + " on the agent gateway");
        }
    }

    private void enroll(HttpServletRequest request, HttpServletResponse response) throws IOException {
        requireJson(request);
        EnrollRequest enroll = json.read(body(request, SMALL_BODY_LIMIT), EnrollRequest.class);
        answer(response, 200, enrollment.enroll(enroll, request.getRemoteAddr()));
    }

    private void renew(HttpServletRequest request, HttpServletResponse response) throws IOException {
        AgentIdentity agent = authenticate(request, true);
        requireJson(request);
        RenewRequest renew = json.read(body(request, SMALL_BODY_LIMIT), RenewRequest.class);
        answer(response, 200, enrollment.renew(agent, renew));
    }

    private void sync(HttpServletRequest request, HttpServletResponse response) {
        AgentIdentity agent = authenticate(request, false);
        requireJson(request);
        CompletableFuture<SyncResponse> answer = syncs.sync(agent,
                () -> body(request, settings.maxBatchBytes()), request.getRemoteAddr());
        Async async = new Async(request.startAsync(), request);
        async.context.setTimeout(SYNC_ANSWER_TIMEOUT_MILLIS);
        async.onTimeout(() -> async.problem(new GatewayRefusal(503, "overloaded",
                "The sync was not stored in time; send it again", 30, List.of())));
        answer.whenComplete((stored, failure) -> {
            if (failure == null) {
                async.answer(200, stored);
            } else {
                async.problem(refusal(request, failure));
            }
        });
    }

    private void wake(HttpServletRequest request) {
        AgentIdentity agent = authenticate(request, false);
        int seconds = timeout(request.getParameter("timeout"));
        Async async = new Async(request.startAsync(), request);
        // the channel answers in time; this is only a safety net for a lost timer
        async.context.setTimeout((seconds + 30) * 1000L);
        AtomicReference<WakeChannel.Registration> registration = new AtomicReference<>();
        async.onTimeout(() -> async.answer(200, new WakeResponse(false, 0)));
        async.onClose(() -> {
            WakeChannel.Registration open = registration.get();
            if (open != null) {
                open.close();
            }
        });
        try {
            registration.set(wake.open(agent, seconds, response -> async.answer(200, response)));
        } catch (GatewayRefusal refusal) {
            async.problem(refusal);
        }
    }

    private int timeout(String parameter) {
        int configured = settings.wakeTimeoutSeconds();
        if (parameter == null || parameter.isEmpty()) {
            return configured;
        }
        try {
            int asked = Integer.parseInt(parameter);
            if (asked >= 1 && asked <= GatewaySettings.MAX_WAKE_TIMEOUT_SECONDS) {
                return Math.min(asked, configured);
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new GatewayRefusal(400, "invalid", "timeout must be a number of seconds from 1 to "
                + GatewaySettings.MAX_WAKE_TIMEOUT_SECONDS, 0,
                List.of(new FieldError("timeout", "must be 1 to "
                        + GatewaySettings.MAX_WAKE_TIMEOUT_SECONDS)));
    }

    private AgentIdentity authenticate(HttpServletRequest request, boolean allowPending) {
        Object chain = request.getAttribute(CERTIFICATE_ATTRIBUTE);
        if (!(chain instanceof X509Certificate[] certificates) || certificates.length == 0) {
            throw new GatewayRefusal(401, "certificate-required",
                    "This call needs the client certificate the agent received when it enrolled");
        }
        return directory.authenticate(certificates[0], allowPending);
    }

    private static void allow(String method, String allowed) {
        if (!allowed.equals(method)) {
            throw new MethodNotAllowed(allowed, method);
        }
    }

    private static void requireJson(HttpServletRequest request) {
        String type = request.getContentType();
        String mediaType = type == null ? "" : type.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        if (!mediaType.equals("application/json")) {
            throw new GatewayRefusal(415, "unsupported-media-type",
                    "The body must be application/json" + (type == null ? "" : ", not " + type));
        }
    }

    private static byte[] body(HttpServletRequest request, int limit) {
        // before the input stream is opened: opening it answers "100 Continue" to a client that asked to wait,
        // and the client would then send the whole oversize body only to be cut off
        RequestBody.refuseDeclaredOverLimit(request.getContentLengthLong(), limit);
        try {
            return RequestBody.read(request.getInputStream(), request.getContentLengthLong(),
                    request.getHeader("Content-Encoding"), limit);
        } catch (IOException e) {
            throw new GatewayRefusal(400, "malformed", "The request body could not be read");
        }
    }

    private GatewayRefusal refusal(HttpServletRequest request, Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause()
                : failure;
        if (cause instanceof GatewayRefusal refusal) {
            return refusal;
        }
        if (cause instanceof ValidationException invalid) {
            return new GatewayRefusal(400, "invalid", invalid.getMessage(), 0, invalid.errors());
        }
        return unexpected(request, cause);
    }

    /** Logs an unexpected failure once, with a reference the answer carries, and never its details to the client. */
    private static GatewayRefusal unexpected(HttpServletRequest request, Throwable e) {
        String reference = UUID.randomUUID().toString();
        LOG.error("Agent gateway request {} {} from {} failed (reference {})", request.getMethod(),
                request.getRequestURI(), request.getRemoteAddr(), reference, e);
        return new GatewayRefusal(500, "internal", "The server failed to handle the request (reference " + reference
                + ")");
    }

    private void answer(HttpServletResponse response, int status, Object body) throws IOException {
        byte[] bytes = json.writeBytes(body);
        response.setStatus(status);
        response.setContentType("application/json");
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }

    private void problem(HttpServletResponse response, GatewayRefusal refusal) throws IOException {
        if (response.isCommitted()) {
            return;
        }
        response.reset();
        if (refusal.retryAfterSeconds() > 0) {
            response.setHeader("Retry-After", Integer.toString(refusal.retryAfterSeconds()));
        }
        if (refusal instanceof MethodNotAllowed notAllowed) {
            response.setHeader("Allow", notAllowed.allowed);
        }
        byte[] bytes = json.writeBytes(AgentProblem.of(refusal.status(), refusal.code(), refusal.getMessage(),
                refusal.errors()));
        response.setStatus(refusal.status());
        response.setContentType(AgentProblem.MEDIA_TYPE);
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }

    /** An asynchronous answer: written once, by whichever of completion, timeout or error comes first. */
    private final class Async {

        final AsyncContext context;
        private final HttpServletRequest request;
        private final AtomicBoolean done = new AtomicBoolean();
        private final AtomicReference<Runnable> timeout = new AtomicReference<>();
        private final AtomicReference<Runnable> closed = new AtomicReference<>();

        Async(AsyncContext context, HttpServletRequest request) {
            this.context = context;
            this.request = request;
            context.addListener(new AsyncListener() {
                @Override
                public void onTimeout(AsyncEvent event) {
                    Runnable action = timeout.get();
                    if (action != null) {
                        action.run();
                    }
                }

                @Override
                public void onError(AsyncEvent event) {
                    close();
                }

                @Override
                public void onComplete(AsyncEvent event) {
                    close();
                }

                @Override
                public void onStartAsync(AsyncEvent event) {
                    // nothing to do: listeners stay for the one async cycle of a request
                }
            });
        }

        void onTimeout(Runnable action) {
            timeout.set(action);
        }

        void onClose(Runnable action) {
            closed.set(action);
        }

        void answer(int status, Object body) {
            if (done.compareAndSet(false, true)) {
                try {
                    AgentRequestHandler.this.answer((HttpServletResponse) context.getResponse(), status, body);
                } catch (IOException | RuntimeException e) {
                    LOG.debug("Could not answer {} to {}", request.getRequestURI(), request.getRemoteAddr(), e);
                } finally {
                    complete();
                }
            }
        }

        void problem(GatewayRefusal refusal) {
            if (done.compareAndSet(false, true)) {
                try {
                    AgentRequestHandler.this.problem((HttpServletResponse) context.getResponse(), refusal);
                } catch (IOException | RuntimeException e) {
                    LOG.debug("Could not answer {} to {}", request.getRequestURI(), request.getRemoteAddr(), e);
                } finally {
                    complete();
                }
            }
        }

        private void complete() {
            try {
                context.complete();
            } catch (IllegalStateException e) {
                LOG.debug("The request {} ended before its answer", request.getRequestURI(), e);
            }
        }

        private void close() {
            done.set(true);
            Runnable action = closed.getAndSet(null);
            if (action != null) {
                action.run();
            }
        }
    }

    /** A known path called with the wrong method. */
    private static final class MethodNotAllowed extends GatewayRefusal {

        private static final long serialVersionUID = 1L;

        private final String allowed;

        MethodNotAllowed(String allowed, String method) {
            super(405, "method-not-allowed", method + " is not allowed here; use " + allowed);
            this.allowed = allowed;
        }
    }
}
