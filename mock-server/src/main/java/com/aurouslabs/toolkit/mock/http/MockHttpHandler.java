package com.aurouslabs.toolkit.mock.http;

import com.aurouslabs.toolkit.mock.MockState;
import com.aurouslabs.toolkit.mock.error.ApiError;
import com.aurouslabs.toolkit.mock.fixtures.TeamFixture;
import com.aurouslabs.toolkit.mock.reading.Reading;
import com.aurouslabs.toolkit.mock.rules.BodyRules;
import com.aurouslabs.toolkit.mock.rules.Violation;
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
 * hold of X-Mock-Force, and a catch-all that answers a 500 envelope instead of a stack trace. Each request is
 * served by the reading in effect when it arrives.
 */
public final class MockHttpHandler implements Handler<HttpServerRequest> {

    private static final Logger LOG = LoggerFactory.getLogger(MockHttpHandler.class);

    private final Vertx vertx;
    private final EstimatePipeline pipeline;
    private final AdminEndpoints admin;
    private final ResponseWriter writer;
    private final CorsPolicy cors;
    private final MockState state;
    private final String defaultVersion;
    private final Duration forcedTimeout;

    public MockHttpHandler(Vertx vertx, EstimatePipeline pipeline, AdminEndpoints admin, ResponseWriter writer,
                           CorsPolicy cors, MockState state, String defaultVersion, Duration forcedTimeout) {
        this.vertx = vertx;
        this.pipeline = pipeline;
        this.admin = admin;
        this.writer = writer;
        this.cors = cors;
        this.state = state;
        this.defaultVersion = defaultVersion;
        this.forcedTimeout = forcedTimeout;
    }

    @Override
    public void handle(HttpServerRequest request) {
        Reading reading = state.reading();
        String requestId = reading.requestIds().get();
        try {
            route(request, requestId, reading);
        } catch (RuntimeException | Error e) {
            internalError(request, requestId, reading, e);
        }
    }

    private void route(HttpServerRequest request, String requestId, Reading reading) {
        HttpMethod method = request.method();
        String path = request.path();
        if (AdminEndpoints.isAdmin(path)) {
            // No CORS on admin routes: a preflight (OPTIONS) is answered 405 like any other unsupported method.
            BodyCollector.collect(request, (body, tooLarge) -> guarded(request, requestId, reading, () -> {
                var rate = state.rateLimiter().peek(null);
                if (tooLarge) {
                    writer.sendAndClose(request, requestId, admin.tooLarge(reading, requestId, rate), false, reading);
                } else if (request.getHeader("Origin") != null) {
                    writer.send(request, requestId, admin.refuseBrowser(reading, requestId, rate), false, reading);
                } else {
                    writer.send(request, requestId, admin.handle(reading, method, path, body, requestId, rate), false,
                            reading);
                }
            }));
            return;
        }
        if (method == HttpMethod.OPTIONS) {
            preflight(request, requestId, reading);
            return;
        }
        if (SpecDocument.ESTIMATE_PATH.equals(path)) {
            if (method != HttpMethod.POST) {
                Violation notAllowed = Violation.of(RouteRules.METHOD_NOT_ALLOWED).with("method", method.name())
                        .with("path", path);
                writer.send(request, requestId, plain(reading.outcomes().resolve(notAllowed), requestId, request,
                        reading).withHeader("Allow", "POST, OPTIONS"), true, reading);
                return;
            }
            BodyCollector.collect(request, (body, tooLarge) -> guarded(request, requestId, reading,
                    () -> estimate(request, requestId, reading, body, tooLarge)));
            return;
        }
        Violation notFound = Violation.of(RouteRules.NOT_FOUND).with("method", method.name()).with("path", path);
        writer.send(request, requestId, plain(reading.outcomes().resolve(notFound), requestId, request, reading), true,
                reading);
    }

