package com.aurouslabs.toolkit.mock.proxy;

import com.aurouslabs.toolkit.mock.MockOptions;
import com.aurouslabs.toolkit.mock.Profile;
import com.aurouslabs.toolkit.mock.defect.Defects;
import com.aurouslabs.toolkit.mock.error.ApiError;
import com.aurouslabs.toolkit.mock.fixtures.FixtureIndex;
import com.aurouslabs.toolkit.mock.http.AdminEndpoints;
import com.aurouslabs.toolkit.mock.http.CorsPolicy;
import com.aurouslabs.toolkit.mock.http.HeaderValues;
import com.aurouslabs.toolkit.mock.http.JsonCodec;
import com.aurouslabs.toolkit.mock.http.MockHeaders;
import com.aurouslabs.toolkit.mock.http.RequestIds;
import com.aurouslabs.toolkit.mock.journal.JournalEntry;
import com.aurouslabs.toolkit.mock.journal.RequestJournal;
import com.aurouslabs.toolkit.mock.ratelimit.TeamRateLimiter;
import com.aurouslabs.toolkit.mock.reading.Reading;
import com.aurouslabs.toolkit.mock.reading.Readings;
import com.aurouslabs.toolkit.mock.rules.ReferenceHostPolicy;
import com.aurouslabs.toolkit.mock.validation.SpecDocument;
import com.aurouslabs.toolkit.openapi.RuleCatalog;
import io.vertx.core.Handler;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The validating proxy ({@code --proxy-to URL}): every request but the admin routes is forwarded to the upstream
 * (method, path, query, headers but hop-by-hop ones, body) with Vert.x's HTTP client, and its answer is returned
 * unchanged (status, headers, body) once both directions are judged against the spec and the rule catalog:
 * {@link RequestJudge} (what the documented rules say about the request, from the request alone),
 * {@link AnswerJudge} (does the upstream's verdict agree) and {@link ResponseContract} (envelope, headers, schema,
 * pricing). Disagreements are added as {@value #VIOLATIONS_HEADER} (rule IDs) and {@value #NOTES_HEADER}, and every
 * exchange is journaled with its findings (the key masked). No answer in time: 504 provider_timeout; no connection
 * or a broken answer: 502 provider_unavailable, both in the documented envelope.
 */
public final class ValidatingProxy implements Handler<HttpServerRequest> {

    public static final String VIOLATIONS_HEADER = "X-Mock-Proxy-Violations";
    public static final String NOTES_HEADER = "X-Mock-Proxy-Notes";
    /** X-Mock-Rule and journal rule of the proxy's own answers (502, 504, 413). */
    public static final String RULE = "PROXY";
    /** Largest request body forwarded (the upstream decides on anything up to it, BODY-TOO-LARGE included). */
    static final int MAX_FORWARDED_BODY = 8 * 1024 * 1024;
    /** Largest upstream answer read (an estimate answer is a few hundred bytes). */
    static final int MAX_ANSWER_BODY = 8 * 1024 * 1024;
    private static final int MAX_CONNECT_MILLIS = 10_000;
    private static final Logger LOG = LoggerFactory.getLogger(ValidatingProxy.class);

    private final Vertx vertx;
    private final HttpClient client;
    private final ProxySettings settings;
    private final Handler<HttpServerRequest> admin;
    private final RequestJudge requests;
    private final AnswerJudge verdicts;
    private final ResponseContract contract;
    private final RequestJournal journal;
    private final Reading reading;
    private final CorsPolicy cors;

    private ValidatingProxy(Vertx vertx, HttpClient client, ProxySettings settings, Handler<HttpServerRequest> admin,
                            RequestJudge requests, AnswerJudge verdicts, ResponseContract contract,
                            RequestJournal journal, Reading reading, CorsPolicy cors) {
        this.vertx = vertx;
        this.client = client;
        this.settings = settings;
        this.admin = admin;
        this.requests = requests;
        this.verdicts = verdicts;
        this.contract = contract;
        this.journal = journal;
        this.reading = reading;
        this.cors = cors;
    }

    /**
     * The proxy of {@code options.proxy()}. It judges with the clean default and alternative readings of the catalog
     * (built here from the same spec, whatever {@code --profile} says), and hands the admin routes to {@code admin}.
     */
    public static ValidatingProxy create(Vertx vertx, MockOptions options, RuleCatalog catalog, SpecDocument spec,
                                         FixtureIndex fixtures, TeamRateLimiter limiter, ReferenceHostPolicy hostPolicy,
                                         RequestJournal journal, Handler<HttpServerRequest> admin) {
        ProxySettings settings = options.proxy();
        List<Reading> clean = List.of(
                new Readings(catalog, spec, fixtures, limiter, hostPolicy, Profile.DEFAULT).build(Defects.NONE),
                new Readings(catalog, spec, fixtures, limiter, hostPolicy, Profile.ALTERNATIVE).build(Defects.NONE));
        int connect = (int) Math.min(MAX_CONNECT_MILLIS, settings.timeout().toMillis());
        HttpClient client = vertx.createHttpClient(new HttpClientOptions()
                        .setConnectTimeout(connect)
                        .setKeepAlive(true)
                        .setKeepAliveTimeout(20)
                        .setDecompressionSupported(false)
                        .setVerifyHost(true),
                new PoolOptions().setHttp1MaxSize(64));
        return new ValidatingProxy(vertx, client, settings, admin, new RequestJudge(clean, catalog),
                new AnswerJudge(catalog), new ResponseContract(spec, catalog, options.clock()), journal, clean.get(0),
                new CorsPolicy(options.corsOrigin()));
    }

    public ProxySettings settings() {
        return settings;
    }

    @Override
    public void handle(HttpServerRequest request) {
        if (AdminEndpoints.isAdmin(request.path())) {
            admin.handle(request);
            return;
        }
        Buffer[] body = {Buffer.buffer()};
        request.exceptionHandler(t -> { /* the client went away; nothing to answer */ });
        if ("100-continue".equalsIgnoreCase(String.valueOf(request.getHeader("Expect")).strip())) {
            request.response().writeContinue(); // the proxy reads every body (Expect is not forwarded)
        }
        request.handler(chunk -> {
            if (body[0] != null && body[0].length() + chunk.length() <= MAX_FORWARDED_BODY) {
                body[0].appendBuffer(chunk);
            } else {
                body[0] = null;
            }
        });
        request.endHandler(v -> {
            try {
                if (body[0] == null) {
                    own(request, null, 413, ApiError.INVALID_REQUEST, "request_too_large", "The proxy forwards bodies "
                            + "of up to " + MAX_FORWARDED_BODY + " bytes; this one was not sent upstream.",
                            "not forwarded: the body is larger than " + MAX_FORWARDED_BODY + " bytes", -1);
                } else {
                    new Exchange(request, body[0].getBytes()).start();
                }
            } catch (RuntimeException | Error e) {
                LOG.error("proxy failure on {} {}: {}", request.method(), request.path(), where(e));
                own(request, null, 500, ApiError.SERVER_ERROR, "internal_error",
                        "Something went wrong in the proxy; the request was not forwarded.",
                        "not forwarded: the proxy failed (" + e.getClass().getSimpleName() + ")", -1);
            }
        });
    }

    /** One request on its way up and its answer on the way back; runs on the request's event loop only. */
    private final class Exchange {

        private final HttpServerRequest request;
        private final ProxiedRequest proxied;
        private final long started = System.nanoTime();
        private RequestVerdict verdict;
        private HttpClientRequest upstream;
        private long timer = -1;
        private boolean done;

        Exchange(HttpServerRequest request, byte[] body) {
            this.request = request;
            this.proxied = new ProxiedRequest(request.method().name(), request.path(), request.headers(), body);
        }

        void start() {
            verdict = requests.judge(proxied);
            String path = request.path();
            if (path == null || !path.startsWith("/")) {
                finish();
                own(request, verdict, 400, ApiError.INVALID_REQUEST, "invalid_format",
                        "The proxy forwards origin-form requests (a path starting with /) only.",
                        "not forwarded: the request target is not a path", -1);
                return;
            }
            String query = request.query();
            RequestOptions options = new RequestOptions()
                    .setMethod(request.method())
                    .setAbsoluteURI(settings.target(path + (query == null ? "" : "?" + query)))
                    .setHeaders(HopByHop.request(request.headers()));
            timer = vertx.setTimer(Math.max(1, settings.timeout().toMillis()), id -> timedOut());
            request.response().closeHandler(v -> clientGone());
            client.request(options).onComplete(created -> {
                if (created.failed()) {
                    failed(created.cause());
                    return;
                }
                upstream = created.result();
                if (done) {
                    upstream.reset();
                    return;
                }
                upstream.send(Buffer.buffer(proxied.body())).onComplete(sent -> {
                    if (sent.failed()) {
                        failed(sent.cause());
                    } else {
                        read(sent.result());
                    }
                });
            });
        }

        private void read(HttpClientResponse response) {
            if (done) {
                return;
            }
            String length = response.getHeader("Content-Length");
            if (length != null && length.strip().matches("\\d{1,18}")
                    && Long.parseLong(length.strip()) > MAX_ANSWER_BODY) {
                failed(new AnswerTooLarge());
                return;
            }
            Buffer answer = Buffer.buffer();
            response.exceptionHandler(this::failed);
            response.handler(chunk -> {
                if (done) {
                    return;
                }
                if (answer.length() + chunk.length() > MAX_ANSWER_BODY) {
                    failed(new AnswerTooLarge());
                } else {
                    answer.appendBuffer(chunk);
                }
            });
            response.endHandler(v -> answered(new UpstreamAnswer(response.statusCode(), response.statusMessage(),
                    response.headers(), answer.getBytes(), millis())));
        }

        private void answered(UpstreamAnswer upstreamAnswer) {
            if (done) {
                return;
            }
            finish();
            Answer answer = Answer.of(upstreamAnswer);
            Findings findings = new Findings(verdict.secrets());
            String rule = AnswerJudge.UNEXPLAINED;
            if (verdict.judged()) {
                try {
                    rule = verdicts.judge(verdict, answer, findings);
                    contract.check(verdict, answer, findings);
                } catch (RuntimeException | Error e) {
                    // The answer still goes back unchanged; the journal says it was not judged.
                    LOG.error("proxy could not judge {} {}: {}", proxied.method(), proxied.path(), where(e));
                    findings.notJudged("the proxy failed to judge this exchange (" + e.getClass().getSimpleName() + ")");
                }
            } else {
                findings.notJudged(verdict.reason());
            }
            HttpServerResponse response = request.response();
            JournalEntry entry = new JournalEntry(System.currentTimeMillis(), proxied.method(), proxied.path(),
                    upstreamAnswer.status(), rule, verdict.maskedKey(), null,
                    upstreamAnswer.headers().get(MockHeaders.REQUEST_ID), List.of())
                    .withProxy(findings.toJournal(settings.upstream().toString(), upstreamAnswer.millis()));
            if (response.ended() || response.closed()) {
                journal.record(entry);
                return;
            }
            try {
                pass(response, upstreamAnswer, findings, entry);
            } catch (RuntimeException e) {
                // A status or header the HTTP layer refuses to write (control characters, say): nothing was sent yet.
                LOG.warn("the answer of {} to {} {} cannot be passed on: {}", settings.upstream(), proxied.method(),
                        proxied.path(), where(e));
                response.headers().clear();
                own(request, verdict, 502, ApiError.SERVER_ERROR, "provider_unavailable",
                        "The upstream API's answer cannot be passed on (a status line or header HTTP refuses).",
                        "the upstream's answer cannot be passed on", upstreamAnswer.millis());
            }
        }

        /** Writes the upstream's answer with the findings' headers; journals it just before it ends. */
        private void pass(HttpServerResponse response, UpstreamAnswer upstreamAnswer, Findings findings,
                          JournalEntry entry) {
            response.setStatusCode(upstreamAnswer.status());
            if (upstreamAnswer.statusMessage() != null && !upstreamAnswer.statusMessage().isEmpty()) {
                response.setStatusMessage(HeaderValues.safe(upstreamAnswer.statusMessage(), 256));
            }
            for (Map.Entry<String, String> h : HopByHop.response(upstreamAnswer.headers())) {
                response.headers().add(h.getKey(), h.getValue());
            }
            if (!findings.violatedRules().isEmpty()) {
                response.headers().set(VIOLATIONS_HEADER, HeaderValues.safe(String.join(",", findings.violatedRules())));
            }
            if (!findings.notedRules().isEmpty()) {
                response.headers().set(NOTES_HEADER, HeaderValues.safe(String.join(",", findings.notedRules())));
            }
            journal.record(entry);
            response.end(Buffer.buffer(upstreamAnswer.body()));
        }

        private void failed(Throwable cause) {
            if (done) {
                return;
            }
            finish();
            if (upstream != null) {
                upstream.reset();
            }
            String why = reason(cause);
            LOG.warn("upstream {} failed for {} {}: {}", settings.upstream(), proxied.method(), proxied.path(), why);
            own(request, verdict, 502, ApiError.SERVER_ERROR, "provider_unavailable",
                    "The upstream API could not be reached or gave no complete answer: " + why + ".",
                    "no upstream answer: " + why, millis());
        }

        private void timedOut() {
            if (done) {
                return;
            }
            done = true;
            if (upstream != null) {
                upstream.reset();
            }
            long ms = settings.timeout().toMillis();
            LOG.warn("upstream {} gave no answer to {} {} within {} ms", settings.upstream(), proxied.method(),
                    proxied.path(), ms);
            own(request, verdict, 504, ApiError.SERVER_ERROR, "provider_timeout",
                    "The upstream API did not answer within " + ms + " ms.",
                    "no upstream answer: timed out after " + ms + " ms", millis());
        }

        private void clientGone() {
            if (done) {
                return;
            }
            finish();
            if (upstream != null) {
                upstream.reset();
            }
        }

        private void finish() {
            done = true;
            if (timer >= 0) {
                vertx.cancelTimer(timer);
            }
        }

        private long millis() {
            return (System.nanoTime() - started) / 1_000_000;
        }
    }

    /**
     * An answer the proxy gives itself (no upstream answer, or nothing forwarded): the documented envelope with
     * type server_error (or invalid_request for a body it will not forward), a fresh request id, CORS so a browser
     * can read it, and a journal entry saying why.
     */
    private void own(HttpServerRequest request, RequestVerdict verdict, int status, String type, String code,
                     String message, String why, long millis) {
        String requestId = RequestIds.next();
        ApiError error = ApiError.mockOnly(status, type, code, message, null, RULE);
        List<String> secrets = verdict == null ? List.of() : verdict.secrets();
        Findings findings = new Findings(secrets);
        findings.notJudged(why);
        journal.record(new JournalEntry(System.currentTimeMillis(), request.method().name(), request.path(), status,
                RULE, verdict == null ? null : verdict.maskedKey(), null, requestId, List.of())
                .withProxy(findings.toJournal(settings.upstream().toString(), millis)));
        HttpServerResponse response = request.response();
        if (response.ended() || response.closed()) {
            return;
        }
        MultiMap headers = response.headers();
        response.setStatusCode(status);
        headers.set("Content-Type", MockHeaders.JSON);
        headers.set(MockHeaders.REQUEST_ID, requestId);
        headers.set(MockHeaders.MOCK_RULE, RULE);
        cors.addTo(headers);
        response.end(Buffer.buffer(JsonCodec.bytes(reading.envelopes().envelope(error, requestId))));
    }

    /**
     * An unexpected failure for the log: its class and where it happened, not its message (which may quote request
     * data, the key included).
     */
    private static String where(Throwable e) {
        StackTraceElement[] trace = e.getStackTrace();
        return e.getClass().getName() + (trace.length == 0 ? "" : " at " + trace[0]);
    }

    private static String reason(Throwable cause) {
        if (cause instanceof AnswerTooLarge) {
            return "the answer is larger than " + MAX_ANSWER_BODY + " bytes";
        }
        if (cause instanceof UnknownHostException) {
            return "the host name does not resolve";
        }
        if (cause instanceof ConnectException) {
            return "the connection was refused or timed out";
        }
        if (cause instanceof SSLException) {
            return "TLS failed (the certificate is not trusted or does not match the host)";
        }
        if (cause instanceof io.vertx.core.http.HttpClosedException) {
            return "the connection closed before the answer ended";
        }
        return "the exchange failed (" + cause.getClass().getSimpleName() + ")";
    }

    /** The upstream's answer exceeds {@link #MAX_ANSWER_BODY}. */
    private static final class AnswerTooLarge extends RuntimeException {
        private static final long serialVersionUID = 1L;

        AnswerTooLarge() {
            super(null, null, false, false);
        }
    }
}
