package com.aurouslabs.toolkit.mock.rules;

import inet.ipaddr.AddressStringParameters.RangeParameters;
import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;
import inet.ipaddr.IPAddressStringParameters;
import inet.ipaddr.ipv4.IPv4Address;
import inet.ipaddr.ipv4.IPv4AddressStringParameters;
import inet.ipaddr.ipv6.IPv6Address;
import inet.ipaddr.ipv6.IPv6AddressStringParameters;
import java.io.ByteArrayOutputStream;
import java.net.IDN;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import com.aurouslabs.toolkit.mock.rules.BlockedHost.HostClass;
import com.aurouslabs.toolkit.mock.rules.BlockedHost.HostForm;

/**
 * SSRF host policy for {@code reference_image_urls}, evaluated purely lexically (never any DNS
 * lookup), mirroring how the vendor's Node.js fetcher ({@code new URL()}, WHATWG URL Standard)
 * would see the host and then refusing every non-public destination in our catalog.
 *
 * <h2>Parsing (WHATWG semantics, special schemes)</h2>
 *
 * <ol>
 *   <li>Leading/trailing C0 controls and spaces are trimmed; every tab, LF and CR anywhere is
 *       removed (the URL Standard does this before parsing, so {@code 127.0.0.\n1} is loopback).
 *   <li>The scheme is matched case-insensitively; for the special schemes ({@code https}, {@code
 *       http}, {@code wss}, {@code ws}, {@code ftp}) any run of {@code /} or {@code \} after the
 *       colon is skipped. Any other scheme is blocked (its host cannot be judged).
 *   <li>The authority ends at the first {@code /}, {@code \}, {@code ?} or {@code #}. Userinfo is
 *       everything before the <em>last</em> {@code @}; {@link #hasUserInfo} is true whenever an
 *       {@code @} is present, even with empty userinfo ({@code https://@example.com/}).
 *   <li>The host ends at the first {@code :} outside {@code [...]} (that is where the WHATWG host
 *       state switches to the port state; any further {@code :} makes the port invalid). The port
 *       itself is not judged here.
 *   <li>Bracketed hosts are IPv6 literals (no percent-decoding, exactly as WHATWG). A zone id
 *       ({@code %25eth0} or {@code %eth0}) is not valid WHATWG syntax; we strip it, classify the
 *       address, and if that address is otherwise public still block it as a scoped address.
 *   <li>Other hosts are percent-decoded, UTF-8 decoded, and, when non-ASCII, run through IDNA
 *       ({@link IDN#toASCII}, which applies NFKC mapping, so full-width digits, U+3002 dots and
 *       circled letters collapse to ASCII just as UTS&nbsp;46 does in Node). They are then
 *       lowercased and <em>all</em> trailing dots are removed (WHATWG's IPv4 parser drops one; we
 *       drop every one, conservatively).
 *   <li>A host that contains a WHATWG forbidden domain code point, is empty, or fails IDNA is
 *       blocked as an invalid host (Node would reject the URL, so nothing public is lost).
 *   <li>If the last label "ends in a number" (all ASCII digits, or {@code 0x} + hex digits), the
 *       host is an IPv4 literal in WHATWG's sense and is parsed with the IPAddress library's
 *       inet_aton options (decimal, octal with leading 0, hex with 0x, 1-4 parts, last part
 *       filling the remaining bytes). If that parse fails the URL is invalid in Node and is
 *       blocked as an invalid IPv4 literal.
 *   <li>Otherwise the host is a name: only the names in the catalog below are blocked; every
 *       other name is public (no DNS, so {@code 127.0.0.1.nip.example} is allowed).
 * </ol>
 *
 * <h2>Blocked catalog</h2>
 *
 * IPv4: 0.0.0.0/8, 10.0.0.0/8, 100.64.0.0/10, 127.0.0.0/8, 169.254.0.0/16, 172.16.0.0/12,
 * 192.168.0.0/16, 224.0.0.0/4, 240.0.0.0/4 (incl. 255.255.255.255), and the metadata endpoints
 * 169.254.169.254, 169.254.170.2, 100.100.100.200, 168.63.129.16. IPv6: ::, ::1, fe80::/10,
 * fec0::/10, fc00::/7 (incl. AWS fd00:ec2::254), ff00::/8, 100::/64, 64:ff9b:1::/48, plus every
 * IPv4 embedded by IPv4-mapped (::ffff:0:0/96), IPv4-compatible (::/96), IPv4-translated
 * (::ffff:0:0:0/96), NAT64 (64:ff9b::/96), 6to4 (2002::/16) and Teredo (2001::/32, server and
 * de-obfuscated client). Names: {@code localhost}, {@code *.localhost}, {@code
 * localhost.localdomain}, {@code localhost6}, {@code ip6-localhost}, {@code ip6-loopback}, {@code
 * metadata}, {@code instance-data}, {@code metadata.google.internal}, {@code metadata.aws.com},
 * {@code *.internal}, {@code *.local} (mDNS), {@code *.localdomain}, {@code *.home.arpa}, and any
 * single-label name (resolved through intranet search domains, never a public host).
 *
 * <p>Which of these the vendor's SSRF list names ({@link BlockedHost#listed()}, REF-URL-HOST-BLOCKED): 127/8, ::1,
 * 169.254/16 (so 169.254.169.254 and 169.254.170.2), fe80::/10, 10/8, 172.16/12, 192.168/16, fc00::/7 (so
 * fd00:ec2::254), 224/4, 240/4 (so 255.255.255.255), metadata.google.internal, metadata.aws.com, and localhost and
 * {@code *.localhost} (they resolve to loopback); a zone id on a listed address, and an IPv4-in-IPv6 embedding of a
 * listed IPv4 address (Teredo: its client), are spellings of it. Everything else above is blocked by this project's
 * decision only (REF-URL-HOST-UNLISTED): 0/8, ::, 100.64/10, fec0::/10, ff00::/8, 100::/64, 64:ff9b:1::/48,
 * 100.100.100.200, 168.63.129.16, a Teredo server part, a zone id on a public address, the other names, single-label
 * names and every host Node's parser rejects.
 *
 * <p>Documentation and benchmarking ranges (192.0.2.0/24, 198.51.100.0/24, 203.0.113.0/24,
 * 198.18.0.0/15, 2001:db8::/32) are deliberately <em>not</em> blocked: they are not in the vendor
 * list and are unreachable rather than internal.
 *
 * <p>Instances are immutable and thread-safe. No method ever throws: any unexpected failure while
 * judging a URL blocks it ({@code "unparseable URL"}).
 */
