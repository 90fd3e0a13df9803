package com.aurouslabs.toolkit.mock.proxy;

import io.vertx.core.MultiMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Which headers the proxy passes on. Hop-by-hop headers (RFC 9110 7.6.1: Connection and every header it names,
 * Keep-Alive, Proxy-Connection, TE, Trailer, Transfer-Encoding, Upgrade, Proxy-Authorization, Proxy-Authenticate)
 * belong to one connection and are dropped both ways. The HTTP client sets Host and Content-Length for the upstream,
 * and the server sets Content-Length for the client. Accept-Encoding and Expect are not forwarded: the proxy must
 * read the answer (identity encoding) and has already read the whole body.
 */
final class HopByHop {

    private static final Set<String> HOP_BY_HOP = Set.of("connection", "keep-alive", "proxy-connection", "te",
            "trailer", "transfer-encoding", "upgrade", "proxy-authorization", "proxy-authenticate");
    private static final Set<String> NOT_FORWARDED = Set.of("host", "content-length", "accept-encoding", "expect");

    private HopByHop() {
    }

    /** The request headers to send upstream. */
    static MultiMap request(MultiMap received) {
        return copy(received, NOT_FORWARDED);
    }

    /** The answer headers to send back to the client (all but hop-by-hop and Content-Length). */
    static MultiMap response(MultiMap received) {
        return copy(received, Set.of("content-length"));
    }

    private static MultiMap copy(MultiMap from, Set<String> alsoDropped) {
        Set<String> named = new HashSet<>();
        for (String connection : from.getAll("Connection")) {
            for (String token : connection.split(",")) {
                named.add(token.strip().toLowerCase(Locale.ROOT));
            }
        }
        MultiMap out = MultiMap.caseInsensitiveMultiMap();
        for (Map.Entry<String, String> h : from) {
            String name = h.getKey().toLowerCase(Locale.ROOT);
            if (!HOP_BY_HOP.contains(name) && !alsoDropped.contains(name) && !named.contains(name)) {
                out.add(h.getKey(), h.getValue());
            }
        }
        return out;
    }
}
