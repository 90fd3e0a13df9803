package com.aurouslabs.toolkit.mock.journal;

/**
 * How the journal shows a request header: each value at most {@value #MAX_VALUE} characters, credentials masked:
 * X-Api-Key as {@link ApiKeyMasker#mask}, {@code Authorization: Bearer <key>} as {@code Bearer al_live_****}, any
 * other Authorization, Proxy-Authorization and Cookie as {@code ****}.
 */
public final class RequestHeaders {

    static final int MAX_VALUE = 1024;

    private RequestHeaders() {
    }

    /** {@code value} of header {@code name} as the journal shows it. */
    public static String masked(String name, String value) {
        if (value == null) {
            return null;
        }
        if (name.equalsIgnoreCase("X-Api-Key")) {
            return ApiKeyMasker.mask(value.strip());
        }
        if (name.equalsIgnoreCase("Authorization")) {
            String v = value.strip();
            return v.regionMatches(true, 0, "Bearer ", 0, 7) ? "Bearer " + ApiKeyMasker.mask(v.substring(7).strip())
                    : "****";
        }
        if (name.equalsIgnoreCase("Proxy-Authorization") || name.equalsIgnoreCase("Cookie")) {
            return "****";
        }
        return value.length() > MAX_VALUE ? value.substring(0, MAX_VALUE) + "…" : value;
    }
}