public final class IpAddressReferenceHostPolicy implements ReferenceHostPolicy {

    private static final Set<String> SPECIAL_SCHEMES = Set.of("https", "http", "wss", "ws", "ftp");

    /**
     * The parsed address tables, built on the first URL judged (not at start-up: most mocks never see a reference
     * URL, and the ipaddress classes cost start-up time).
     */
    private static final class Tables {
        /** IPv4 as WHATWG accepts it: inet_aton forms, no ranges, wildcards, prefixes or masks. */
        private static final IPAddressStringParameters IPV4_PARAMS = ipv4Params();

        /** IPv6 inside brackets: standard and mixed (dotted-quad tail) forms only. */
        private static final IPAddressStringParameters IPV6_PARAMS = ipv6Params();

        private static final List<Block> BLOCKS =
                List.of(
                        // Most specific first: the first match names the reason; true = the vendor's list names it.
                        block("169.254.169.254/32", HostClass.METADATA, true, "cloud metadata address"),
                        block("169.254.170.2/32", HostClass.METADATA, true, "cloud metadata address"),
                        block("100.100.100.200/32", HostClass.METADATA, false, "cloud metadata address"),
                        block("168.63.129.16/32", HostClass.METADATA, false, "cloud metadata address"),
                        block("fd00:ec2::254/128", HostClass.METADATA, true, "cloud metadata address"),
                        block("255.255.255.255/32", HostClass.BROADCAST, true, "broadcast address"),
                        block("0.0.0.0/8", HostClass.UNSPECIFIED, false, "unspecified address"),
                        block("10.0.0.0/8", HostClass.PRIVATE, true, "private address"),
                        block("172.16.0.0/12", HostClass.PRIVATE, true, "private address"),
                        block("192.168.0.0/16", HostClass.PRIVATE, true, "private address"),
                        block("100.64.0.0/10", HostClass.SHARED, false, "shared (carrier-grade NAT) address"),
                        block("127.0.0.0/8", HostClass.LOOPBACK, true, "loopback address"),
                        block("169.254.0.0/16", HostClass.LINK_LOCAL, true, "link-local address"),
                        block("224.0.0.0/4", HostClass.MULTICAST, true, "multicast address"),
                        block("240.0.0.0/4", HostClass.RESERVED, true, "reserved address"),
                        block("::/128", HostClass.UNSPECIFIED, false, "unspecified address"),
                        block("::1/128", HostClass.LOOPBACK, true, "loopback address"),
                        block("fe80::/10", HostClass.LINK_LOCAL, true, "link-local address"),
                        block("fec0::/10", HostClass.SITE_LOCAL, false, "site-local address"),
                        block("fc00::/7", HostClass.UNIQUE_LOCAL, true, "private (unique local) address"),
                        block("ff00::/8", HostClass.MULTICAST, false, "multicast address"),
                        block("100::/64", HostClass.DISCARD, false, "discard-only address"),
                        block("64:ff9b:1::/48", HostClass.PRIVATE, false, "private (local-use NAT64) address"));

