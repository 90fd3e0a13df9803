package com.aurouslabs.toolkit.mock;

import com.aurouslabs.toolkit.mock.defect.Defects;
import com.aurouslabs.toolkit.mock.proxy.ProxySettings;
import com.aurouslabs.toolkit.mock.ratelimit.RateLimitSettings;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * Everything a {@link MockServer} is started with. {@code fixtures} and {@code spec} null mean the built-in
 * fixtures and the spec on the classpath; port 0 means a random free port (the CLI defaults to 4010). {@code profile}
 * picks the reading of the docs ({@link Profile}); {@code defect} names an injected defect
 * ({@link com.aurouslabs.toolkit.mock.defect.Defects}, {@code "NONE"} for none; an unknown name is an error).
 * {@code proxy} non-null turns the server into the validating proxy ({@code --proxy-to}): every request but the
 * admin routes goes to that upstream.
 */
public record MockOptions(String host, int port, Path fixtures, Path spec, RateLimitSettings rateLimit,
                          LatencySettings latency, String corsOrigin, boolean warnOnly, Profile profile,
                          String defect, Clock clock, int journalCapacity, Duration forcedTimeout,
                          Duration idleTimeout, ProxySettings proxy) {

    public MockOptions {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(rateLimit, "rateLimit");
        Objects.requireNonNull(latency, "latency");
        Objects.requireNonNull(corsOrigin, "corsOrigin");
        Objects.requireNonNull(profile, "profile");
        defect = Defects.canonical(defect);
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(forcedTimeout, "forcedTimeout");
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        if (idleTimeout.isNegative() || idleTimeout.isZero()) {
            throw new IllegalArgumentException("idleTimeout must be positive");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be in [0, 65535]");
        }
    }

    public static MockOptions defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().host(host).port(port).fixtures(fixtures).spec(spec).rateLimit(rateLimit)
                .latency(latency).corsOrigin(corsOrigin).warnOnly(warnOnly).profile(profile).defect(defect).clock(clock)
                .journalCapacity(journalCapacity).forcedTimeout(forcedTimeout).idleTimeout(idleTimeout).proxy(proxy);
    }

    /**
     * The idle timeout the server uses: {@link #idleTimeout()}, but always longer than the longest answer the
     * mock delays on purpose (the X-Mock-Force timeout hold, or the proxy's upstream timeout, plus the largest
     * latency), so those are never cut.
     */
    public Duration effectiveIdleTimeout() {
        Duration hold = proxy != null && proxy.timeout().compareTo(forcedTimeout) > 0 ? proxy.timeout() : forcedTimeout;
        Duration longestHold = hold.plusMillis(latency.fixedMillis() + latency.jitterMillis())
                .plusSeconds(1);
        return idleTimeout.compareTo(longestHold) >= 0 ? idleTimeout : longestHold;
    }

    /** Builder with the defaults of TEAM-NOTES.md. */
    public static final class Builder {
        private String host = "127.0.0.1";
        private int port = 0;
        private Path fixtures;
        private Path spec;
        private RateLimitSettings rateLimit = RateLimitSettings.DEFAULT;
        private LatencySettings latency = LatencySettings.NONE;
        private String corsOrigin = "*";
        private boolean warnOnly;
        private Profile profile = Profile.DEFAULT;
        private String defect = Defects.NONE;
        private Clock clock = Clock.systemUTC();
        private int journalCapacity = 1000;
        private Duration forcedTimeout = Duration.ofSeconds(30);
        private Duration idleTimeout = Duration.ofSeconds(60);
        private ProxySettings proxy;

        public Builder host(String host) {
            this.host = host;
            return this;
        }

        public Builder port(int port) {
            this.port = port;
            return this;
        }

        public Builder fixtures(Path fixtures) {
            this.fixtures = fixtures;
            return this;
        }

        public Builder spec(Path spec) {
            this.spec = spec;
            return this;
        }

        public Builder rateLimit(RateLimitSettings rateLimit) {
            this.rateLimit = rateLimit;
            return this;
        }

        public Builder rateLimit(int capacity, int refillPerMinute) {
            return rateLimit(new RateLimitSettings(capacity, refillPerMinute, true));
        }

        public Builder rateLimitDisabled() {
            return rateLimit(RateLimitSettings.disabled());
        }

        public Builder latency(LatencySettings latency) {
            this.latency = latency;
            return this;
        }

        public Builder latency(long fixedMillis, long jitterMillis) {
            return latency(new LatencySettings(fixedMillis, jitterMillis));
        }

        public Builder corsOrigin(String corsOrigin) {
            this.corsOrigin = corsOrigin;
            return this;
        }

        public Builder warnOnly(boolean warnOnly) {
            this.warnOnly = warnOnly;
            return this;
        }

        /** The reading of the docs to serve; default {@link Profile#DEFAULT}. */
        public Builder profile(Profile profile) {
            this.profile = profile;
            return this;
        }

        /** A defect by name ({@code Defects.all()}); {@code "NONE"} or null for none. Checked in {@link #build()}. */
        public Builder defect(String name) {
            this.defect = name;
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        public Builder journalCapacity(int journalCapacity) {
            this.journalCapacity = journalCapacity;
            return this;
        }

        public Builder forcedTimeout(Duration forcedTimeout) {
            this.forcedTimeout = forcedTimeout;
            return this;
        }

        /** Closes a connection with no traffic for this long (a stalled upload, an idle socket); default 60 s. */
        public Builder idleTimeout(Duration idleTimeout) {
            this.idleTimeout = idleTimeout;
            return this;
        }

        /** Proxy mode: forward to this upstream and judge the exchanges; null (the default) for the offline mock. */
        public Builder proxy(ProxySettings proxy) {
            this.proxy = proxy;
            return this;
        }

        public MockOptions build() {
            return new MockOptions(host, port, fixtures, spec, rateLimit, latency, corsOrigin, warnOnly, profile,
                    defect, clock, journalCapacity, forcedTimeout, idleTimeout, proxy);
        }
    }
}
