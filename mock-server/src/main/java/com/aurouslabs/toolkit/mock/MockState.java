package com.aurouslabs.toolkit.mock;

import com.aurouslabs.toolkit.mock.defect.Defects;
import com.aurouslabs.toolkit.mock.journal.RequestJournal;
import com.aurouslabs.toolkit.mock.ratelimit.TeamRateLimiter;
import com.aurouslabs.toolkit.mock.reading.Reading;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The mutable state of one server: rate-limit buckets, the journal, and the reading in effect (the profile with
 * the injected defect, swapped whole when a defect is set; readings are built once per defect name and kept).
 */
public final class MockState {

    private final TeamRateLimiter rateLimiter;
    private final RequestJournal journal;
    private final String initialDefect;
    private final Map<String, Reading> readings = new ConcurrentHashMap<>();
    private Function<String, Reading> builder;
    private volatile Reading reading;

    public MockState(MockOptions options) {
        this.rateLimiter = new TeamRateLimiter(options.rateLimit(), options.clock());
        this.journal = new RequestJournal(options.journalCapacity());
        this.initialDefect = options.defect();
    }

    /** Installs how readings are built and builds the start-up one (MockServer.start, once). */
    public void readings(Function<String, Reading> build) {
        this.builder = build;
        this.reading = readings.computeIfAbsent(initialDefect, build);
    }

    public TeamRateLimiter rateLimiter() {
        return rateLimiter;
    }

    public RequestJournal journal() {
        return journal;
    }

    /** The reading every request uses until a defect is set. */
    public Reading reading() {
        return reading;
    }

    /** The name of the injected defect, {@code NONE} for none. */
    public String defect() {
        return reading.defect();
    }

    /** Sets the defect by name ({@code NONE} for none); an unknown name is an IllegalArgumentException. */
    public void defect(String name) {
        this.reading = readings.computeIfAbsent(Defects.canonical(name), builder);
    }

    /** Refills every bucket, clears the journal and restores the start-up defect. */
    public void reset() {
        rateLimiter.reset();
        journal.clear();
        reading = readings.get(initialDefect);
    }
}
