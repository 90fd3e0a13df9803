package com.aurouslabs.toolkit.mock.journal;

import java.nio.charset.StandardCharsets;
import java.util.AbstractMap;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * The request headers a journal entry keeps, packed into one byte array (each name and value as UTF-8 preceded by
 * its length in two bytes), in the order sent; read back entry by entry. A journal entry outlives several young
 * collections, so one array instead of the request's header map (an entry object, a name and a value per header)
 * keeps what each collection copies small, and packing allocates that one array only: issue 11 item 7.
 */
final class RecordedHeaders implements Iterable<Map.Entry<String, String>> {

    static final RecordedHeaders NONE = new RecordedHeaders(new byte[0]);

    /** The most bytes one name or value keeps (its length must fit in two bytes). */
    static final int MAX_BYTES = 0xFFFF;

    private final byte[] packed;

    private RecordedHeaders(byte[] packed) {
        this.packed = packed;
    }

    /** {@code headers} packed; a name or value of more than 65,535 UTF-8 bytes is cut there (at a character). */
    static RecordedHeaders of(Iterable<Map.Entry<String, String>> headers) {
        if (headers instanceof RecordedHeaders recorded) {
            return recorded;
        }
        int size = 0;
        for (Map.Entry<String, String> h : headers) {
            size += 4 + Math.min(MAX_BYTES, utf8Length(h.getKey())) + Math.min(MAX_BYTES, utf8Length(h.getValue()));
        }
        if (size == 0) {
            return NONE;
        }
        byte[] out = new byte[size];
        int at = 0;
        for (Map.Entry<String, String> h : headers) {
            at = put(out, at, h.getKey());
            at = put(out, at, h.getValue());
        }
        return new RecordedHeaders(at == size ? out : Arrays.copyOf(out, at));
    }

    private static int utf8Length(String s) {
        if (s == null) {
            return 0;
        }
        int n = s.length();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 0x80) {
                n += c < 0x800 ? 1 : Character.isSurrogate(c) ? 1 : 2; // a surrogate pair is 4 bytes for 2 chars
            }
        }
        return n;
    }

    /** Writes {@code s} with its length; cuts at {@link #MAX_BYTES} at a character boundary. */
    private static int put(byte[] out, int at, String s) {
        String value = s == null ? "" : s;
        int start = at + 2;
        int end = start;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x80) {
                if (end - start + 1 > MAX_BYTES) {
                    break;
                }
                out[end++] = (byte) c;
                continue;
            }
            int cp = value.codePointAt(i);
            byte[] bytes = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8);
            if (end - start + bytes.length > MAX_BYTES) {
                break;
            }
            System.arraycopy(bytes, 0, out, end, bytes.length);
            end += bytes.length;
            i += Character.charCount(cp) - 1;
        }
        int length = end - start;
        out[at] = (byte) (length >>> 8);
        out[at + 1] = (byte) length;
        return end;
    }

    @Override
    public Iterator<Map.Entry<String, String>> iterator() {
        return new Iterator<>() {
            private int at;

            @Override
            public boolean hasNext() {
                return at < packed.length;
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
                int length = ((packed[at] & 0xFF) << 8) | (packed[at + 1] & 0xFF);
                String s = new String(packed, at + 2, length, StandardCharsets.UTF_8);
                at += 2 + length;
                return s;
            }
        };
    }
}
