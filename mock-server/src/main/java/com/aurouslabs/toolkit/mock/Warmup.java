package com.aurouslabs.toolkit.mock;

import com.aurouslabs.toolkit.mock.fixtures.FixturesLoader;
import com.aurouslabs.toolkit.mock.reading.Catalog;
import com.aurouslabs.toolkit.mock.validation.BodySchemaValidator;
import com.aurouslabs.toolkit.mock.validation.SpecDocument;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Start-up of the runnable jar: while picocli parses the arguments on the main thread, three daemon threads do the
 * work that does not depend on them.
 * <ul>
 *   <li>data: reads the rule catalog, which every start reads, once per JVM, so {@link MockServer#start} finds it
 *   done.</li>
 *   <li>vertx: creates the Vert.x instance ({@link MockServer#newVertx()}; its options do not depend on the
 *   arguments), which {@link #get()} hands to the server, then answers one throwaway HTTP exchange. Vert.x's logging
 *   set-up probes SLF4J with System.err swapped for a throwaway stream, process-wide, for a moment; picocli writes
 *   its errors straight to the process's stderr ({@link Main#commandLine}), so one it prints meanwhile is never
 *   swallowed.</li>
 *   <li>classes: loads the classes the first request needs (without initialising them), reads what the default
 *   start reads (the built-in fixtures and the bundled spec, kept once per JVM, so nothing is read twice), and
 *   compiles the bundled body schema once, which loads and initialises the schema validator's classes.</li>
 * </ul>
 * A failure in data or classes is ignored (the real start reports it); one in vertx is thrown by {@link #get()}.
 */
final class Warmup implements Supplier<Vertx> {

    private static final String[] FIRST_REQUEST_CLASSES = {
        "io.vertx.core.http.impl.Http1xServerConnection", "io.vertx.core.http.impl.Http1xServerRequest",
        "io.vertx.core.http.impl.Http1xServerResponse", "io.vertx.core.http.impl.HttpServerWorker",
        "io.netty.handler.codec.http.HttpServerCodec", "io.netty.handler.codec.http.HttpObjectDecoder",
        "io.netty.handler.codec.http.HttpServerKeepAliveHandler", "io.netty.handler.timeout.IdleStateHandler",
        "com.networknt.schema.PropertiesValidator", "com.networknt.schema.TypeValidator",
        "com.networknt.schema.EnumValidator", "com.networknt.schema.MinLengthValidator",
        "com.fasterxml.jackson.core.json.UTF8StreamJsonParser", "com.github.f4b6a3.ulid.UlidCreator"};

    private final FutureTask<Vertx> vertx = new FutureTask<>(MockServer::newVertx);

    private Warmup() {
    }

    /** Starts the three threads; call once, before picocli parses the arguments. */
    static Warmup start() {
        Warmup warmup = new Warmup();
        Thread data = new Thread(() -> {
            try {
                Catalog.get();
            } catch (RuntimeException | LinkageError ignored) {
                // the real start-up reports it
            }
        }, "estimate-mock-warmup-data");
        Thread classes = new Thread(() -> {
            try {
                for (String name : FIRST_REQUEST_CLASSES) {
                    Class.forName(name, false, Warmup.class.getClassLoader());
                }
                FixturesLoader.builtIn();
                // The schema validator's classes, loaded and initialised by compiling the bundled schema once.
                new BodySchemaValidator(SpecDocument.bundled());
            } catch (ClassNotFoundException | RuntimeException | LinkageError ignored) {
                // only a warm-up
            }
        }, "estimate-mock-warmup-classes");
        Thread vertx = new Thread(() -> {
            warmup.vertx.run();
            try {
                firstExchange(warmup.vertx.get());
            } catch (InterruptedException | ExecutionException ignored) {
                // Vert.x did not start: get() reports it to the server
            }
        }, "estimate-mock-warmup-vertx");
        for (Thread t : new Thread[] {data, classes, vertx}) {
            t.setDaemon(true);
            t.start();
        }
        return warmup;
    }

    /**
     * One HTTP/1.1 exchange with a throwaway server on a free loopback port, same options as the mock's, so the
     * classes of the connection, the decoder and the response are loaded and initialised before the mock listens,
     * on this thread, not on the event loop while the first real request waits.
     */
    private static void firstExchange(Vertx vertx) {
        HttpServer server = null;
        try {
            server = vertx.createHttpServer(MockServer.serverOptions("127.0.0.1", 0, Duration.ofSeconds(5)))
                    .requestHandler(request -> request.body().onComplete(body -> request.response()
                            .putHeader("Content-Type", "application/json").end(body.succeeded() ? body.result()
                                    : Buffer.buffer())))
                    .listen().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
            try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.actualPort())) {
                socket.setSoTimeout(5000);
                byte[] body = "{\"prompt\":\"warm-up\"}".getBytes(StandardCharsets.US_ASCII);
                OutputStream out = socket.getOutputStream();
                out.write(("POST /v1/images/estimate HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                        + "Content-Length: " + body.length + "\r\nConnection: close\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                out.write(body);
                out.flush();
                socket.getInputStream().readAllBytes();
            }
        } catch (Exception | LinkageError ignored) {
            // only a warm-up
        } finally {
            if (server != null) {
                server.close();
            }
        }
    }

    /** The Vert.x instance created at start-up; waits for it. */
    @Override
    public Vertx get() {
        return MockServer.await(vertx);
    }
}
