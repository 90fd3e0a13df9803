package com.aurouslabs.toolkit.mock.journal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The request headers a journal entry keeps: name/value pairs in the order sent, each value at most
 * {@value #MAX_VALUE} characters, credentials masked before they are stored: X-Api-Key as
 * {@link ApiKeyMasker#mask}, {@code Authorization: Bearer <key>} as {@code Bearer al_live_****}, any other
 * Authorization, Proxy-Authorization and Cookie as {@code ****}.
 */
public final class RequestHeaders {

    static final int MAX_VALUE = 1024;

    private RequestHeaders() {
    }

    /** The pairs (name, value, name, value, ...) of {@code headers}, masked. */
    public static List<String> pairs(Iterable<Map.Entry<String, String>> headers) {
        List<String> out = new ArrayList<>(16);
        for (Map.Entry<String, String> h : headers) {
            out.add(h.getKey());
            out.add(masked(h.getKey(), h.getValue()));
        }
        return out;
    }

    static String masked(String name, String value) {
        if (value == null) {
            return null;
        }
        switch (name.toLowerCase(Locale.ROOT)) {
            case "x-api-key":
                return ApiKeyMasker.mask(value.strip());
            case "authorization":
                String v = value.strip();
                return v.regionMatches(true, 0, "Bearer ", 0, 7)
                        ? "Bearer " + ApiKeyMasker.mask(v.substring(7).strip()) : "****";
            case "proxy-authorization":
            case "cookie":
                return "****";
            default:
                return value.length() > MAX_VALUE ? value.substring(0, MAX_VALUE) + "…" : value;
        }
    }
}
