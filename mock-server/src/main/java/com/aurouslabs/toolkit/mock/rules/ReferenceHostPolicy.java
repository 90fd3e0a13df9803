package com.aurouslabs.toolkit.mock.rules;

import java.util.Optional;

/**
 * The one place that reads the authority of a reference URL, without any DNS lookup: REF-URL-HOST-BLOCKED (does
 * the host point at something the platform must never fetch: loopback, private, link-local, metadata, ...) and
 * REF-URL-NO-USERINFO (is there userinfo before the host). Implementations are stateless and thread-safe.
 */
public interface ReferenceHostPolicy {

    /** Why the host of {@code url} is blocked (the class of host: loopback, private, ...), or empty when public. */
    Optional<String> blockedReason(String url);

    /** True when the URL carries userinfo ({@code user:pass@}, {@code anything@}, even {@code @}) before the host. */
    boolean hasUserInfo(String url);
}
