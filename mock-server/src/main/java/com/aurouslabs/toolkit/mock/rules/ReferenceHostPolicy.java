package com.aurouslabs.toolkit.mock.rules;

import java.util.Optional;

/**
 * REF-URL-HOST-BLOCKED: decides, without any DNS lookup, whether a reference URL points at a host the platform
 * must never fetch (loopback, private, link-local, metadata, ...). Implementations are stateless and thread-safe.
 */
public interface ReferenceHostPolicy {

    /** Why the host of {@code url} is blocked, or empty when it may be fetched. */
    Optional<String> blockedReason(String url);
}