        private static final IPAddress IPV4_TRANSLATED = parseCidr("::ffff:0:0:0/96");
    }

    /** Loopback names the vendor's list does not name ({@code localhost} and {@code *.localhost} it blocks). */
    private static final Set<String> LOOPBACK_NAMES =
            Set.of(
                    "localhost.localdomain",
                    "localhost6",
                    "localhost6.localdomain6",
                    "ip6-localhost",
                    "ip6-loopback");

    /** Metadata names the vendor's list gives. */
    private static final Set<String> LISTED_METADATA_NAMES = Set.of("metadata.google.internal", "metadata.aws.com");

    /** Metadata names it does not give. */
    private static final Set<String> METADATA_NAMES = Set.of("metadata", "instance-data");

    @Override
    public Optional<BlockedHost> blocked(String url) {
        if (url == null) {
            return Optional.of(invalid("missing URL"));
        }
        try {
            Authority authority = Authority.parse(url);
            if (authority == null) {
                return Optional.of(invalid("unparseable URL"));
            }
            if (!authority.special) {
                return Optional.of(invalid("unsupported scheme (host cannot be checked)"));
            }
            return classifyHost(authority.host);
        } catch (RuntimeException e) {
            return Optional.of(invalid("unparseable URL"));
        }
    }

    private static BlockedHost invalid(String reason) {
        return new BlockedHost(HostClass.INVALID, HostForm.UNPARSEABLE, false, reason);
    }

    private static BlockedHost invalidHost(String reason, HostForm form) {
        return new BlockedHost(HostClass.INVALID, form, false, reason);
    }

    @Override
    public boolean hasUserInfo(String url) {
        if (url == null) {
            return false;
        }
        try {
            Authority authority = Authority.parse(url);
            return authority != null && authority.hasUserInfo;
        } catch (RuntimeException e) {
            return false;
        }
    }

    // ---------------------------------------------------------------------------------------------
    // Host classification

