package com.aurouslabs.toolkit.mock.http;

import com.aurouslabs.toolkit.mock.Defect;
import com.aurouslabs.toolkit.mock.LatencySettings;
import com.aurouslabs.toolkit.mock.MockState;
import com.aurouslabs.toolkit.mock.journal.JournalEntry;
import com.aurouslabs.toolkit.mock.ratelimit.RateLimitDecision;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import java.time.Instant;
import java.util.Map;

/**
 * Writes an {@link Outcome}: the headers every answer carries (Aurous-Request-Id, Aurous-Version,
 * X-RateLimit-*, JSON content type, X-Mock-Rule, CORS), the simulated latency (a timer, never a blocked event
 * loop) and the journal entry.
 */
public final class ResponseWriter {

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

    /** Sends after the configured latency; journals unless {@code journal} is false (admin calls). */
    public void send(HttpServerRequest request, String requestId, Outcome outcome, boolean journal) {
        if (journal) {
            state.journal().record(new JournalEntry(Instant.now().toString(), request.method().name(),
                    request.path(), outcome.status(), outcome.ruleId(), outcome.maskedKey(), outcome.teamId(),
                    requestId, outcome.warnings()));
        }
        long delay = latency.nextDelayMillis();
        if (delay <= 0) {
            write(request, requestId, outcome);
        } else {
            vertx.setTimer(delay, id -> write(request, requestId, outcome));
        }
    }

    void write(HttpServerRequest request, String requestId, Outcome outcome) {
        HttpServerResponse response = request.response();
        if (response.ended() || response.closed()) {
            return;
        }
        response.setStatusCode(outcome.status());
        MultiMap headers = response.headers();
        headers.set("Content-Type", MockHeaders.JSON);
        if (state.defect() != Defect.MISSING_REQUEST_ID) {
            headers.set(MockHeaders.REQUEST_ID, requestId);
        }
        headers.set(MockHeaders.VERSION, outcome.version());
        RateLimitDecision rate = outcome.rateLimit();
        headers.set(MockHeaders.RATE_LIMIT, Long.toString(rate.limit()));
        headers.set(MockHeaders.RATE_REMAINING, Long.toString(rate.remaining()));
        headers.set(MockHeaders.RATE_RESET, Long.toString(rate.resetEpochSeconds()));
        headers.set(MockHeaders.MOCK_RULE, outcome.ruleId());
        for (Map.Entry<String, String> e : outcome.extraHeaders().entrySet()) {
            headers.set(e.getKey(), e.getValue());
        }
        cors.addTo(headers);
        if (outcome.body() == null) {
            response.end();
        } else {
            response.end(Buffer.buffer(JsonCodec.bytes(outcome.body())));
        }
    }
}
