package com.aurouslabs.toolkit.mock.rules;

/**
 * Why a reference URL's host is refused: the class of the host, how it was written, whether the vendor's SSRF list
 * names it, and a reason for the error message ({@code "private address (10.0.0.1)"}).
 *
 * @param listed true when the vendor's list blocks the host (in any spelling of a listed address, or localhost):
 *               REF-URL-HOST-BLOCKED; false for the non-public hosts only this project blocks: REF-URL-HOST-UNLISTED
 */
public record BlockedHost(HostClass hostClass, HostForm form, boolean listed, String reason) {

    /** The class of a non-public destination (rules.yaml, REF-URL-HOST-BLOCKED and REF-URL-HOST-UNLISTED). */
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
