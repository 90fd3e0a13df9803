package com.aurouslabs.toolkit.mock.proxy;

import com.aurouslabs.toolkit.mock.MockOptions;
import com.aurouslabs.toolkit.mock.MockServer;
import com.aurouslabs.toolkit.mock.Profile;
import com.aurouslabs.toolkit.mock.support.MockClient;
import com.aurouslabs.toolkit.mock.support.Reply;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * A mock standing in for the real API on a random 127.0.0.1 port, and a validating proxy in front of it (both
 * in-process, {@link MockServer#start}).
 */
final class ProxyPair implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    final MockServer upstream;
    final MockServer proxy;
    final MockClient direct;
    final MockClient viaProxy;

    private ProxyPair(MockServer upstream, MockServer proxy) {
        this.upstream = upstream;
        this.proxy = proxy;
        this.direct = new MockClient(upstream.baseUrl());
        this.viaProxy = new MockClient(proxy.baseUrl());
    }

    static ProxyPair start(Profile upstreamProfile) {
        return start(MockOptions.builder().profile(upstreamProfile).rateLimitDisabled().build(), Duration.ofSeconds(10));
    }

    static ProxyPair start(MockOptions upstreamOptions, Duration proxyTimeout) {
        MockServer upstream = MockServer.start(upstreamOptions);
        try {
            return new ProxyPair(upstream, proxyTo(URI.create(upstream.baseUrl()), proxyTimeout));
        } catch (RuntimeException e) {
            upstream.stop();
            throw e;
        }
    }

    static MockServer proxyTo(URI upstream, Duration timeout) {
        return MockServer.start(MockOptions.builder().proxy(new ProxySettings(upstream, timeout)).build());
    }

    void reset() {
        upstream.reset();
        proxy.reset();
    }

    /** The rule IDs of X-Mock-Proxy-Violations (empty when the header is absent). */
    static List<String> violations(Reply reply) {
        return ids(reply.header(ValidatingProxy.VIOLATIONS_HEADER));
    }

    /** The rule IDs of X-Mock-Proxy-Notes (empty when the header is absent). */
    static List<String> notes(Reply reply) {
        return ids(reply.header(ValidatingProxy.NOTES_HEADER));
    }

    private static List<String> ids(String header) {
        return header == null ? List.of() : Arrays.stream(header.split(",")).map(String::strip).toList();
    }

    /** The proxy's journal as JSON (GET /__admin/journal) and as the raw text. */
    JsonNode journal() {
        try {
            return JSON.readTree(journalText()).path("requests");
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    String journalText() {
        return viaProxy.get("/__admin/journal").body();
    }

    /** The proxy findings of the last journal entry. */
    JsonNode lastFindings() {
        JsonNode entries = journal();
        return entries.get(entries.size() - 1).path("proxy");
    }

    @Override
    public void close() {
        try {
            proxy.stop();
        } finally {
            upstream.stop();
        }
    }
}
