package com.aurouslabs.toolkit.mock.http;

import java.nio.charset.StandardCharsets;

/**
 * Makes text that came from a request safe as a response header value: every character outside printable
 * ASCII (controls, DEL, non-ASCII) is percent-encoded as UTF-8 ({@code "a\nb"} becomes {@code a%0Ab}), and the
 * value is cut at {@link #MAX_LENGTH} characters with a {@code ...} marker. Vert.x rejects control characters
 * in header values (a 500), and a 1 MiB field name must not become a 1 MiB header. {@code %} itself is kept, so
 * applying it twice changes nothing (the pipeline escapes each finding, the writer the whole header).
 */
public final class HeaderValues {

    /** Longest header value the mock writes from request data (the marker included). */
    public static final int MAX_LENGTH = 4096;
    static final String CUT = "...";
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private HeaderValues() {
    }

    /** {@code value} escaped and capped at {@link #MAX_LENGTH}; null stays null. */
    public static String safe(String value) {
        return safe(value, MAX_LENGTH);
    }

    /** {@code value} escaped and capped at {@code max} characters (at least 8). */
    public static String safe(String value, int max) {
        if (value == null) {
            return null;
        }
        int limit = Math.max(8, max);
        if (value.length() <= limit && printableAscii(value)) {
            return value; // nothing to escape or cut: no copy
        }
        StringBuilder out = new StringBuilder(Math.min(value.length(), limit) + 8);
        for (int i = 0; i < value.length() && out.length() <= limit; i++) {
            char c = value.charAt(i);
            if (c >= 0x20 && c < 0x7F) {
                out.append(c);
                continue;
            }
            int cp = value.codePointAt(i);
            if (Character.charCount(cp) == 2) {
                i++;
            }
            byte[] utf8 = Character.isValidCodePoint(cp) && !(cp >= 0xD800 && cp <= 0xDFFF)
                    ? new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8)
                    : new byte[] {(byte) 0xEF, (byte) 0xBF, (byte) 0xBD};
            for (byte b : utf8) {
                out.append('%').append(HEX[(b >> 4) & 0xF]).append(HEX[b & 0xF]);
            }
        }
        if (out.length() > limit) {
            out.setLength(limit - CUT.length());
            out.append(CUT);
        }
        return out.toString();
    }

    private static boolean printableAscii(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c >= 0x7F) {
                return false;
            }
        }
        return true;
    }
}