    private static Optional<BlockedHost> classifyHost(String rawHost) {
        if (rawHost.isEmpty()) {
            return Optional.of(invalidHost("invalid host (empty)", HostForm.NAME));
        }
        if (rawHost.charAt(0) == '[') {
            if (rawHost.length() < 2 || rawHost.charAt(rawHost.length() - 1) != ']') {
                return Optional.of(invalidHost("invalid host (unterminated IPv6 literal)", HostForm.IPV6));
            }
            return classifyIpv6Literal(rawHost.substring(1, rawHost.length() - 1));
        }

        String host = new String(percentDecode(rawHost), StandardCharsets.UTF_8);
        if (!isAscii(host)) {
            try {
                host = IDN.toASCII(host, IDN.ALLOW_UNASSIGNED);
            } catch (IllegalArgumentException e) {
                return Optional.of(invalidHost("invalid host (bad internationalized name)", HostForm.NAME));
            }
        }
        host = host.toLowerCase(Locale.ROOT);
        for (int i = 0; i < host.length(); i++) {
            if (isForbiddenDomainCodePoint(host.charAt(i))) {
                return Optional.of(invalidHost("invalid host (forbidden character)", HostForm.NAME));
            }
        }
        int end = host.length();
        while (end > 0 && host.charAt(end - 1) == '.') {
            end--;
        }
        host = host.substring(0, end);
        if (host.isEmpty()) {
            return Optional.of(invalidHost("invalid host (empty)", HostForm.NAME));
        }

        if (endsInNumber(host)) {
            HostForm form = DOTTED_QUAD.matcher(host).matches() ? HostForm.IPV4_DOTTED : HostForm.IPV4_OTHER_SPELLING;
            IPAddress address = new IPAddressString(normalizeEmptyHex(host), Tables.IPV4_PARAMS).getAddress();
            if (address == null || !address.isIPv4()) {
                return Optional.of(invalidHost("invalid IPv4 literal", form));
            }
            return classifyAddress(address).map(h -> h.describe(" (" + address + ")").as(form));
        }
        return classifyName(host);
    }

    /** Four decimal parts without leading zeros: the one IPv4 spelling that is not "another spelling". */
    private static final java.util.regex.Pattern DOTTED_QUAD = java.util.regex.Pattern.compile(
            "(?:(?:25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])\\.){3}(?:25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])");

    private static Optional<BlockedHost> classifyIpv6Literal(String inner) {
        String zone = null;
        int percent = inner.indexOf('%');
        if (percent >= 0) {
            zone = inner.substring(percent + 1);
            inner = inner.substring(0, percent);
        }
        IPAddress address = new IPAddressString(inner, Tables.IPV6_PARAMS).getAddress();
        if (address == null || !address.isIPv6()) {
            return Optional.of(invalidHost("invalid IPv6 literal", HostForm.IPV6));
        }
        IPAddress shown = address;
        Optional<BlockedHost> reason = classifyAddress(address)
                .map(h -> h.describe(" (" + shown + ")").as(h.embedded ? HostForm.IPV4_IN_IPV6 : HostForm.IPV6));
        if (reason.isEmpty() && zone != null) {
            return Optional.of(new BlockedHost(HostClass.ZONED, HostForm.IPV6, false,
                    "scoped IPv6 address with zone id (" + address + ")"));
        }
        return reason;
    }

    /** Class and reason without the address; empty when public. */
    private static Optional<Hit> classifyAddress(IPAddress address) {
        for (Block b : Tables.BLOCKS) {
            if (b.range.contains(address)) {
                return Optional.of(new Hit(b.hostClass, b.listed, b.reason, false));
            }
        }
        if (address instanceof IPv6Address) {
            IPv6Address v6 = (IPv6Address) address;
            if (v6.isIPv4Mapped()) {
                return embedded(v6.getEmbeddedIPv4Address(), "IPv4-mapped IPv6");
            }
            if (v6.isIPv4Compatible()) {
                return embedded(v6.getEmbeddedIPv4Address(), "IPv4-compatible IPv6");
            }
            if (Tables.IPV4_TRANSLATED.contains(v6)) {
                return embedded(v6.getEmbeddedIPv4Address(), "IPv4-translated IPv6");
            }
            if (v6.isWellKnownIPv4Translatable()) {
                return embedded(v6.getEmbeddedIPv4Address(), "NAT64 IPv6");
            }
            if (v6.is6To4()) {
                return embedded(v6.get6To4IPv4Address(), "6to4 IPv6");
            }
            if (v6.isTeredo()) {
                IPv4Address server = v6.getEmbeddedIPv4Address(4); // bits 32..63
                IPv4Address client =
                        new IPv4Address(~v6.getEmbeddedIPv4Address().intValue()); // bits 96..127, obfuscated
                Optional<Hit> r = embedded(client, "Teredo IPv6 client");
                // the server part is not where a fetch goes: not a spelling of the address, so never listed
                return r.isPresent() ? r : embedded(server, "Teredo IPv6 server").map(Hit::unlisted);
            }
        }
        return Optional.empty();
    }

