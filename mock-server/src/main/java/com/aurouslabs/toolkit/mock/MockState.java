package com.aurouslabs.toolkit.mock;

import com.aurouslabs.toolkit.mock.journal.RequestJournal;
import com.aurouslabs.toolkit.mock.ratelimit.TeamRateLimiter;

/** The mutable state of one server: rate-limit buckets, the journal and the injected defect. */
public final class MockState {

    private final TeamRateLimiter rateLimiter;
    private final RequestJournal journal;
    private final Defect initialDefect;
    private volatile Defect defect;

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

    public Defect defect() {
        return defect;
    }

    public void defect(Defect defect) {
        this.defect = defect == null ? Defect.NONE : defect;
    }

    /** Refills every bucket, clears the journal and restores the start-up defect. */
    public void reset() {
        rateLimiter.reset();
        journal.clear();
        defect = initialDefect;
    }
}
