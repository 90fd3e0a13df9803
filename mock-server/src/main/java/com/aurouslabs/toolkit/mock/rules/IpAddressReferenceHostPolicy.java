package com.aurouslabs.toolkit.mock.rules;

import inet.ipaddr.AddressStringParameters.RangeParameters;
import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;
import inet.ipaddr.IPAddressStringParameters;
import inet.ipaddr.ipv4.IPv4Address;
import inet.ipaddr.ipv6.IPv6Address;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * First implementation of REF-URL-HOST-BLOCKED with the seancfoley ipaddress library: host names of metadata and
 * local services, and IP literals in any inet_aton spelling (decimal, octal, hex, short forms) or IPv6 form
 * (IPv4-mapped, -compatible, NAT64, 6to4 embed an IPv4 address that is checked in turn). No DNS lookup is made.
 * The full SSRF implementation with its corpus replaces this class (same name, same interface).
 */
public final class IpAddressReferenceHostPolicy implements ReferenceHostPolicy {

    private static final Set<String> BLOCKED_NAMES = Set.of("localhost", "metadata", "instance-data",
            "metadata.google.internal", "metadata.aws.com");
    private static final List<String> BLOCKED_SUFFIXES = List.of(".localhost", ".internal");

    private static final List<IPAddress> BLOCKED_V4 = subnets("0.0.0.0/8", "10.0.0.0/8", "100.64.0.0/10",
            "127.0.0.0/8", "169.254.0.0/16", "172.16.0.0/12", "192.0.0.0/24", "192.168.0.0/16", "198.18.0.0/15",
            "224.0.0.0/4", "240.0.0.0/4");
    private static final List<IPAddress> BLOCKED_V6 = subnets("::/128", "::1/128", "fc00::/7", "fe80::/10",
            "fec0::/10", "ff00::/8");
    private static final IPAddress NAT64 = subnets("64:ff9b::/96").get(0);

    /** A host made only of digits, dots and hex/octal-looking parts is treated as an IP literal. */
    private static final Pattern NUMERIC_LOOKING = Pattern.compile("^(0x[0-9a-f]*|[0-9]+)(\\.(0x[0-9a-f]*|[0-9]+))*$");

    private static final IPAddressStringParameters LENIENT_IP = new IPAddressStringParameters.Builder()
            .allowEmpty(false)
            .allowPrefix(false)
            .allowMask(false)
            .allowSingleSegment(true)
            .setRangeOptions(RangeParameters.NO_RANGE)
            .getIPv4AddressParametersBuilder()
                .allow_inet_aton(true)
                .allow_inet_aton_hex(true)
                .allow_inet_aton_octal(true)
                .allow_inet_aton_joined_segments(true)
                .allow_inet_aton_leading_zeros(true)
                .allowLeadingZeros(true)
                .allowUnlimitedLeadingZeros(true)
                .getParentBuilder()
            .getIPv6AddressParametersBuilder()
                .allowLeadingZeros(true)
                .allowZone(true)
                .getParentBuilder()
            .toParams();

    @Override
    public Optional<String> blockedReason(String url) {
        String host = ReferenceUrl.parse(url).host();
        if (host.isEmpty()) {
            return Optional.of("has no host");
        }
        if (BLOCKED_NAMES.contains(host) || BLOCKED_SUFFIXES.stream().anyMatch(host::endsWith)) {
            return Optional.of("points at a local or metadata host");
        }
        IPAddress address = new IPAddressString(host, LENIENT_IP).getAddress();
        if (address == null) {
            return NUMERIC_LOOKING.matcher(host).matches()
                    ? Optional.of("has a host that looks like an IP address but is not one")
                    : Optional.empty();
        }
        return blocked(address) ? Optional.of("points at a private, loopback, link-local or metadata host")
                : Optional.empty();
    }

    private static boolean blocked(IPAddress address) {
        if (address.isIPv4()) {
            return inAny(address, BLOCKED_V4) || address.isMulticast();
        }
        IPv6Address v6 = address.toIPv6().removeZone();
        if (inAny(v6, BLOCKED_V6) || v6.isLoopback() || v6.isLinkLocal() || v6.isMulticast()) {
            return true;
        }
        IPv4Address embedded = null;
        if (v6.isIPv4Mapped() || v6.isIPv4Compatible() || NAT64.contains(v6)) {
            embedded = v6.getEmbeddedIPv4Address();
        } else if (v6.is6To4()) {
            embedded = v6.get6To4IPv4Address();
        }
        return embedded != null && blocked(embedded);
    }

    private static boolean inAny(IPAddress address, List<IPAddress> subnets) {
        for (IPAddress subnet : subnets) {
            if (subnet.getIPVersion() == address.getIPVersion() && subnet.contains(address)) {
                return true;
            }
        }
        return false;
    }

    private static List<IPAddress> subnets(String... cidrs) {
        return java.util.Arrays.stream(cidrs).map(c -> new IPAddressString(c).getAddress().toPrefixBlock()).toList();
    }
}
