package com.aurouslabs.toolkit.mock.journal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/** The most recent requests, in a bounded ring (oldest dropped first). Thread-safe. */
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

    public synchronized void clear() {
        entries.clear();
    }

    public int capacity() {
        return capacity;
    }
}