    private static Optional<Hit> embedded(IPv4Address v4, String how) {
        if (v4 == null) {
            return Optional.empty();
        }
        return classifyAddress(v4).map(h -> new Hit(h.hostClass, h.listed, h.reason + " " + v4 + " embedded in " + how,
                true));
    }

    private static Optional<BlockedHost> classifyName(String host) {
        if (host.equals("localhost") || host.endsWith(".localhost")) {
            return name(HostClass.LOOPBACK, true, "loopback host name (" + host + ")");
        }
        if (LOOPBACK_NAMES.contains(host)) {
            return name(HostClass.LOOPBACK, false, "loopback host name (" + host + ")");
        }
        if (LISTED_METADATA_NAMES.contains(host) || METADATA_NAMES.contains(host)) {
            return name(HostClass.METADATA, LISTED_METADATA_NAMES.contains(host),
                    "cloud metadata host name (" + host + ")");
        }
        if (host.endsWith(".internal")) {
            return name(HostClass.LOCAL_NETWORK_NAME, false, "internal host name (" + host + ")");
        }
        if (host.endsWith(".local")) {
            return name(HostClass.LOCAL_NETWORK_NAME, false, "link-local (mDNS) host name (" + host + ")");
        }
        if (host.endsWith(".localdomain") || host.endsWith(".home.arpa")) {
            return name(HostClass.LOCAL_NETWORK_NAME, false, "private network host name (" + host + ")");
        }
        if (host.indexOf('.') < 0) {
            return name(HostClass.SINGLE_LABEL_NAME, false, "single-label (intranet) host name (" + host + ")");
        }
        return Optional.empty();
    }

    private static Optional<BlockedHost> name(HostClass hostClass, boolean listed, String reason) {
        return Optional.of(new BlockedHost(hostClass, HostForm.NAME, listed, reason));
    }

    // ---------------------------------------------------------------------------------------------
    // WHATWG helpers

