package com.aurouslabs.toolkit.mock;

import com.aurouslabs.toolkit.mock.fixtures.FixturesLoader;
import com.aurouslabs.toolkit.mock.validation.BodySchemaValidator;
import com.aurouslabs.toolkit.mock.validation.SpecDocument;

/**
 * Start-up of the runnable jar: while picocli parses the arguments on the main thread, a daemon thread loads and
 * initialises the classes the server needs (Jackson YAML, the validator, Vert.x and Netty) by doing the work once
 * on the bundled spec and fixtures. The result is thrown away: {@link MockServer#start} still reads whatever the
 * options name. Any failure here is ignored (the real start reports it).
 */
final class Warmup {

    private Warmup() {
    }

    static void start() {
        Thread spec = new Thread(() -> {
            try {
                new BodySchemaValidator(SpecDocument.fromClasspath());
            } catch (RuntimeException | LinkageError ignored) {
                // the real start-up reports it
            }
        }, "estimate-mock-warmup-spec");
        Thread vertx = new Thread(() -> {
            try {
                FixturesLoader.builtIn();
                Class.forName("io.vertx.core.impl.VertxImpl");
                Class.forName("io.vertx.core.http.impl.Http1xServerConnection");
                Class.forName("io.netty.handler.codec.http.HttpServerCodec");
            } catch (ClassNotFoundException | RuntimeException | LinkageError ignored) {
                // only a warm-up
            }
        }, "estimate-mock-warmup-vertx");
        for (Thread t : new Thread[] {spec, vertx}) {
            t.setDaemon(true);
            t.start();
        }
    }
}
