package com.aurouslabs.toolkit.mock.http;

import com.aurouslabs.toolkit.mock.rules.BodyRules;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import java.util.function.BiConsumer;

/**
 * Reads a request body up to 1 MiB (BODY-TOO-LARGE is decided before parsing): past the limit, or when
 * Content-Length announces more, the rest is drained and dropped, and the callback gets {@code tooLarge}.
 */
final class BodyCollector {

    private Buffer buffer = Buffer.buffer();
    private boolean tooLarge;

    static void collect(HttpServerRequest request, BiConsumer<byte[], Boolean> onBody) {
        BodyCollector c = new BodyCollector();
        String length = request.getHeader("Content-Length");
        if (length != null) {
            try {
                c.tooLarge = Long.parseLong(length.strip()) > BodyRules.MAX_BODY_BYTES;
            } catch (NumberFormatException e) {
                c.tooLarge = false;
            }
        }
        if (c.tooLarge) {
            c.buffer = null;
        }
        request.handler(chunk -> {
            if (c.tooLarge) {
                return;
            }
            if (c.buffer.length() + chunk.length() > BodyRules.MAX_BODY_BYTES) {
                c.tooLarge = true;
                c.buffer = null;
            } else {
                c.buffer.appendBuffer(chunk);
            }
        });
        request.exceptionHandler(t -> { /* the client went away; nothing to answer */ });
        request.endHandler(v -> onBody.accept(c.tooLarge ? null : c.buffer.getBytes(), c.tooLarge));
    }
}
