package com.aurouslabs.toolkit.mock.http;

import com.aurouslabs.toolkit.mock.LatencySettings;
import com.aurouslabs.toolkit.mock.MockState;
import com.aurouslabs.toolkit.mock.reading.Reading;
import com.aurouslabs.toolkit.mock.journal.JournalEntry;
import com.aurouslabs.toolkit.mock.journal.RequestHeaders;
import com.aurouslabs.toolkit.mock.ratelimit.RateLimitDecision;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import java.util.Map;

/**
 * Writes an {@link Outcome}: the headers every answer carries (Aurous-Request-Id, Aurous-Version,
 * X-RateLimit-*, JSON content type, X-Mock-Rule, CORS except on admin routes), the reading's response
 * post-processors (a defect's; none otherwise), the simulated latency (a timer, never a blocked event loop) and the
 * journal entry.
 */
public final class ResponseWriter {

    // Header names and constant values encoded once (Netty AsciiString), not on every answer.
    private static final CharSequence H_CONTENT_TYPE = HttpHeaders.CONTENT_TYPE;
    private static final CharSequence V_JSON = HttpHeaders.createOptimized(MockHeaders.JSON);
    private static final CharSequence H_REQUEST_ID = HttpHeaders.createOptimized(MockHeaders.REQUEST_ID);
    private static final CharSequence H_VERSION = HttpHeaders.createOptimized(MockHeaders.VERSION);
    private static final CharSequence H_RATE_LIMIT = HttpHeaders.createOptimized(MockHeaders.RATE_LIMIT);
    private static final CharSequence H_RATE_REMAINING = HttpHeaders.createOptimized(MockHeaders.RATE_REMAINING);
    private static final CharSequence H_RATE_RESET = HttpHeaders.createOptimized(MockHeaders.RATE_RESET);
    private static final CharSequence H_MOCK_RULE = HttpHeaders.createOptimized(MockHeaders.MOCK_RULE);

    private final Vertx vertx;
    private final MockState state;
    private final CorsPolicy cors;
    private final LatencySettings latency;

    public ResponseWriter(Vertx vertx, MockState state, CorsPolicy cors, LatencySettings latency) {
        this.vertx = vertx;
        this.state = state;
        this.cors = cors;
        this.latency = latency;
    }

    /** How long a connection is kept after an early answer, so a client still uploading can read it. */
    static final long CLOSE_LINGER_MILLIS = 1000;

    /** Sends after the configured latency; journals unless {@code journal} is false (admin calls). */
    public void send(HttpServerRequest request, String requestId, Outcome outcome, boolean journal,
                     Reading reading) {
        send(request, requestId, outcome, journal, null, false, reading);
    }

    /** Sends after the configured latency and journals the request with {@code body} (null: not read). */
    public void sendJournaled(HttpServerRequest request, String requestId, Outcome outcome, byte[] body,
                              Reading reading) {
        send(request, requestId, outcome, true, body, false, reading);
    }

    /**
     * Sends with {@code Connection: close}, then closes the connection: when the request body ends, or at the
     * latest {@value #CLOSE_LINGER_MILLIS} ms after the answer is written (the body may never end).
     */
    public void sendAndClose(HttpServerRequest request, String requestId, Outcome outcome, boolean journal,
                             Reading reading) {
        send(request, requestId, outcome, journal, null, true, reading);
    }

    private void send(HttpServerRequest request, String requestId, Outcome outcome, boolean journal, byte[] body,
                      boolean close, Reading reading) {
        if (journal) {
            state.journal().record(new JournalEntry(System.currentTimeMillis(), request.method().name(),
                    request.path(), outcome.status(), outcome.ruleId(), outcome.maskedKey(), outcome.teamId(),
                    requestId, outcome.warnings(), RequestHeaders.pairs(request.headers()), JournalEntry.keep(body),
                    body == null ? -1 : body.length, null));
        }
        long delay = latency.nextDelayMillis();
        if (delay <= 0) {
            write(request, requestId, outcome, close, reading);
        } else {
            vertx.setTimer(delay, id -> write(request, requestId, outcome, close, reading));
        }
    }

    void write(HttpServerRequest request, String requestId, Outcome outcome, Reading reading) {
        write(request, requestId, outcome, false, reading);
    }

    private void write(HttpServerRequest request, String requestId, Outcome outcome, boolean close,
                       Reading reading) {
        HttpServerResponse response = request.response();
        if (response.ended() || response.closed()) {
            return;
        }
        response.setStatusCode(outcome.status());
        fillHeaders(response.headers(), requestId, outcome, !AdminEndpoints.isAdmin(request.path()));
        if (close) {
            response.headers().set(HttpHeaders.CONNECTION, HttpHeaders.CLOSE);
        }
        Object body = outcome.body();
        byte[] raw = body == null ? new byte[0] : body instanceof byte[] b ? b : JsonCodec.bytes(body);
        for (ResponseAdjuster adjuster : reading.responses()) {
            raw = adjuster.adjust(response.headers(), raw);
        }
        var written = response.end(Buffer.buffer(raw));
        if (close) {
            HttpConnection connection = request.connection();
            written.onComplete(done -> {
                if (request.isEnded()) {
                    connection.close();
                    return;
                }
                long timer = vertx.setTimer(CLOSE_LINGER_MILLIS, id -> connection.close());
                request.endHandler(v -> {
                    vertx.cancelTimer(timer);
                    connection.close();
                });
            });
        }
    }

    /**
     * The headers of every answer: content type, request id, version, rate limit, rule, extras (escaped and
     * capped, they may carry request data), and CORS unless {@code cors} is false (admin routes).
     */
    void fillHeaders(MultiMap headers, String requestId, Outcome outcome, boolean cors) {
        headers.set(H_CONTENT_TYPE, V_JSON);
        headers.set(H_REQUEST_ID, requestId);
        headers.set(H_VERSION, outcome.version());
        RateLimitDecision rate = outcome.rateLimit();
        headers.set(H_RATE_LIMIT, Long.toString(rate.limit()));
        headers.set(H_RATE_REMAINING, Long.toString(rate.remaining()));
        headers.set(H_RATE_RESET, Long.toString(rate.resetEpochSeconds()));
        headers.set(H_MOCK_RULE, outcome.ruleId());
        for (Map.Entry<String, String> e : outcome.extraHeaders().entrySet()) {
            headers.set(e.getKey(), HeaderValues.safe(e.getValue()));
        }
        if (cors) {
            this.cors.addTo(headers);
        }
    }
}
