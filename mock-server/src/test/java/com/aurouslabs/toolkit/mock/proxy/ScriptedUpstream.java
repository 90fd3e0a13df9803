package com.aurouslabs.toolkit.mock.proxy;

import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A bare HTTP server for the proxy tests: it records the last request it received (method, URI, headers, body) and
 * answers with what the test scripts (any status, headers, body, even a broken envelope).
 */
final class ScriptedUpstream implements AutoCloseable {

    /** The last request as received. */
    record Received(String method, String uri, MultiMap headers, byte[] body) {
    }

    /** The answer to give. */
    record Script(int status, String statusMessage, MultiMap headers, byte[] body) {
    }

    private final Vertx vertx = Vertx.vertx();
    private final HttpServer server;
    private volatile Received last;
    private volatile Script script = new Script(200, null, MultiMap.caseInsensitiveMultiMap(), new byte[0]);

    ScriptedUpstream() {
        server = vertx.createHttpServer().requestHandler(request -> request.body().onSuccess(body -> {
            MultiMap headers = MultiMap.caseInsensitiveMultiMap().addAll(request.headers());
            last = new Received(request.method().name(), request.uri(), headers, body.getBytes());
            Script s = script;
            var response = request.response().setStatusCode(s.status());
            if (s.statusMessage() != null) {
                response.setStatusMessage(s.statusMessage());
            }
            response.headers().addAll(s.headers());
            response.end(Buffer.buffer(s.body()));
        }));
        await(server.listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture());
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.actualPort();
    }

    void answer(int status, String statusMessage, String body, Consumer<MultiMap> headers) {
        MultiMap h = MultiMap.caseInsensitiveMultiMap();
        headers.accept(h);
        script = new Script(status, statusMessage, h, body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    Received last() {
        return last;
    }

    @Override
    public void close() {
        await(vertx.close().toCompletionStage().toCompletableFuture());
    }

    private static <T> T await(java.util.concurrent.CompletableFuture<T> f) {
        try {
            return f.get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
