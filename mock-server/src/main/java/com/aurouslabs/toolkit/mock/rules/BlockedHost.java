package com.aurouslabs.toolkit.mock.rules;

/**
 * Why REF-URL-HOST-BLOCKED refuses a reference URL: the class of the host, how it was written, and a reason for the
 * error message ({@code "private address (10.0.0.1)"}).
 */
public record BlockedHost(HostClass hostClass, HostForm form, String reason) {

    /** The class of a non-public destination (rules.yaml, REF-URL-HOST-BLOCKED). */
    public enum HostClass {
        LOOPBACK, PRIVATE, UNIQUE_LOCAL, LINK_LOCAL, SITE_LOCAL, METADATA, SHARED, UNSPECIFIED, MULTICAST,
        RESERVED, BROADCAST, DISCARD, LOCAL_NETWORK_NAME, SINGLE_LABEL_NAME, ZONED, INVALID
    }

    /** How the host was written. */
    public enum HostForm {
        /** Four dotted decimal parts without leading zeros ({@code 10.0.0.1}). */
        IPV4_DOTTED,
        /** Any other IPv4 spelling WHATWG accepts: one number, hex, octal, short forms ({@code 0xa000001}). */
        IPV4_OTHER_SPELLING,
        /** A bracketed IPv6 literal naming the address itself. */
        IPV6,
        /** An IPv4 address inside an IPv6 literal (mapped, compatible, translated, NAT64, 6to4, Teredo). */
        IPV4_IN_IPV6,
        /** A host name. */
        NAME,
        /** No host could be read. */
        UNPARSEABLE
    }
}
