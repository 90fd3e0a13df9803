package com.aurouslabs.toolkit.mock.http;

import com.github.f4b6a3.ulid.UlidFactory;
import java.util.concurrent.ThreadLocalRandom;

/** REQUEST-ID: {@code req_} followed by a 26-character ULID. */
public final class RequestIds {

    private static final UlidFactory ULIDS = UlidFactory.newInstance(() -> ThreadLocalRandom.current().nextLong());

    private RequestIds() {
    }

    public static String next() {
        // String.concat sizes the result once (the build compiles '+' to StringBuilder calls, which grow and copy).
        return "req_".concat(ULIDS.create().toString());
    }
}
