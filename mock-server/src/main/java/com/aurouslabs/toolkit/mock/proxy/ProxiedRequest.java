package com.aurouslabs.toolkit.mock.proxy;

import io.vertx.core.MultiMap;

/**
 * A request as the proxy received it: method, path (without the query), the headers as sent (case-insensitive) and
 * the body bytes.
 */
record ProxiedRequest(String method, String path, MultiMap headers, byte[] body) {

    String header(String name) {
        return headers.get(name);
    }
}
