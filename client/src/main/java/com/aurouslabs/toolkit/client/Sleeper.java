package com.aurouslabs.toolkit.client;

import java.time.Duration;

/**
 * Waits between retry attempts. The default sleeps the calling thread; tests inject a recording sleeper so
 * they never sleep.
 */
@FunctionalInterface
public interface Sleeper {

  /** Waits for {@code duration} (never negative). */
  void sleep(Duration duration) throws InterruptedException;

  /** The default: {@link Thread#sleep(long)}. */
  static Sleeper system() {
    return duration -> Thread.sleep(duration.toMillis());
  }
}
