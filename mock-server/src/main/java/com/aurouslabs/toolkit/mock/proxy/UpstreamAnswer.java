package com.aurouslabs.toolkit.mock.proxy;

import io.vertx.core.MultiMap;

/** What the upstream sent back, complete: status line, headers as received, body bytes, and how long it took. */
record UpstreamAnswer(int status, String statusMessage, MultiMap headers, byte[] body, long millis) {
}
