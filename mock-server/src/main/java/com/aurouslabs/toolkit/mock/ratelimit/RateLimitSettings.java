package com.aurouslabs.toolkit.mock.ratelimit;

/** The estimate_post bucket: capacity (burst), refill per minute (sustained), and whether it is enforced. */
public record RateLimitSettings(int capacity, int refillPerMinute, boolean enabled) {

    public static final RateLimitSettings DEFAULT = new RateLimitSettings(240, 120, true);

    public RateLimitSettings {
        if (capacity < 1 || refillPerMinute < 1) {
            throw new IllegalArgumentException("rate limit capacity and refill must be at least 1");
        }
    }

    public static RateLimitSettings disabled() {
        return new RateLimitSettings(DEFAULT.capacity, DEFAULT.refillPerMinute, false);
    }

    /** Parses {@code 240/120} (capacity/refill per minute) or {@code off}. */
    public static RateLimitSettings parse(String text) {
        String t = text.strip();
        if (t.equalsIgnoreCase("off") || t.equalsIgnoreCase("none") || t.equalsIgnoreCase("false")) {
            return disabled();
        }
        int slash = t.indexOf('/');
        try {
            if (slash < 0) {
                int capacity = Integer.parseInt(t);
                return new RateLimitSettings(capacity, DEFAULT.refillPerMinute, true);
            }
            return new RateLimitSettings(Integer.parseInt(t.substring(0, slash).strip()),
                    Integer.parseInt(t.substring(slash + 1).strip()), true);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("rate limit must be CAPACITY/REFILL_PER_MINUTE (e.g. 240/120) or off");
        }
    }

    @Override
    public String toString() {
        return enabled ? capacity + " burst, " + refillPerMinute + "/min" : "off";
    }
}
