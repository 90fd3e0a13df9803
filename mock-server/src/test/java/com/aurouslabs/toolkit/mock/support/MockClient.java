package com.aurouslabs.toolkit.mock.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** java.net.http client for the acceptance tests. */
public final class MockClient {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String baseUrl;

    public MockClient(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** POST /v1/images/estimate as team_alpha. */
    public Reply estimate(String json) {
        return estimate(json, "X-Api-Key", Keys.ALPHA);
    }

    /** POST /v1/images/estimate with JSON content type and the given header name/value pairs. */
    public Reply estimate(String json, String... headers) {
        HttpRequest.Builder b = request("/v1/images/estimate")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        for (int i = 0; i < headers.length; i += 2) {
            b.setHeader(headers[i], headers[i + 1]);
        }
        return send(b.build());
    }

    public Reply estimateBytes(byte[] body, String contentType) {
        HttpRequest.Builder b = request("/v1/images/estimate")
                .header("X-Api-Key", Keys.ALPHA)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        return send(b.build());
    }

    public HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(20));
    }

    public Reply get(String path) {
        return send(request(path).GET().build());
    }

    public Reply send(HttpRequest request) {
        try {
            HttpResponse<String> r = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            return new Reply(r.statusCode(), r.headers(), r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
