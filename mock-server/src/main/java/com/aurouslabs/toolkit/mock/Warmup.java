package com.aurouslabs.toolkit.mock;

import com.aurouslabs.toolkit.mock.fixtures.FixturesLoader;
import com.aurouslabs.toolkit.mock.reading.Catalog;
import com.aurouslabs.toolkit.mock.validation.SpecDocument;

/**
 * Start-up of the runnable jar: while picocli parses the arguments on the main thread, two daemon threads do the
 * work that does not depend on them. One reads what every start reads and keeps it (the catalog, once per JVM) or
 * what the default start reads (the bundled spec and the built-in fixtures, kept the same way), so
 * {@link MockServer#start} finds them done; nothing is read twice. The other loads (reads, verifies) the classes of
 * Vert.x, Netty and the schema validator without initialising them: Vert.x's static set-up probes SLF4J with
 * System.err swapped for a throwaway stream, process-wide, and must not run while the main thread reports an error.
 * Any failure here is ignored (the real start reports it).
 */
final class Warmup {

    private Warmup() {
    }

    static void start() {
        Thread data = new Thread(() -> {
            try {
                Catalog.get();
                SpecDocument.bundled();
                FixturesLoader.builtIn();
            } catch (RuntimeException | LinkageError ignored) {
                // the real start-up reports it
            }
        }, "estimate-mock-warmup-data");
        Thread classes = new Thread(() -> {
            try {
                for (String name : new String[] {"io.vertx.core.impl.VertxImpl",
                        "io.vertx.core.http.impl.Http1xServerConnection", "io.netty.handler.codec.http.HttpServerCodec",
                        "com.networknt.schema.JsonSchemaFactory", "com.networknt.schema.oas.OpenApi30",
                        "com.networknt.schema.PropertiesValidator", "com.fasterxml.jackson.core.json.UTF8StreamJsonParser"}) {
                    Class.forName(name, false, Warmup.class.getClassLoader());
                }
            } catch (ClassNotFoundException | RuntimeException | LinkageError ignored) {
                // only a warm-up
            }
        }, "estimate-mock-warmup-classes");
        for (Thread t : new Thread[] {data, classes}) {
            t.setDaemon(true);
            t.start();
        }
    }
}
