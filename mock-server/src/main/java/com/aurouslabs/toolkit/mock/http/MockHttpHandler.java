package com.aurouslabs.toolkit.mock.http;

import com.aurouslabs.toolkit.mock.MockState;
import com.aurouslabs.toolkit.mock.error.ApiError;
import com.aurouslabs.toolkit.mock.error.ErrorEnvelopeFactory;
import com.aurouslabs.toolkit.mock.rules.AuthRules;
import com.aurouslabs.toolkit.mock.validation.SpecDocument;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP entry point: CORS preflight, routing (ROUTE-NOT-FOUND, ROUTE-METHOD-NOT-ALLOWED), the admin routes
 * (no CORS), the estimate pipeline, the early 413 of BODY-TOO-LARGE (then the connection is closed), the timeout
 * hold of X-Mock-Force, and a catch-all that answers a 500 envelope instead of a stack trace.
 */
public final class MockHttpHandler implements Handler<HttpServerRequest> {

    private static final Logger LOG = LoggerFactory.getLogger(MockHttpHandler.class);

    private final Vertx vertx;
    private final EstimatePipeline pipeline;
    private final AdminEndpoints admin;
    private final ResponseWriter writer;
    private final CorsPolicy cors;
    private final MockState state;
    private final AuthRules auth;
    private final String defaultVersion;
    private final Duration forcedTimeout;

    public MockHttpHandler(Vertx vertx, EstimatePipeline pipeline, AdminEndpoints admin, ResponseWriter writer,
                           CorsPolicy cors, MockState state, AuthRules auth, String defaultVersion,
                           Duration forcedTimeout) {
        this.vertx = vertx;
        this.pipeline = pipeline;
        this.admin = admin;
        this.writer = writer;
        this.cors = cors;
        this.state = state;
        this.auth = auth;
        this.defaultVersion = defaultVersion;
        this.forcedTimeout = forcedTimeout;
    }

    @Override
    public void handle(HttpServerRequest request) {
        String requestId = RequestIds.next();
        try {
            route(request, requestId);
        } catch (RuntimeException | Error e) {
            internalError(request, requestId, e);
        }
    }

    private void route(HttpServerRequest request, String requestId) {
        HttpMethod method = request.method();
        String path = request.path();
        if (AdminEndpoints.isAdmin(path)) {
            // No CORS on admin routes: a preflight (OPTIONS) is answered 405 like any other unsupported method.
            BodyCollector.collect(request, (body, tooLarge) -> guarded(request, requestId, () -> {
                var rate = state.rateLimiter().peek(null);
                if (tooLarge) {
                    writer.sendAndClose(request, requestId, admin.tooLarge(requestId, rate), false);
                } else if (request.getHeader("Origin") != null) {
                    writer.send(request, requestId, admin.refuseBrowser(requestId, rate), false);
                } else {
                    writer.send(request, requestId, admin.handle(method, path, body, requestId, rate), false);
                }
            }));
            return;
        }
        if (method == HttpMethod.OPTIONS) {
            preflight(request, requestId);
            return;
        }
        if (SpecDocument.ESTIMATE_PATH.equals(path)) {
            if (method != HttpMethod.POST) {
                ApiError error = new ApiError(405, ApiError.INVALID_REQUEST, "method_not_allowed",
                        method.name() + " is not allowed on " + path + "; use POST.", null,
                        RouteRules.METHOD_NOT_ALLOWED);
                writer.send(request, requestId, plain(error, requestId, request).withHeader("Allow", "POST, OPTIONS"),
                        true);
                return;
            }
            BodyCollector.collect(request, (body, tooLarge) -> guarded(request, requestId,
                    () -> estimate(request, requestId, body, tooLarge)));
            return;
        }
        ApiError notFound = ApiError.notFound(RouteRules.NOT_FOUND, null, "No such route: " + method.name() + " "
                + path + ".");
        writer.send(request, requestId, plain(notFound, requestId, request), true);
    }

    private void estimate(HttpServerRequest request, String requestId, byte[] body, boolean tooLarge) {
        EstimateCall call = new EstimateCall(requestId, request.getHeader(MockHeaders.API_KEY),
                request.getHeader(MockHeaders.AUTHORIZATION), request.getHeader(MockHeaders.VERSION),
                request.getHeader("Content-Type"), request.getHeader(MockHeaders.MOCK_FORCE), body, tooLarge);
        Outcome outcome = pipeline.evaluate(call);
        if (tooLarge) {
            // Answered before the body ended (it may never end): close once the 413 is out.
            writer.sendAndClose(request, requestId, outcome, true);
            return;
        }
        if (outcome.holdThenTimeout()) {
            long timer = vertx.setTimer(Math.max(1, forcedTimeout.toMillis()),
                    id -> writer.send(request, requestId, outcome, true));
            request.response().closeHandler(v -> vertx.cancelTimer(timer));
            return;
        }
        writer.send(request, requestId, outcome, true);
    }

