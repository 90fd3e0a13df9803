package com.aurouslabs.toolkit.mock.http;

import io.vertx.core.MultiMap;

/**
 * A change to every answer after it is built (its headers and body bytes), installed at start by a defect
 * ({@code defect/Defects}); a reading without a defect has none.
 */
@FunctionalInterface
public interface ResponseAdjuster {

    /** Changes {@code headers} in place and returns the body to send. */
    byte[] adjust(MultiMap headers, byte[] body);
}
