package com.aurouslabs.toolkit.mock;

import java.util.concurrent.ThreadLocalRandom;

/** Simulated latency of every answer: a fixed part and a uniform jitter of +-{@code jitterMillis}. */
public record LatencySettings(long fixedMillis, long jitterMillis) {

    public static final LatencySettings NONE = new LatencySettings(0, 0);

    public LatencySettings {
        if (fixedMillis < 0 || jitterMillis < 0) {
            throw new IllegalArgumentException("latency must not be negative");
        }
    }

    /** Parses {@code 50} or {@code 50+-20} (also {@code 50±20}, {@code 50~20}). */
    public static LatencySettings parse(String text) {
        String t = text.strip().replace("±", "+-").replace("~", "+-");
        int sep = t.indexOf("+-");
        try {
            if (sep < 0) {
                return new LatencySettings(Long.parseLong(t), 0);
            }
            return new LatencySettings(Long.parseLong(t.substring(0, sep).strip()),
                    Long.parseLong(t.substring(sep + 2).strip()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("latency must be MILLIS or MILLIS+-JITTER (e.g. 50+-20)");
        }
    }

    public boolean none() {
        return fixedMillis == 0 && jitterMillis == 0;
    }

    /** One draw: fixed + uniform jitter, never below 0. */
    public long nextDelayMillis() {
        if (jitterMillis == 0) {
            return fixedMillis;
        }
        long delta = ThreadLocalRandom.current().nextLong(-jitterMillis, jitterMillis + 1);
        return Math.max(0, fixedMillis + delta);
    }

    @Override
    public String toString() {
        return none() ? "none" : fixedMillis + (jitterMillis > 0 ? "+-" + jitterMillis : "") + " ms";
    }
}
