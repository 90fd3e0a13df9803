package com.aurouslabs.toolkit.conformance.spi;

/** A started embedded target: where it listens, the key it accepts, and how to stop it. */
public interface RunningTarget extends AutoCloseable {

  String baseUrl();

  /** A key of the target's team (for a mock: its built-in, visibly fake key). */
  String apiKey();

  /** How the run names it in its plan and report, e.g. "embedded mock http://127.0.0.1:4711 with defect X". */
  String description();

  /** Forgets per-test state (buckets, stored answers); nothing by default. */
  default void reset() {}

  /** Requests it has answered since the last {@link #clearRequestCount()} (-1 when it does not count). */
  default long requestCount() {
    return -1;
  }

  default void clearRequestCount() {}

  @Override
  void close();
}
