package com.aurouslabs.toolkit.mock.journal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * The most recent requests, in a bounded ring (oldest dropped first; each entry keeps at most
 * {@link JournalEntry#MAX_BODY_BYTES} of its body). Thread-safe.
 */
public final class RequestJournal {

    private final int capacity;
    private final ArrayDeque<JournalEntry> entries;

    public RequestJournal(int capacity) {
        this.capacity = Math.max(1, capacity);
        this.entries = new ArrayDeque<>(this.capacity);
    }

    public synchronized void record(JournalEntry entry) {
        if (entries.size() == capacity) {
            entries.removeFirst();
        }
        entries.addLast(entry);
    }

    /** Oldest first. */
    public synchronized List<JournalEntry> entries() {
        return new ArrayList<>(entries);
    }

    /** How many entries match {@code query} (matched on a copy, so recording never waits for a query). */
    public int count(JournalQuery query) {
        return find(query).size();
    }

    /** The entries that match {@code query}, oldest first. */
    public List<JournalEntry> find(JournalQuery query) {
        List<JournalEntry> out = entries();
        out.removeIf(query.negate());
        return out;
    }

    public synchronized void clear() {
        entries.clear();
    }

    public int capacity() {
        return capacity;
    }
}
