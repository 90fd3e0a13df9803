package com.aurouslabs.toolkit.mock;

import com.aurouslabs.toolkit.mock.journal.RequestJournal;
import com.aurouslabs.toolkit.mock.ratelimit.TeamRateLimiter;

/** The mutable state of one server: rate-limit buckets, the journal and the injected defect. */
public final class MockState {

    private final TeamRateLimiter rateLimiter;
    private final RequestJournal journal;
    private final String initialDefect;
    private volatile String defect;

    public MockState(MockOptions options) {
        this.rateLimiter = new TeamRateLimiter(options.rateLimit(), options.clock());
        this.journal = new RequestJournal(options.journalCapacity());
        this.initialDefect = options.defect();
        this.defect = options.defect();
    }

    public TeamRateLimiter rateLimiter() {
        return rateLimiter;
    }

    public RequestJournal journal() {
        return journal;
    }

    /** The name of the injected defect, {@code NONE} for none. */
    public String defect() {
        return defect;
    }

    /** Interim: the injected defect as the old enum. */
    public Defect legacyDefect() {
        return Defect.valueOf(defect);
    }

    /** Sets the defect by name ({@code NONE} for none); an unknown name is an IllegalArgumentException. */
    public void defect(String name) {
        this.defect = com.aurouslabs.toolkit.mock.defect.Defects.canonical(name);
    }

    /** Refills every bucket, clears the journal and restores the start-up defect. */
    public void reset() {
        rateLimiter.reset();
        journal.clear();
        defect = initialDefect;
    }
}
