package com.aurouslabs.toolkit.conformance.http;

/**
 * Client-side token bucket: at most {@code ratePerSecond} requests per second (burst 1), so the suite is safe to
 * point at a live API. {@code ratePerSecond <= 0} means unlimited (the embedded mock).
 */
public final class Throttle {

  private final double ratePerSecond;
  private long nextFreeNanos = System.nanoTime();

  public Throttle(double ratePerSecond) {
    this.ratePerSecond = ratePerSecond;
  }

  public double ratePerSecond() {
    return ratePerSecond;
  }

  public void acquire() {
    if (ratePerSecond <= 0) {
      return;
    }
    long wait;
    synchronized (this) {
      long now = System.nanoTime();
      long slot = Math.max(now, nextFreeNanos);
      nextFreeNanos = slot + (long) (1_000_000_000L / ratePerSecond);
      wait = slot - now;
    }
    sleepNanos(wait);
  }

  /** Honours a 429's Retry-After: nobody sends before it has passed. */
  public void pause(long seconds) {
    synchronized (this) {
      nextFreeNanos = Math.max(nextFreeNanos, System.nanoTime() + seconds * 1_000_000_000L);
    }
  }

  private static void sleepNanos(long nanos) {
    if (nanos <= 0) {
      return;
    }
    try {
      Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
