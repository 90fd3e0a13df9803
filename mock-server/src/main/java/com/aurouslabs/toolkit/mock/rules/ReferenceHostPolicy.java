package com.aurouslabs.toolkit.mock.rules;

import java.util.Optional;

/**
 * The one place that reads the authority of a reference URL, without any DNS lookup: REF-URL-HOST-BLOCKED and
 * REF-URL-HOST-UNLISTED (does the host point at something the platform must never fetch: loopback, private,
 * link-local, metadata, ...; {@link BlockedHost#listed()} says whether the vendor's SSRF list names it) and
 * REF-URL-NO-USERINFO (is there userinfo before the host). Implementations are stateless and thread-safe.
 */
public interface ReferenceHostPolicy {

    /** Why the host of {@code url} is blocked (its class, how it was written, a reason), or empty when public. */
    Optional<BlockedHost> blocked(String url);

    /** The reason of {@link #blocked(String)} alone ({@code "private address (10.0.0.1)"}), or empty when public. */
    default Optional<String> blockedReason(String url) {
        return blocked(url).map(BlockedHost::reason);
    }

    /** True when the URL carries userinfo ({@code user:pass@}, {@code anything@}, even {@code @}) before the host. */
    boolean hasUserInfo(String url);
}
