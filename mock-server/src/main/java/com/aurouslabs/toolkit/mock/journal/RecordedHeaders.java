package com.aurouslabs.toolkit.mock.journal;

import java.util.AbstractMap;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * The request headers a journal entry keeps, packed into one string (each name and value preceded by its length as
 * one char), in the order sent; read back entry by entry. A journal entry outlives several young collections, so
 * one string instead of the request's header map (an entry object, a name and a value per header) keeps what each
 * collection copies small: issue 11 item 7.
 */
final class RecordedHeaders implements Iterable<Map.Entry<String, String>> {

    static final RecordedHeaders NONE = new RecordedHeaders("");

    private final String packed;

    private RecordedHeaders(String packed) {
        this.packed = packed;
    }

    /** {@code headers} packed; names and values longer than 65,535 characters are cut there. */
    static RecordedHeaders of(Iterable<Map.Entry<String, String>> headers) {
        if (headers instanceof RecordedHeaders recorded) {
            return recorded;
        }
        StringBuilder out = new StringBuilder(256);
        for (Map.Entry<String, String> h : headers) {
            append(out, h.getKey());
            append(out, h.getValue());
        }
        return out.length() == 0 ? NONE : new RecordedHeaders(out.toString());
    }

    private static void append(StringBuilder out, String s) {
        String value = s == null ? "" : s;
        int length = Math.min(value.length(), Character.MAX_VALUE);
        out.append((char) length).append(value, 0, length);
    }

    @Override
    public Iterator<Map.Entry<String, String>> iterator() {
        return new Iterator<>() {
            private int at;

            @Override
            public boolean hasNext() {
                return at < packed.length();
            }

            @Override
            public Map.Entry<String, String> next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                String name = read();
                return new AbstractMap.SimpleImmutableEntry<>(name, read());
            }

            private String read() {
                int length = packed.charAt(at);
                String s = packed.substring(at + 1, at + 1 + length);
                at += 1 + length;
                return s;
            }
        };
    }
}