    private void estimate(HttpServerRequest request, String requestId, Reading reading, byte[] body,
                          boolean tooLarge) {
        EstimateCall call = new EstimateCall(requestId, request.getHeader(MockHeaders.API_KEY),
                request.getHeader(MockHeaders.AUTHORIZATION), request.getHeader(MockHeaders.VERSION),
                request.getHeader("Content-Type"), request.getHeader(MockHeaders.IDEMPOTENCY_KEY),
                request.getHeader(MockHeaders.MOCK_FORCE), body, tooLarge);
        Outcome outcome = pipeline.evaluate(call, reading);
        if (tooLarge) {
            // Answered before the body ended (it may never end): close once the 413 is out.
            writer.sendAndClose(request, requestId, outcome, true, reading);
            return;
        }
        if (outcome.holdThenTimeout()) {
            long timer = vertx.setTimer(Math.max(1, forcedTimeout.toMillis()),
                    id -> writer.sendJournaled(request, requestId, outcome, body, reading));
            request.response().closeHandler(v -> vertx.cancelTimer(timer));
            return;
        }
        writer.sendJournaled(request, requestId, outcome, body, reading);
    }

    private void preflight(HttpServerRequest request, String requestId, Reading reading) {
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
        for (ResponseAdjuster adjuster : reading.responses()) {
            adjuster.adjust(response.headers(), new byte[0]);
        }
        response.end();
    }

    private Outcome plain(ApiError error, String requestId, HttpServerRequest request, Reading reading) {
        TeamFixture team = reading.auth().teamOf(request.getHeader(MockHeaders.API_KEY),
                request.getHeader(MockHeaders.AUTHORIZATION));
        String version = reading.versions().defaultFor(team);
        return new Outcome(error.status(), reading.envelopes().envelope(error, requestId), error.ruleId(), version,
                state.rateLimiter().peek(team == null ? null : team.id()), team == null ? null : team.id(), null,
                Map.of(), List.of(), false);
    }

    private void guarded(HttpServerRequest request, String requestId, Reading reading, Runnable action) {
        try {
            action.run();
        } catch (RuntimeException | Error e) {
            internalError(request, requestId, reading, e);
        }
    }

    private void internalError(HttpServerRequest request, String requestId, Reading reading, Throwable e) {
        LOG.error("internal error on {} {} ({})", request.method(), request.path(), requestId, e);
        try {
            ApiError error = ApiError.mockOnly(500, ApiError.SERVER_ERROR, "internal_error",
                    "Something went wrong on our side.", null, "NO-SERVER-ERROR");
            writer.write(request, requestId, new Outcome(500, reading.envelopes().envelope(error, requestId),
                    error.ruleId(), defaultVersion, state.rateLimiter().peek(null), null, null, Map.of(),
                    List.of(), false), reading);
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
        Reading reading = state.reading();
        String requestId = reading.requestIds().get();
        String shown = version.length() > 40 ? version.substring(0, 40) : version;
        ApiError error = reading.outcomes().resolve(BodyRules.notHttp("HTTP version " + shown
                + " is not supported; use HTTP/1.1"));
        Outcome outcome = new Outcome(error.status(), reading.envelopes().envelope(error, requestId), error.ruleId(),
                defaultVersion, state.rateLimiter().peek(null), null, null, Map.of(), List.of(), false);
        byte[] body = JsonCodec.bytes(outcome.body());
        io.vertx.core.MultiMap headers = io.vertx.core.MultiMap.caseInsensitiveMultiMap();
        writer.fillHeaders(headers, requestId, outcome, true);
        for (ResponseAdjuster adjuster : reading.responses()) {
            body = adjuster.adjust(headers, body);
        }
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
        Reading reading = state.reading();
        String requestId = reading.requestIds().get();
        ApiError error = reading.outcomes().resolve(BodyRules.notHttp("the request is not valid HTTP"));
        try {
            request.response().headers().set("Connection", "close");
            writer.write(request, requestId, new Outcome(error.status(),
                    reading.envelopes().envelope(error, requestId), error.ruleId(), defaultVersion,
                    state.rateLimiter().peek(null), null, null, Map.of(), List.of(), false), reading);
        } catch (RuntimeException e) {
            request.connection().close();
        }
    }
}
