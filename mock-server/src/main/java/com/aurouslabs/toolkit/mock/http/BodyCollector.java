package com.aurouslabs.toolkit.mock.http;

import com.aurouslabs.toolkit.mock.rules.BodyRules;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import java.util.function.BiConsumer;

/**
 * Reads a request body up to 1 MiB (BODY-TOO-LARGE is decided before parsing). As soon as the body is known to
 * be too large (Content-Length announces more, or more bytes arrive) the callback gets {@code tooLarge} at once,
 * without waiting for the end of the body, which may never come; the rest is drained and dropped. The callback
 * runs exactly once.
 */
final class BodyCollector {

    private Buffer buffer = Buffer.buffer();
    private boolean tooLarge;
    private boolean answered;

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
        request.exceptionHandler(t -> { /* the client went away; nothing to answer */ });
        if (c.tooLarge) {
            c.buffer = null;
            request.handler(chunk -> { });
            request.endHandler(v -> { });
            c.answer(onBody);
            return;
        }
        request.handler(chunk -> {
            if (c.tooLarge) {
                return;
            }
            if (c.buffer.length() + chunk.length() > BodyRules.MAX_BODY_BYTES) {
                c.tooLarge = true;
                c.buffer = null;
                c.answer(onBody);
            } else {
                c.buffer.appendBuffer(chunk);
            }
        });
        request.endHandler(v -> c.answer(onBody));
    }

    private void answer(BiConsumer<byte[], Boolean> onBody) {
        if (answered) {
            return;
        }
        answered = true;
        onBody.accept(tooLarge ? null : buffer.getBytes(), tooLarge);
    }
}
