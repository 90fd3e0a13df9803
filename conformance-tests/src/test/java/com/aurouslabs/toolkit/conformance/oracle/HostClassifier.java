package com.aurouslabs.toolkit.conformance.oracle;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.URLDecoder;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * The oracle's reading of REF-URL-HOST-BLOCKED and REF-URL-NO-USERINFO: classifies the host of an https URL
 * without any DNS lookup. IPv4 is parsed in every inet_aton spelling (dotted, decimal, octal, hex, short forms);
 * IPv6 literals (mapped, compatible, NAT64, 6to4 included) by the JDK's literal parser, which never resolves.
 */
public final class HostClassifier {

  private HostClassifier() {}

  /** The authority part of {@code https://authority/path}, or empty for a non-URL. */
  static Optional<String> authority(String url) {
    int s = url.indexOf("://");
    if (s < 0) {
      return Optional.empty();
    }
    String rest = url.substring(s + 3);
    int end = rest.length();
    for (char c : new char[] {'/', '?', '#'}) {
      int i = rest.indexOf(c);
      if (i >= 0 && i < end) {
        end = i;
      }
    }
    return Optional.of(rest.substring(0, end));
  }

  public static boolean hasUserInfo(String url) {
    return authority(url).map(a -> a.contains("@")).orElse(false);
  }

  /** The host as written (brackets of IPv6 removed, port removed), after userinfo. */
  static Optional<String> host(String url) {
    return authority(url).map(a -> {
      String h = a.substring(a.lastIndexOf('@') + 1);
      if (h.startsWith("[")) {
        int close = h.indexOf(']');
        return close > 0 ? h.substring(0, close + 1) : h;
      }
      int colon = h.lastIndexOf(':');
      return colon >= 0 ? h.substring(0, colon) : h;
    });
  }

  public static boolean isBlocked(String url) {
    return host(url).map(HostClassifier::isBlockedHost).orElse(false);
  }

  public static boolean isBlockedHost(String rawHost) {
    String h = rawHost;
    if (h.contains("%")) {
      try {
        h = URLDecoder.decode(h.replace("+", "%2B"), StandardCharsets.UTF_8);
      } catch (IllegalArgumentException e) {
        return false; // not decodable: REF-ITEM-FORM territory, not a host decision
      }
    }
    h = h.toLowerCase(Locale.ROOT);
    while (h.endsWith(".")) {
      h = h.substring(0, h.length() - 1);
    }
    if (h.startsWith("[") && h.endsWith("]")) {
      return blockedV6(h.substring(1, h.length() - 1));
    }
    Optional<long[]> v4 = parseInetAton(h);
    if (v4.isPresent()) {
      return blockedV4(v4.get()[0]);
    }
    return h.equals("localhost") || h.endsWith(".localhost") || h.equals("metadata")
        || h.equals("metadata.google.internal") || h.equals("metadata.aws.com") || h.equals("instance-data")
        || h.endsWith(".internal");
  }

  /** inet_aton: 1 to 4 parts, each decimal, 0x-hex or 0-octal; the last part fills the remaining bytes. */
  static Optional<long[]> parseInetAton(String h) {
    if (h.isEmpty() || h.endsWith(".") || !h.matches("[0-9a-fx.]+")) {
      return Optional.empty();
    }
    String[] parts = h.split("\\.", -1);
    if (parts.length > 4) {
      return Optional.empty();
    }
    long[] vals = new long[parts.length];
    for (int i = 0; i < parts.length; i++) {
      String p = parts[i];
      try {
        if (p.startsWith("0x")) {
          vals[i] = p.length() == 2 ? 0 : Long.parseLong(p.substring(2), 16);
        } else if (p.length() > 1 && p.startsWith("0")) {
          vals[i] = Long.parseLong(p.substring(1), 8);
        } else {
          vals[i] = Long.parseLong(p);
        }
      } catch (NumberFormatException e) {
        return Optional.empty();
      }
    }
    long addr = 0;
    for (int i = 0; i < vals.length - 1; i++) {
      if (vals[i] > 255) {
        return Optional.empty();
      }
      addr |= vals[i] << (24 - 8 * i);
    }
    long last = vals[vals.length - 1];
    int remainingBytes = 4 - (vals.length - 1);
    if (last >= (1L << (8 * remainingBytes))) {
      return Optional.empty();
    }
    return Optional.of(new long[] {addr | last});
  }

  static boolean blockedV4(long a) {
    int b0 = (int) (a >>> 24);
    int b1 = (int) ((a >>> 16) & 0xff);
    return b0 == 0 || b0 == 10 || b0 == 127 || b0 >= 224 // unspecified, private, loopback, multicast/reserved/bcast
        || (b0 == 172 && b1 >= 16 && b1 <= 31) || (b0 == 192 && b1 == 168) || (b0 == 169 && b1 == 254)
        || (b0 == 100 && b1 >= 64 && b1 <= 127);
  }

  static boolean blockedV6(String literal) {
    if (!literal.contains(":")) {
      return false;
    }
    String noZone = literal.contains("%") ? literal.substring(0, literal.indexOf('%')) : literal;
    InetAddress addr;
    try {
      addr = InetAddress.getByName(noZone); // a literal with ':' is parsed, never resolved
    } catch (UnknownHostException e) {
      return false;
    }
    byte[] b = addr.getAddress();
    if (addr instanceof Inet4Address) { // ::ffff:a.b.c.d is returned as IPv4 by the JDK
      return blockedV4(v4(b, 0));
    }
    boolean zero96 = true;
    for (int i = 0; i < 12; i++) {
      zero96 &= b[i] == 0;
    }
    if (zero96) { // ::, ::1 and IPv4-compatible ::a.b.c.d
      return true;
    }
    int first = b[0] & 0xff;
    int second = b[1] & 0xff;
    if ((first & 0xfe) == 0xfc || (first == 0xfe && (second & 0xc0) == 0x80) || first == 0xff) {
      return true; // fc00::/7, fe80::/10, ff00::/8
    }
    boolean mapped = true;
    for (int i = 0; i < 10; i++) {
      mapped &= b[i] == 0;
    }
    if (mapped && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) {
      return blockedV4(v4(b, 12));
    }
    if (first == 0x00 && second == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b) { // 64:ff9b::/96
      return blockedV4(v4(b, 12));
    }
    if (first == 0x20 && second == 0x02) { // 6to4 2002:AABB:CCDD::
      return blockedV4(v4(b, 2));
    }
    return false;
  }

  private static long v4(byte[] b, int off) {
    return ((b[off] & 0xffL) << 24) | ((b[off + 1] & 0xffL) << 16) | ((b[off + 2] & 0xffL) << 8) | (b[off + 3] & 0xffL);
  }
}
