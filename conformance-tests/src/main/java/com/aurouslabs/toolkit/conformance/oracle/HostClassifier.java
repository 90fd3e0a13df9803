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
 * The oracle's own reading of REF-URL-HOST-BLOCKED, REF-URL-HOST-UNLISTED and REF-URL-NO-USERINFO, written from the
 * catalog text: the host is read as a WHATWG URL parser (the vendor runs Node's {@code new URL()}) reads it, then
 * sorted without any DNS lookup ({@link Listing}): public, listed by the vendor's SSRF list (any spelling of a listed
 * address, a zone id on one, an IPv4-in-IPv6 embedding of one, localhost), or non-public but unlisted.
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
 * A host the parser rejects is unlisted (the catalog blocks it; the vendor's list does not name it). The IPv6 literal
 * is parsed by the JDK's literal parser (bracketed, so it never resolves); the ranges are the catalog's lists.
 */
public final class HostClassifier {

  /** How the catalog sorts a reference URL's host. */
  public enum Listing {
    /** Neither host rule refuses it. */
    PUBLIC,
    /** The vendor's SSRF list blocks it, in whatever spelling (REF-URL-HOST-BLOCKED, documented). */
    LISTED,
    /** Non-public, but the vendor's list does not name it (REF-URL-HOST-UNLISTED, this project's decision). */
    UNLISTED
  }

  /** WHATWG forbidden domain code points (forbidden host code points, C0 controls, %, DEL). */
  private static final String FORBIDDEN_DOMAIN = " #/:<>?@[\\]^|%\u007f";

  /** Host names the vendor's list gives, and localhost (loopback, which the list blocks by resolved IP). */
  private static final Set<String> LISTED_NAMES = Set.of("localhost", "metadata.google.internal", "metadata.aws.com");

  /** Metadata and local host names REF-URL-HOST-UNLISTED names. */
  private static final Set<String> UNLISTED_NAMES = Set.of("localhost.localdomain", "localhost6",
      "localhost6.localdomain6", "ip6-localhost", "ip6-loopback", "metadata", "instance-data");

  /** Name suffixes REF-URL-HOST-UNLISTED names ({@code *.internal}, ...); {@code *.localhost} is listed. */
  private static final List<String> UNLISTED_SUFFIXES = List.of(".internal", ".local", ".localdomain", ".home.arpa");

  /** Metadata IPv4 addresses outside the listed ranges (169.254.169.254 and 169.254.170.2 are link-local). */
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

  /** The listing of an https URL's host (PUBLIC for other schemes: REF-ITEM-FORM decides those). */
  public static Listing listing(String url) {
    return authority(url).map(a -> listingOfHost(a.rawHost())).orElse(Listing.PUBLIC);
  }

  /** REF-URL-HOST-BLOCKED or REF-URL-HOST-UNLISTED refuses the URL (false for other schemes). */
  public static boolean isBlocked(String url) {
    return listing(url) != Listing.PUBLIC;
  }

  /** The listing of a host as it appears in the URL (brackets kept, port removed). */
  public static Listing listingOfHost(String rawHost) {
    if (rawHost.startsWith("[")) {
      if (!rawHost.endsWith("]")) {
        return Listing.UNLISTED; // invalid IPv6 literal
      }
      return listingV6(rawHost.substring(1, rawHost.length() - 1));
    }
    Optional<String> domain = domain(rawHost);
    if (domain.isEmpty()) {
      return Listing.UNLISTED; // rejected by the parser
    }
    String h = domain.get();
    while (h.endsWith(".")) {
      h = h.substring(0, h.length() - 1);
    }
    if (h.isEmpty()) {
      return Listing.UNLISTED; // empty host
    }
    if (endsInANumber(h)) {
      Optional<Long> v4 = parseIpv4(h);
      return v4.isEmpty() ? Listing.UNLISTED : listingV4(v4.get()); // an invalid IPv4 literal: the parser rejects it
    }
    if (LISTED_NAMES.contains(h) || h.endsWith(".localhost")) {
      return Listing.LISTED;
    }
    if (!h.contains(".")) {
      return Listing.UNLISTED; // single-label name (intranet search domains)
    }
    return UNLISTED_NAMES.contains(h) || UNLISTED_SUFFIXES.stream().anyMatch(h::endsWith) ? Listing.UNLISTED
        : Listing.PUBLIC;
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

  /** The vendor's IPv4 ranges (listed), then the catalog's other ranges and metadata addresses (unlisted). */
  static Listing listingV4(long a) {
    int b0 = (int) (a >>> 24);
    int b1 = (int) ((a >>> 16) & 0xff);
    if (b0 == 10 || (b0 == 172 && b1 >= 16 && b1 <= 31) || (b0 == 192 && b1 == 168) // private
        || b0 == 127 // loopback
        || (b0 == 169 && b1 == 254) // link-local, incl. 169.254.169.254 and 169.254.170.2
        || b0 >= 224) { // multicast 224/4, reserved 240/4 (incl. broadcast)
      return Listing.LISTED;
    }
    if (b0 == 0 // unspecified / this network 0/8
        || (b0 == 100 && b1 >= 64 && b1 <= 127) // shared 100.64/10
        || METADATA_V4.contains(a)) {
      return Listing.UNLISTED;
    }
    return Listing.PUBLIC;
  }

  /** An IPv6 literal (without brackets): invalid, zoned, or in / embedding a blocked range. */
  static Listing listingV6(String literal) {
    int zone = literal.indexOf('%');
    if (zone >= 0) {
      // WHATWG rejects a zone id: on a listed address it is a spelling of that address, else the catalog's own block
      return listingV6(literal.substring(0, zone)) == Listing.LISTED ? Listing.LISTED : Listing.UNLISTED;
    }
    if (literal.isEmpty() || !literal.contains(":")) {
      return Listing.UNLISTED; // not an IPv6 literal
    }
    for (int i = 0; i < literal.length(); i++) {
      char c = literal.charAt(i);
      if (!(Character.digit(c, 16) >= 0 && c < 0x80) && c != ':' && c != '.') {
        return Listing.UNLISTED;
      }
    }
    InetAddress addr;
    try {
      addr = InetAddress.getByName("[" + literal + "]"); // bracketed: parsed as a literal, never resolved
    } catch (UnknownHostException e) {
      return Listing.UNLISTED; // invalid IPv6 literal
    }
    byte[] b = addr.getAddress();
    if (addr instanceof Inet4Address) { // the JDK returns ::ffff:a.b.c.d as IPv4
      return listingV4(v4(b, 0));
    }
    int first = b[0] & 0xff;
    int second = b[1] & 0xff;
    if ((first & 0xfe) == 0xfc) {
      return Listing.LISTED; // private fc00::/7 (includes the metadata fd00:ec2::254)
    }
    if (first == 0xfe && (second & 0xc0) == 0x80) {
      return Listing.LISTED; // link-local fe80::/10
    }
    if (first == 0xfe && (second & 0xc0) == 0xc0) {
      return Listing.UNLISTED; // site-local fec0::/10
    }
    if (first == 0xff) {
      return Listing.UNLISTED; // multicast ff00::/8 (the list names IPv4 multicast only)
    }
    if (zero(b, 0, 15) && b[15] == 1) {
      return Listing.LISTED; // loopback ::1
    }
    if (zero(b, 0, 12)) {
      return listingV4(v4(b, 12)); // :: (0.0.0.0/8) and IPv4-compatible ::a.b.c.d
    }
    if (zero(b, 0, 10) && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) {
      return listingV4(v4(b, 12)); // IPv4-mapped ::ffff:a.b.c.d
    }
    if (zero(b, 0, 8) && (b[8] & 0xff) == 0xff && (b[9] & 0xff) == 0xff && zero(b, 10, 12)) {
      return listingV4(v4(b, 12)); // IPv4-translated ::ffff:0:a.b.c.d
    }
    if (prefix(b, 0x00, 0x64, 0xff, 0x9b) && zero(b, 4, 12)) {
      return listingV4(v4(b, 12)); // NAT64 64:ff9b::/96
    }
    if (prefix(b, 0x00, 0x64, 0xff, 0x9b, 0x00, 0x01)) {
      return Listing.UNLISTED; // reserved local-use NAT64 64:ff9b:1::/48
    }
    if (prefix(b, 0x01, 0x00) && zero(b, 2, 8)) {
      return Listing.UNLISTED; // reserved discard-only 100::/64
    }
    if (prefix(b, 0x20, 0x02)) {
      return listingV4(v4(b, 2)); // 6to4 2002:AABB:CCDD::/48
    }
    if (prefix(b, 0x20, 0x01, 0x00, 0x00)) {
      // Teredo 2001::/32: the client address (inverted) is where a fetch goes; the server part is no spelling of it
      Listing client = listingV4(~v4(b, 12) & 0xffffffffL);
      return client != Listing.PUBLIC ? client
          : listingV4(v4(b, 4)) == Listing.PUBLIC ? Listing.PUBLIC : Listing.UNLISTED;
    }
    return Listing.PUBLIC;
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
