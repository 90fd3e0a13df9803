package com.aurouslabs.toolkit.mock.junit;

import com.aurouslabs.toolkit.mock.MockServer;
import java.net.URI;

/** Injected by {@link AurousMockTest}: where the in-process mock listens, and the server itself. */
public record MockServerInfo(String baseUrl, int port, MockServer server) {

    /** {@code baseUrl} + {@code path}, e.g. {@code uri("/v1/images/estimate")}. */
    public URI uri(String path) {
        return URI.create(baseUrl + path);
    }

    public URI estimateUri() {
        return uri("/v1/images/estimate");
    }
}
