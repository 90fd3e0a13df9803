package com.aurouslabs.toolkit.mock.rules;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The authority of an https reference URL, split the way a WHATWG URL parser would: the authority ends at the
 * first {@code / ? #} or backslash; userinfo is everything before the last {@code @}; the host loses its port,
 * IPv6 brackets, percent-encoding, case and trailing dots.
 */
public record ReferenceUrl(String authority, String userinfo, String host) {

    public static ReferenceUrl parse(String url) {
        int start = url.indexOf("://");
        start = start < 0 ? 0 : start + 3;
        int end = url.length();
        for (int i = start; i < url.length(); i++) {
            char ch = url.charAt(i);
            if (ch == '/' || ch == '?' || ch == '#' || ch == '\\') {
                end = i;
                break;
            }
        }
        String authority = url.substring(start, end);
        int at = authority.lastIndexOf('@');
        String userinfo = at >= 0 ? authority.substring(0, at) : null;
        String hostPort = at >= 0 ? authority.substring(at + 1) : authority;
        String host;
        if (hostPort.startsWith("[")) {
            int close = hostPort.indexOf(']');
            host = close > 0 ? hostPort.substring(1, close) : hostPort.substring(1);
        } else {
            int colon = hostPort.lastIndexOf(':');
            host = colon >= 0 ? hostPort.substring(0, colon) : hostPort;
        }
        host = percentDecode(host).toLowerCase(Locale.ROOT);
        while (host.endsWith(".")) {
            host = host.substring(0, host.length() - 1);
        }
        return new ReferenceUrl(authority, userinfo, host);
    }

    public boolean hasUserinfo() {
        return userinfo != null;
    }

    static String percentDecode(String s) {
        if (s.indexOf('%') < 0) {
            return s;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(s.length());
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch == '%' && i + 2 < s.length() + 0 && i + 2 <= s.length() - 1
                    && Character.digit(s.charAt(i + 1), 16) >= 0 && Character.digit(s.charAt(i + 2), 16) >= 0) {
                out.write(Character.digit(s.charAt(i + 1), 16) * 16 + Character.digit(s.charAt(i + 2), 16));
                i += 2;
            } else {
                byte[] b = String.valueOf(ch).getBytes(StandardCharsets.UTF_8);
                out.write(b, 0, b.length);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
