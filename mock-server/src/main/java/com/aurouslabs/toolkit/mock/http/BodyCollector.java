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

    // The usual body arrives in one chunk: it is kept as is, and only a second chunk starts a buffer to append to.
    private Buffer first;
    private Buffer buffer;
    private int length;
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
            request.handler(chunk -> { });
            request.endHandler(v -> { });
            c.answer(onBody);
            return;
        }
        request.handler(chunk -> {
            if (c.tooLarge) {
                return;
            }
            if (c.length + chunk.length() > BodyRules.MAX_BODY_BYTES) {
                c.tooLarge = true;
                c.first = null;
                c.buffer = null;
                c.answer(onBody);
            } else {
                c.append(chunk);
            }
        });
        request.endHandler(v -> c.answer(onBody));
    }

    private void append(Buffer chunk) {
        length += chunk.length();
        if (first == null && buffer == null) {
            first = chunk;
            return;
        }
        if (buffer == null) {
            buffer = Buffer.buffer(Math.max(length, 256)).appendBuffer(first);
            first = null;
        }
        buffer.appendBuffer(chunk);
    }

    /** The body as one array (its own copy: the chunks belong to Netty). */
    private byte[] bytes() {
        return buffer != null ? buffer.getBytes() : first != null ? first.getBytes() : new byte[0];
    }

    private void answer(BiConsumer<byte[], Boolean> onBody) {
        if (answered) {
            return;
        }
        answered = true;
        onBody.accept(tooLarge ? null : bytes(), tooLarge);
    }
}
