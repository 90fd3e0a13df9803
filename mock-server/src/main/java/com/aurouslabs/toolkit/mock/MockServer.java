package com.aurouslabs.toolkit.mock;

import com.aurouslabs.toolkit.mock.fixtures.FixtureIndex;
import com.aurouslabs.toolkit.mock.fixtures.Fixtures;
import com.aurouslabs.toolkit.mock.fixtures.FixturesLoader;
import com.aurouslabs.toolkit.mock.http.AdminEndpoints;
import com.aurouslabs.toolkit.mock.http.CorsPolicy;
import com.aurouslabs.toolkit.mock.http.EstimatePipeline;
import com.aurouslabs.toolkit.mock.http.MockHttpHandler;
import com.aurouslabs.toolkit.mock.http.ResponseWriter;
import com.aurouslabs.toolkit.mock.journal.RequestJournal;
import com.aurouslabs.toolkit.mock.proxy.ValidatingProxy;
import com.aurouslabs.toolkit.mock.rules.IpAddressReferenceHostPolicy;
import com.aurouslabs.toolkit.mock.rules.ReferenceHostPolicy;
import com.aurouslabs.toolkit.mock.profile.ProfileDifference;
import com.aurouslabs.toolkit.mock.profile.ProfileDifferences;
import com.aurouslabs.toolkit.mock.reading.Catalog;
import com.aurouslabs.toolkit.mock.reading.Readings;
import com.aurouslabs.toolkit.mock.validation.SpecDocument;
import io.vertx.core.AbstractVerticle;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The offline mock of POST /v1/images/estimate: {@link #start(MockOptions)} loads the spec and the fixtures,
 * compiles the schemas once, and listens with one Vert.x HttpServer per event loop on the same port.
 * All state lives in the instance ({@link #reset()} clears it); several servers can run in one JVM.
 */
public final class MockServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MockServer.class);

    private final MockOptions options;
    private final SpecDocument spec;
    private final Fixtures fixtures;
    private final MockState state;
    private final Vertx vertx;
    private final List<HttpServer> servers;
    private final int port;

    private MockServer(MockOptions options, SpecDocument spec, Fixtures fixtures, MockState state, Vertx vertx,
                       List<HttpServer> servers) {
        this.options = options;
        this.spec = spec;
        this.fixtures = fixtures;
        this.state = state;
        this.vertx = vertx;
        this.servers = servers;
        this.port = servers.get(0).actualPort();
    }

    public static MockServer start(MockOptions options) {
        return start(options, new IpAddressReferenceHostPolicy());
    }

    /**
     * Starts with another REF-URL-HOST-BLOCKED policy (the full SSRF implementation, or a test double).
     *
     * @throws StartupException when the port is taken, the host is not an address of this machine, or a file the
     *                          options name is missing or invalid (one line that names the fix)
     */
    public static MockServer start(MockOptions options, ReferenceHostPolicy hostPolicy) {
        return start(options, hostPolicy, MockServer::newVertx);
    }

    /**
     * Starts on the Vert.x instance {@code vertxSource} gives (the runnable jar creates it while picocli parses the
     * arguments: {@link Warmup}); the server owns it from then on and closes it on {@link #stop()} or a failed start.
     */
    static MockServer start(MockOptions options, ReferenceHostPolicy hostPolicy, Supplier<Vertx> vertxSource) {
        if (options.port() != 0) {
            // Fail fast, before the spec, the fixtures and Vert.x are loaded: a taken port is the likeliest mistake.
            probe(options.host(), options.port());
        }
        // The spec, the catalog and the fixtures (read, then the reading built: the schema compiled) and Vert.x
        // (create) are independent: do them on two threads.
        MockState state = new MockState(options);
        FutureTask<Loaded> loadTask = new FutureTask<>(() -> {
            SpecDocument loaded = SpecDocument.load(options.spec());
            Fixtures fixtures = FixturesLoader.load(options.fixtures());
            FixtureIndex index = new FixtureIndex(fixtures);
            Readings readings = new Readings(Catalog.get(), loaded, index, state.rateLimiter(), hostPolicy,
                    options.profile());
            state.readings(readings::build);
            return new Loaded(loaded, fixtures, index, ProfileDifferences.of(Catalog.get()));
        });
        Thread loadThread = new Thread(loadTask, "estimate-mock-spec-loader");
        loadThread.setDaemon(true);
        loadThread.start();
        int loops = eventLoops();
        Vertx vertx = vertxSource.get();
        Loaded loaded;
        try {
            loaded = await(loadTask);
        } catch (RuntimeException | Error e) {
            vertx.close();
            throw e;
        }
        SpecDocument spec = loaded.spec();
        Fixtures fixtures = loaded.fixtures();
        FixtureIndex index = loaded.index();
        EstimatePipeline pipeline = new EstimatePipeline(index, state, options.warnOnly());

        CorsPolicy cors = new CorsPolicy(options.corsOrigin());
        ResponseWriter writer = new ResponseWriter(vertx, state, cors, options.latency());
        MockHttpHandler handler = new MockHttpHandler(vertx, pipeline,
                new AdminEndpoints(state, fixtures, spec.defaultVersion(), options.profile(), loaded.differences()),
                writer, cors, state, spec.defaultVersion(),
                options.forcedTimeout());
        List<HttpServer> servers;
        try {
            // Proxy mode: the validating proxy takes every request but the admin routes (--proxy-to).
            Handler<HttpServerRequest> requests = options.proxy() == null ? handler
                    : ValidatingProxy.create(vertx, options, Catalog.get(), spec, index, state.rateLimiter(), hostPolicy,
                    state.journal(), handler);
            servers = listen(vertx, handler, requests, options, loops);
        } catch (RuntimeException e) {
            vertx.close();
            throw e instanceof StartupException ? e : cannotListen(options.host(), options.port(), e);
        }
        MockServer mock = new MockServer(options, spec, fixtures, state, vertx, servers);
        LOG.info("estimate mock listening on {} (spec {}, {} event loops{})", mock.baseUrl(), spec.source(), loops,
                options.proxy() == null ? "" : ", validating proxy to " + options.proxy());
        return mock;
    }

    /** One event loop per core (each serves its own HttpServer on the shared port). */
    static int eventLoops() {
        return Math.max(1, Runtime.getRuntime().availableProcessors());
    }

    /** The Vert.x instance of one server: {@link #eventLoops()} loops, one worker (the mock blocks nowhere). */
    static Vertx newVertx() {
        return Vertx.vertx(new VertxOptions().setEventLoopPoolSize(eventLoops()).setWorkerPoolSize(1)
                .setInternalBlockingPoolSize(1));
    }

    public int port() {
        return port;
    }

    /** e.g. {@code http://127.0.0.1:41234} (no trailing slash). */
    public String baseUrl() {
        String host = options.host().contains(":") ? "[" + options.host() + "]" : options.host();
        return "http://" + host + ":" + port;
    }

    public MockOptions options() {
        return options;
    }

    public SpecDocument spec() {
        return spec;
    }

    public Fixtures fixtures() {
        return fixtures;
    }

    public RequestJournal journal() {
        return state.journal();
    }

    /** The reading of the docs this server serves. */
    public Profile profile() {
        return options.profile();
    }

    /** The name of the injected defect ({@code NONE} for none). */
    public String defect() {
        return state.defect();
    }

    /**
     * Injects a defect by name ({@code NONE} clears it), same as {@code PUT /__admin/defect}. Test-only.
     *
     * @throws IllegalArgumentException listing the names when {@code name} names no defect
     */
    public void defect(String name) {
        state.defect(name);
    }


    /** Refills every rate-limit bucket, clears the journal and restores the start-up defect. */
    public void reset() {
        state.reset();
    }

    public void stop() {
        try {
            for (HttpServer server : servers) {
                await(server.close());
            }
        } finally {
            await(vertx.close());
        }
    }

    @Override
    public void close() {
        stop();
    }

    /**
     * One HttpServer per event loop on one port (Vert.x shares a fixed port between them), each created in its own
     * verticle instance so that each gets its own event loop. (Created from one outside thread they would all share
     * that thread's one event-loop context, since Vert.x 4.5, and the other loops would stay idle.) Port 0 is first
     * turned into a free port, retried if another process takes it between the probe and the bind.
     */
    private static List<HttpServer> listen(Vertx vertx, MockHttpHandler handler, Handler<HttpServerRequest> requests,
                                           MockOptions options, int loops) {
        int attempts = options.port() == 0 ? 5 : 1;
        RuntimeException last = null;
        for (int attempt = 0; attempt < attempts; attempt++) {
            int port = options.port() == 0 ? freePort(options.host()) : options.port();
            List<HttpServer> servers = Collections.synchronizedList(new ArrayList<>());
            HttpServerOptions serverOptions = serverOptions(options.host(), port, options.effectiveIdleTimeout());
            try {
                // A failed instance undeploys the others, which closes their servers.
                await(vertx.deployVerticle(() -> new AbstractVerticle() {
                    @Override
                    public void start(Promise<Void> started) {
                        vertx.createHttpServer(serverOptions)
                                .connectionHandler(handler::guardVersions)
                                .requestHandler(requests)
                                .invalidRequestHandler(handler::invalidRequest)
                                .listen()
                                .onSuccess(servers::add)
                                .<Void>mapEmpty()
                                .onComplete(started);
                    }
                }, new DeploymentOptions().setInstances(loops)));
                return List.copyOf(servers);
            } catch (RuntimeException e) {
                last = e;
            }
        }
        throw last;
    }

    /** The options of each HttpServer of the mock. */
    static HttpServerOptions serverOptions(String host, int port, java.time.Duration idleTimeout) {
        return new HttpServerOptions()
                .setHost(host)
                .setPort(port)
                .setTcpNoDelay(true)
                // A stalled upload or an idle socket is closed; always longer than the X-Mock-Force timeout hold and
                // the latency (MockOptions.effectiveIdleTimeout).
                .setIdleTimeout((int) Math.min(Integer.MAX_VALUE, idleTimeout.toMillis()))
                .setIdleTimeoutUnit(TimeUnit.MILLISECONDS)
                // No h2c upgrade (the mock speaks HTTP/1.x): the connection then exists before the first request is
                // decoded, so the version guard sees it.
                .setHttp2ClearTextEnabled(false)
                .setCompressionSupported(false)
                // No WebSocket extension handler in every connection's pipeline: the mock serves no WebSocket.
                .setPerFrameWebSocketCompressionSupported(false)
                .setPerMessageWebSocketCompressionSupported(false);
    }

    /** Binds {@code host:port} once and lets it go: a {@link StartupException} when nothing could listen there. */
    private static void probe(String host, int port) {
        try (java.net.ServerSocket probe = new java.net.ServerSocket()) {
            probe.setReuseAddress(true);
            probe.bind(new java.net.InetSocketAddress(host, port));
        } catch (java.io.IOException | RuntimeException e) {
            throw cannotListen(host, port, e);
        }
    }

    /** One line that names the address, why nothing can listen there and what to do instead. */
    static StartupException cannotListen(String host, int port, Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause
                && !(cause instanceof java.net.SocketException)) {
            cause = cause.getCause();
        }
        String reason = String.valueOf(cause.getMessage());
        String address = (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
        int next = port >= 65535 ? 4010 : port + 1;
        if (reason.contains("already in use")) {
            return StartupException.environment("port " + port + " on " + host + " is already in use (another mock "
                    + "or program listens there); stop it, or start with --port " + next
                    + " or --port 0 (any free port)", failure);
        }
        if (reason.contains("Permission denied") || reason.contains("Access denied")) {
            return StartupException.environment("not allowed to listen on " + address + " (ports below 1024 "
                    + "need privileges); use a port from 1024 up, e.g. --port 4010, or --port 0 (any free port)",
                    failure);
        }
        if (reason.contains("assign requested address") || reason.contains("Unresolved")
                || cause instanceof java.net.UnknownHostException
                || failure instanceof java.nio.channels.UnresolvedAddressException) {
            return StartupException.configuration("cannot listen on " + address + ": " + host + " is not an address "
                    + "of this machine; use --host 127.0.0.1 (the default), 0.0.0.0 (every interface) or one of "
                    + "this machine's addresses", failure);
        }
        return StartupException.environment("cannot listen on " + address + " (" + reason + "); try another "
                + "port (--port 0 picks a free one) or --host 127.0.0.1", failure);
    }

    private static int freePort(String host) {
        try (java.net.ServerSocket probe = new java.net.ServerSocket()) {
            probe.setReuseAddress(true);
            probe.bind(new java.net.InetSocketAddress(host, 0));
            return probe.getLocalPort();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("no free port on " + host, e);
        }
    }

    private record Loaded(SpecDocument spec, Fixtures fixtures, FixtureIndex index,
                          List<ProfileDifference> differences) {
    }

    /** The task's value; its exception (unwrapped) if it failed. */
    static <T> T await(FutureTask<T> task) {
        try {
            return task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof Error error) {
                throw error;
            }
            throw cause instanceof RuntimeException re ? re : new IllegalStateException(cause);
        }
    }

    private static <T> T await(Future<T> future) {
        try {
            return future.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            throw cause instanceof RuntimeException re ? re : new IllegalStateException(cause);
        } catch (TimeoutException e) {
            throw new IllegalStateException("timed out", e);
        }
    }
}