    private void preflight(HttpServerRequest request, String requestId) {
        var response = request.response();
        response.setStatusCode(204);
        cors.addPreflightTo(response.headers(), request.getHeader("Access-Control-Request-Headers"));
        response.headers().set(MockHeaders.REQUEST_ID, requestId);
        response.headers().set(MockHeaders.VERSION, defaultVersion);
        response.headers().set("Content-Type", MockHeaders.JSON);
        var rate = state.rateLimiter().peek(null);
        response.headers().set(MockHeaders.RATE_LIMIT, Long.toString(rate.limit()));
        response.headers().set(MockHeaders.RATE_REMAINING, Long.toString(rate.remaining()));
        response.headers().set(MockHeaders.RATE_RESET, Long.toString(rate.resetEpochSeconds()));
        response.end();
    }

    private Outcome plain(ApiError error, String requestId, HttpServerRequest request) {
        var team = auth.teamOf(request.getHeader(MockHeaders.API_KEY), request.getHeader(MockHeaders.AUTHORIZATION));
        String version = team != null && team.pinnedVersion() != null ? team.pinnedVersion() : defaultVersion;
        return new Outcome(error.status(), ErrorEnvelopeFactory.envelope(error, requestId), error.ruleId(), version,
                state.rateLimiter().peek(team == null ? null : team.id()), team == null ? null : team.id(), null,
                Map.of(), List.of(), false);
    }

    private void guarded(HttpServerRequest request, String requestId, Runnable action) {
        try {
            action.run();
        } catch (RuntimeException | Error e) {
            internalError(request, requestId, e);
        }
    }

    private void internalError(HttpServerRequest request, String requestId, Throwable e) {
        LOG.error("internal error on {} {} ({})", request.method(), request.path(), requestId, e);
        try {
            ApiError error = ApiError.serverError(500, "NO-SERVER-ERROR", "internal_error",
                    "Something went wrong on our side.");
            writer.write(request, requestId, new Outcome(500, ErrorEnvelopeFactory.envelope(error, requestId),
                    error.ruleId(), defaultVersion, state.rateLimiter().peek(null), null, null, Map.of(),
                    List.of(), false));
        } catch (RuntimeException ignored) {
            request.connection().close();
        }
    }

    /** Installs the guard that answers an unsupported HTTP version with the envelope (a connection handler). */
    public void guardVersions(io.vertx.core.http.HttpConnection connection) {
        UnsupportedVersionGuard.install(connection, this::unsupportedVersionAnswer);
    }

    /** The raw HTTP/1.1 answer to a request line with an unsupported version: the 400 envelope, then close. */
    byte[] unsupportedVersionAnswer(String version) {
        String requestId = RequestIds.next();
        String shown = version.length() > 40 ? version.substring(0, 40) : version;
        ApiError error = ApiError.invalidFormat("BODY-JSON", null,
                "The request is not valid HTTP: version " + shown + " is not supported; use HTTP/1.1.");
        Outcome outcome = new Outcome(400, ErrorEnvelopeFactory.envelope(error, requestId), error.ruleId(),
                defaultVersion, state.rateLimiter().peek(null), null, null, Map.of(), List.of(), false);
        byte[] body = JsonCodec.bytes(outcome.body());
        io.vertx.core.MultiMap headers = io.vertx.core.MultiMap.caseInsensitiveMultiMap();
        writer.fillHeaders(headers, requestId, outcome, true);
        StringBuilder head = new StringBuilder(512).append("HTTP/1.1 400 Bad Request\r\n");
        for (Map.Entry<String, String> h : headers) {
            head.append(h.getKey()).append(": ").append(h.getValue()).append("\r\n");
        }
        head.append("Content-Length: ").append(body.length).append("\r\nConnection: close\r\n\r\n");
        byte[] headBytes = head.toString().getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        byte[] all = java.util.Arrays.copyOf(headBytes, headBytes.length + body.length);
        System.arraycopy(body, 0, all, headBytes.length, body.length);
        return all;
    }

    /** Answers requests Vert.x cannot parse as HTTP (bad request line, oversized headers) with the envelope. */
    public void invalidRequest(HttpServerRequest request) {
        String requestId = RequestIds.next();
        ApiError error = ApiError.invalidFormat("BODY-JSON", null, "The request is not valid HTTP.");
        try {
            request.response().headers().set("Connection", "close");
            writer.write(request, requestId, new Outcome(400, ErrorEnvelopeFactory.envelope(error, requestId),
                    error.ruleId(), defaultVersion, state.rateLimiter().peek(null), null, null, Map.of(),
                    List.of(), false));
        } catch (RuntimeException e) {
            request.connection().close();
        }
    }
}