    /** WHATWG "ends in a number": last label all digits, or 0x followed by hex digits (maybe none). */
    static boolean endsInNumber(String host) {
        String last = host.substring(host.lastIndexOf('.') + 1);
        if (last.isEmpty()) {
            return false;
        }
        boolean digits = true;
        for (int i = 0; i < last.length(); i++) {
            char c = last.charAt(i);
            if (c < '0' || c > '9') {
                digits = false;
                break;
            }
        }
        if (digits) {
            return true;
        }
        if (last.length() < 2 || last.charAt(0) != '0' || (last.charAt(1) != 'x' && last.charAt(1) != 'X')) {
            return false;
        }
        for (int i = 2; i < last.length(); i++) {
            char c = last.charAt(i);
            if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'))) {
                return false;
            }
        }
        return true;
    }

    /**
     * WHATWG reads a bare {@code 0x} part as zero; the library rejects it, so spell it {@code 0}.
     * This is the only textual rewrite; all numeric parsing is the library's.
     */
    private static String normalizeEmptyHex(String host) {
        String[] parts = host.split("\\.", -1);
        for (int i = 0; i < parts.length; i++) {
            if (parts[i].equals("0x")) {
                parts[i] = "0";
            }
        }
        return String.join(".", parts);
    }

    /** WHATWG percent-decode: {@code %XX} becomes a byte, any other {@code %} stays literal. */
    private static byte[] percentDecode(String s) {
        byte[] in = s.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream(in.length);
        for (int i = 0; i < in.length; i++) {
            byte b = in[i];
            if (b == '%' && i + 2 < in.length && hex(in[i + 1]) >= 0 && hex(in[i + 2]) >= 0) {
                out.write(hex(in[i + 1]) * 16 + hex(in[i + 2]));
                i += 2;
            } else {
                out.write(b);
            }
        }
        return out.toByteArray();
    }

    private static int hex(int b) {
        if (b >= '0' && b <= '9') {
            return b - '0';
        }
        if (b >= 'a' && b <= 'f') {
            return b - 'a' + 10;
        }
        if (b >= 'A' && b <= 'F') {
            return b - 'A' + 10;
        }
        return -1;
    }

    private static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) > 0x7f) {
                return false;
            }
        }
        return true;
    }

    /** WHATWG forbidden domain code points (forbidden host code points, C0 controls, %, DEL). */
    private static boolean isForbiddenDomainCodePoint(char c) {
        if (c <= 0x20 || c == 0x7f) {
            return true;
        }
        switch (c) {
            case '#': case '%': case '/': case ':': case '<': case '>': case '?': case '@':
            case '[': case '\\': case ']': case '^': case '|':
                return true;
            default:
                return false;
        }
    }

    // ---------------------------------------------------------------------------------------------
    // Setup

    private record Block(IPAddress range, HostClass hostClass, boolean listed, String reason) {}

    /** A blocked address: its class, whether the vendor's list names it, and the reason without the address. */
    private record Hit(HostClass hostClass, boolean listed, String reason, boolean embedded) {
        Hit describe(String suffix) {
            return new Hit(hostClass, listed, reason + suffix, embedded);
        }

        Hit unlisted() {
            return new Hit(hostClass, false, reason, embedded);
        }

        BlockedHost as(HostForm form) {
            return new BlockedHost(hostClass, form, listed, reason);
        }
    }

    private static Block block(String cidr, HostClass hostClass, boolean listed, String reason) {
        return new Block(parseCidr(cidr), hostClass, listed, reason);
    }

    private static IPAddress parseCidr(String cidr) {
        IPAddress a = new IPAddressString(cidr).getAddress();
        if (a == null) {
            throw new IllegalStateException("bad built-in CIDR " + cidr);
        }
        return a.toPrefixBlock();
    }

    private static IPAddressStringParameters ipv4Params() {
        IPAddressStringParameters.Builder b = baseBuilder().allowIPv4(true).allowIPv6(false);
        b.allowSingleSegment(true).allow_inet_aton(true);
        IPv4AddressStringParameters.Builder v4 = b.getIPv4AddressParametersBuilder();
        v4.allow_inet_aton(true)
                .allow_inet_aton_hex(true)
                .allow_inet_aton_octal(true)
                .allow_inet_aton_leading_zeros(true)
                .allow_inet_aton_joined_segments(true)
                .allow_inet_aton_single_segment_mask(false)
                .allow_inet_aton_extraneous_digits(false)
                .allowBinary(false);
        v4.allowLeadingZeros(true);
        v4.allowUnlimitedLeadingZeros(true);
        v4.allowWildcardedSeparator(false);
        v4.setRangeOptions(RangeParameters.NO_RANGE);
        return b.toParams();
    }

    private static IPAddressStringParameters ipv6Params() {
        IPAddressStringParameters.Builder b = baseBuilder().allowIPv4(false).allowIPv6(true);
        b.allowSingleSegment(false);
        IPv6AddressStringParameters.Builder v6 = b.getIPv6AddressParametersBuilder();
        v6.allowBase85(false).allowZone(false).allowMixed(true).allow_mixed_inet_aton(false);
        v6.allowBinary(false);
        v6.allowLeadingZeros(true);
        v6.allowUnlimitedLeadingZeros(false);
        v6.allowWildcardedSeparator(false);
        v6.setRangeOptions(RangeParameters.NO_RANGE);
        IPv4AddressStringParameters.Builder mixed = v6.getEmbeddedIPv4AddressParametersBuilder();
        mixed.allow_inet_aton(false).allowBinary(false);
        mixed.allowLeadingZeros(false);
        mixed.allowWildcardedSeparator(false);
        mixed.setRangeOptions(RangeParameters.NO_RANGE);
        return b.toParams();
    }

    private static IPAddressStringParameters.Builder baseBuilder() {
        return new IPAddressStringParameters.Builder()
                .allowEmpty(false)
                .allowAll(false)
                .allowPrefix(false)
                .allowMask(false)
                .allowPrefixOnly(false)
                .allowWildcardedSeparator(false)
                .setRangeOptions(RangeParameters.NO_RANGE);
    }

    // ---------------------------------------------------------------------------------------------
    // Authority extraction

    private static final class Authority {
        final boolean special;
        final boolean hasUserInfo;
        final String host;

        private Authority(boolean special, boolean hasUserInfo, String host) {
            this.special = special;
            this.hasUserInfo = hasUserInfo;
            this.host = host;
        }

        /** Null when there is no scheme. */
        static Authority parse(String url) {
            String s = preprocess(url);
            int colon = s.indexOf(':');
            if (colon <= 0 || !isScheme(s, colon)) {
                return null;
            }
            String scheme = s.substring(0, colon).toLowerCase(Locale.ROOT);
            boolean special = SPECIAL_SCHEMES.contains(scheme);
            int i = colon + 1;
            if (special) {
                while (i < s.length() && (s.charAt(i) == '/' || s.charAt(i) == '\\')) {
                    i++;
                }
            } else if (s.startsWith("//", i)) {
                i += 2;
            } else {
                return new Authority(false, false, "");
            }
            int end = i;
            while (end < s.length()) {
                char c = s.charAt(end);
                if (c == '/' || c == '?' || c == '#' || (special && c == '\\')) {
                    break;
                }
                end++;
            }
            String authority = s.substring(i, end);
            int at = authority.lastIndexOf('@');
            String hostPort = at >= 0 ? authority.substring(at + 1) : authority;
            return new Authority(special, at >= 0, hostOf(hostPort));
        }

        /** Host ends at the first ':' outside brackets (WHATWG host state). */
        private static String hostOf(String hostPort) {
            boolean inBrackets = false;
            for (int i = 0; i < hostPort.length(); i++) {
                char c = hostPort.charAt(i);
                if (c == '[') {
                    inBrackets = true;
                } else if (c == ']') {
                    inBrackets = false;
                } else if (c == ':' && !inBrackets) {
                    return hostPort.substring(0, i);
                }
            }
            return hostPort;
        }

        private static boolean isScheme(String s, int colon) {
            char first = s.charAt(0);
            if (!((first >= 'a' && first <= 'z') || (first >= 'A' && first <= 'Z'))) {
                return false;
            }
            for (int i = 1; i < colon; i++) {
                char c = s.charAt(i);
                boolean ok =
                        (c >= 'a' && c <= 'z')
                                || (c >= 'A' && c <= 'Z')
                                || (c >= '0' && c <= '9')
                                || c == '+'
                                || c == '-'
                                || c == '.';
                if (!ok) {
                    return false;
                }
            }
            return true;
        }

        /** Trim C0 controls and spaces at both ends; drop every tab, LF and CR. */
        private static String preprocess(String url) {
            int start = 0;
            int end = url.length();
            while (start < end && url.charAt(start) <= 0x20) {
                start++;
            }
            while (end > start && url.charAt(end - 1) <= 0x20) {
                end--;
            }
            StringBuilder sb = new StringBuilder(end - start);
            for (int i = start; i < end; i++) {
                char c = url.charAt(i);
                if (c != '\t' && c != '\n' && c != '\r') {
                    sb.append(c);
                }
            }
            return sb.toString();
        }
    }
}
