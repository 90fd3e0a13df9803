package com.aurouslabs.toolkit.conformance.spi;

import java.nio.file.Path;

/**
 * What to start: the reading it serves ({@code profile}: "default" or "alternative"; null = default), a named
 * defect ({@code defect}; null or "NONE" = none), the spec it loads ({@code spec}; null = its built-in one) and its
 * rate-limit bucket ({@code bucketCapacity} tokens, refilled at half that per minute).
 */
public record EmbeddedTargetRequest(String profile, String defect, Path spec, int bucketCapacity) {}
