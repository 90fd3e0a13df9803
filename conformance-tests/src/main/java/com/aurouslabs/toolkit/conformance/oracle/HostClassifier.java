package com.aurouslabs.toolkit.conformance.oracle;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.net.IDN;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The oracle's own reading of REF-URL-HOST-BLOCKED and REF-URL-NO-USERINFO, written from the catalog text: the
 * host is read as a WHATWG URL parser (the vendor runs Node's {@code new URL()}) reads it, then classified
 * without any DNS lookup.
 *
 * <ol>
 *   <li>leading/trailing C0 controls and spaces trimmed, ASCII tab and newlines removed;</li>
 *   <li>after {@code https:} any run of {@code /} and {@code \} is skipped; the authority ends at the first
 *       {@code /}, {@code \}, {@code ?} or {@code #}; userinfo is everything before the LAST {@code @};</li>
 *   <li>the host ends at the first {@code :} outside brackets; a bracketed host is an IPv6 literal;</li>
 *   <li>a domain is percent-decoded (UTF-8), IDNA-mapped ({@link IDN#toASCII}) when not ASCII, lowercased,
 *       checked for forbidden code points, trailing dots dropped;</li>
 *   <li>a host that "ends in a number" is an IPv4 address in the WHATWG spellings (1 to 4 parts, each decimal,
 *       {@code 0x} hex or {@code 0} octal, the last part filling the remaining bytes) or else invalid.</li>
 * </ol>
 *
 * A host the parser rejects is blocked (the catalog says so). The IPv6 literal is parsed by the JDK's literal
 * parser (bracketed, so it never resolves); the ranges are the catalog's list.
 */
public final class HostClassifier {

  /** WHATWG forbidden domain code points (forbidden host code points, C0 controls, %, DEL). */
  private static final String FORBIDDEN_DOMAIN = " #/:<>?@[\\]^|%\u007f";

  /** Metadata and local host names the catalog lists by name. */
  private static final Set<String> BLOCKED_NAMES = Set.of("localhost", "localhost.localdomain", "localhost6",
      "ip6-localhost", "ip6-loopback", "metadata", "instance-data", "metadata.google.internal", "metadata.aws.com");

  /** Name suffixes the catalog lists ({@code *.localhost}, {@code *.internal}, ...). */
  private static final List<String> BLOCKED_SUFFIXES = List.of(".localhost", ".internal", ".local", ".localdomain",
      ".home.arpa");

  /** Metadata IPv4 addresses outside the blocked ranges (169.254.169.254 and 169.254.170.2 are link-local). */
  private static final Set<Long> METADATA_V4 = Set.of(v4(100, 100, 100, 200), v4(168, 63, 129, 16));

  private HostClassifier() {}

  /** What the WHATWG parser makes of a URL's authority. */
  record Authority(boolean userInfo, String rawHost) {}

  /** The authority of an {@code https:} URL read the WHATWG way, or empty for another scheme / a non-URL. */
  static Optional<Authority> authority(String url) {
    String s = clean(url);
    int colon = s.indexOf(':');
    if (colon <= 0 || !s.substring(0, colon).equalsIgnoreCase("https")) {
      return Optional.empty();
    }
    int i = colon + 1;
    while (i < s.length() && (s.charAt(i) == '/' || s.charAt(i) == '\\')) {
      i++;
    }
    int end = i;
    while (end < s.length() && "/\\?#".indexOf(s.charAt(end)) < 0) {
      end++;
    }
    String auth = s.substring(i, end);
    int at = auth.lastIndexOf('@');
    String hostPort = auth.substring(at + 1);
    boolean inBrackets = false;
    int hostEnd = hostPort.length();
    for (int k = 0; k < hostPort.length(); k++) {
      char c = hostPort.charAt(k);
      if (c == '[') {
        inBrackets = true;
      } else if (c == ']') {
        inBrackets = false;
      } else if (c == ':' && !inBrackets) {
        hostEnd = k;
        break;
      }
    }
    return Optional.of(new Authority(at >= 0, hostPort.substring(0, hostEnd)));
  }

  /** Trims leading/trailing C0 controls and spaces, removes ASCII tab, LF and CR (WHATWG basic URL parser). */
  private static String clean(String url) {
    int start = 0;
    int end = url.length();
    while (start < end && url.charAt(start) <= 0x20) {
      start++;
    }
    while (end > start && url.charAt(end - 1) <= 0x20) {
      end--;
    }
    return url.substring(start, end).replaceAll("[\t\n\r]", "");
  }

  /** REF-URL-NO-USERINFO: anything (even nothing) before an {@code @} in the authority. */
  public static boolean hasUserInfo(String url) {
    return authority(url).map(Authority::userInfo).orElse(false);
  }

  /** REF-URL-HOST-BLOCKED for an https URL (false for other schemes: REF-ITEM-FORM decides those). */
  public static boolean isBlocked(String url) {
    return authority(url).map(a -> isBlockedHost(a.rawHost())).orElse(false);
  }

  /** The verdict on a host as it appears in the URL (brackets kept, port removed). */
  public static boolean isBlockedHost(String rawHost) {
    if (rawHost.startsWith("[")) {
      if (!rawHost.endsWith("]")) {
        return true; // invalid IPv6 literal
      }
      return blockedV6(rawHost.substring(1, rawHost.length() - 1));
    }
    Optional<String> domain = domain(rawHost);
    if (domain.isEmpty()) {
      return true; // rejected by the parser
    }
    String h = domain.get();
    while (h.endsWith(".")) {
      h = h.substring(0, h.length() - 1);
    }
    if (h.isEmpty()) {
      return true; // empty host
    }
    if (endsInANumber(h)) {
      Optional<Long> v4 = parseIpv4(h);
      return v4.isEmpty() || blockedV4(v4.get()); // an invalid IPv4 literal is rejected by the parser
    }
    if (!h.contains(".")) {
      return true; // single-label name (intranet search domains)
    }
    return BLOCKED_NAMES.contains(h) || BLOCKED_SUFFIXES.stream().anyMatch(h::endsWith);
  }

  /** Percent-decode (UTF-8), IDNA-map non-ASCII, lowercase; empty when the parser would reject the domain. */
  static Optional<String> domain(String raw) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    byte[] in = raw.getBytes(StandardCharsets.UTF_8);
    for (int i = 0; i < in.length; i++) {
      if (in[i] == '%' && i + 2 < in.length && hex(in[i + 1]) >= 0 && hex(in[i + 2]) >= 0) {
        bytes.write(hex(in[i + 1]) * 16 + hex(in[i + 2]));
        i += 2;
      } else {
        bytes.write(in[i]); // a lone % stays, and is a forbidden code point below
      }
    }
    String decoded;
    try {
      decoded = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
    } catch (CharacterCodingException e) {
      return Optional.empty(); // U+FFFD after decoding is disallowed by UTS 46
    }
    String ascii = decoded;
    if (!decoded.chars().allMatch(c -> c < 0x80)) {
      try {
        ascii = IDN.toASCII(decoded, IDN.ALLOW_UNASSIGNED);
      } catch (IllegalArgumentException e) {
        return Optional.empty();
      }
    }
    ascii = ascii.toLowerCase(Locale.ROOT);
    for (int i = 0; i < ascii.length(); i++) {
      char c = ascii.charAt(i);
      if (c < 0x20 || FORBIDDEN_DOMAIN.indexOf(c) >= 0 || c >= 0x80) {
        return Optional.empty();
      }
    }
    return Optional.of(ascii);
  }

  private static int hex(byte b) {
    return Character.digit((char) b, 16);
  }

  /** WHATWG "ends in a number": the last label is all digits or parses as an IPv4 number (0x...). */
  static boolean endsInANumber(String h) {
    String last = h.substring(h.lastIndexOf('.') + 1);
    return (!last.isEmpty() && last.chars().allMatch(c -> c >= '0' && c <= '9')) || ipv4Number(last) != null;
  }

  /** WHATWG IPv4 parser: 1 to 4 parts; all but the last at most 255; the last fills the remaining bytes. */
  static Optional<Long> parseIpv4(String h) {
    String[] parts = h.split("\\.", -1);
    if (parts.length > 4) {
      return Optional.empty();
    }
    BigInteger[] vals = new BigInteger[parts.length];
    for (int i = 0; i < parts.length; i++) {
      vals[i] = ipv4Number(parts[i]);
      if (vals[i] == null) {
        return Optional.empty();
      }
    }
    long addr = 0;
    for (int i = 0; i < vals.length - 1; i++) {
      if (vals[i].compareTo(BigInteger.valueOf(255)) > 0) {
        return Optional.empty();
      }
      addr |= vals[i].longValue() << (24 - 8 * i);
    }
    BigInteger last = vals[vals.length - 1];
    if (last.compareTo(BigInteger.ONE.shiftLeft(8 * (5 - vals.length))) >= 0) {
      return Optional.empty();
    }
    return Optional.of(addr | last.longValue());
  }

  /** WHATWG IPv4 number parser: 0x/0X = hex (may be empty), leading 0 = octal, else decimal; null = failure. */
  static BigInteger ipv4Number(String p) {
    if (p.isEmpty()) {
      return null;
    }
    int radix = 10;
    String digits = p;
    if (p.length() >= 2 && (p.startsWith("0x") || p.startsWith("0X"))) {
      radix = 16;
      digits = p.substring(2);
    } else if (p.length() >= 2 && p.startsWith("0")) {
      radix = 8;
      digits = p.substring(1);
    }
    if (digits.isEmpty()) {
      return BigInteger.ZERO;
    }
    for (int i = 0; i < digits.length(); i++) {
      if (Character.digit(digits.charAt(i), radix) < 0 || digits.charAt(i) > 0x7f) {
        return null;
      }
    }
    return new BigInteger(digits, radix);
  }

  /** The catalog's IPv4 ranges and metadata addresses. */
  static boolean blockedV4(long a) {
    int b0 = (int) (a >>> 24);
    int b1 = (int) ((a >>> 16) & 0xff);
    return b0 == 0 // unspecified / this network 0/8
        || b0 == 10 || (b0 == 172 && b1 >= 16 && b1 <= 31) || (b0 == 192 && b1 == 168) // private
        || b0 == 127 // loopback
        || (b0 == 169 && b1 == 254) // link-local, incl. 169.254.169.254 and 169.254.170.2
        || (b0 == 100 && b1 >= 64 && b1 <= 127) // shared 100.64/10
        || b0 >= 224 // multicast 224/4, reserved 240/4, broadcast
        || METADATA_V4.contains(a);
  }

  /** An IPv6 literal (without brackets): invalid, zoned, or in / embedding a blocked range. */
  static boolean blockedV6(String literal) {
    if (literal.isEmpty() || literal.contains("%") || !literal.contains(":")) {
      return true; // zoned (WHATWG rejects the zone, the catalog blocks it) or not an IPv6 literal
    }
    for (int i = 0; i < literal.length(); i++) {
      char c = literal.charAt(i);
      if (!(Character.digit(c, 16) >= 0 && c < 0x80) && c != ':' && c != '.') {
        return true;
      }
    }
    InetAddress addr;
    try {
      addr = InetAddress.getByName("[" + literal + "]"); // bracketed: parsed as a literal, never resolved
    } catch (UnknownHostException e) {
      return true; // invalid IPv6 literal
    }
    byte[] b = addr.getAddress();
    if (addr instanceof Inet4Address) { // the JDK returns ::ffff:a.b.c.d as IPv4
      return blockedV4(v4(b, 0));
    }
    int first = b[0] & 0xff;
    int second = b[1] & 0xff;
    if ((first & 0xfe) == 0xfc) {
      return true; // private fc00::/7 (includes the metadata fd00:ec2::254)
    }
    if (first == 0xfe && (second & 0x80) == 0x80) {
      return true; // link-local fe80::/10 and site-local fec0::/10
    }
    if (first == 0xff) {
      return true; // multicast ff00::/8
    }
    if (zero(b, 0, 12)) {
      return blockedV4(v4(b, 12)); // ::, ::1 (0.0.0.0/8) and IPv4-compatible ::a.b.c.d
    }
    if (zero(b, 0, 10) && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) {
      return blockedV4(v4(b, 12)); // IPv4-mapped ::ffff:a.b.c.d
    }
    if (zero(b, 0, 8) && (b[8] & 0xff) == 0xff && (b[9] & 0xff) == 0xff && zero(b, 10, 12)) {
      return blockedV4(v4(b, 12)); // IPv4-translated ::ffff:0:a.b.c.d
    }
    if (prefix(b, 0x00, 0x64, 0xff, 0x9b) && zero(b, 4, 12)) {
      return blockedV4(v4(b, 12)); // NAT64 64:ff9b::/96
    }
    if (prefix(b, 0x00, 0x64, 0xff, 0x9b, 0x00, 0x01)) {
      return true; // reserved local-use NAT64 64:ff9b:1::/48
    }
    if (prefix(b, 0x01, 0x00) && zero(b, 2, 8)) {
      return true; // reserved discard-only 100::/64
    }
    if (prefix(b, 0x20, 0x02)) {
      return blockedV4(v4(b, 2)); // 6to4 2002:AABB:CCDD::/48
    }
    if (prefix(b, 0x20, 0x01, 0x00, 0x00)) {
      return blockedV4(~v4(b, 12) & 0xffffffffL); // Teredo 2001::/32: the client address, inverted
    }
    return false;
  }

  private static boolean zero(byte[] b, int from, int to) {
    for (int i = from; i < to; i++) {
      if (b[i] != 0) {
        return false;
      }
    }
    return true;
  }

  private static boolean prefix(byte[] b, int... bytes) {
    for (int i = 0; i < bytes.length; i++) {
      if ((b[i] & 0xff) != bytes[i]) {
        return false;
      }
    }
    return true;
  }

  private static long v4(byte[] b, int off) {
    return ((b[off] & 0xffL) << 24) | ((b[off + 1] & 0xffL) << 16) | ((b[off + 2] & 0xffL) << 8) | (b[off + 3] & 0xffL);
  }

  private static long v4(int a, int b, int c, int d) {
    return ((long) a << 24) | ((long) b << 16) | ((long) c << 8) | d;
  }
}
