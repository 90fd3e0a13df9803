package com.aurouslabs.toolkit.mock.http;

/** Rule IDs of routing (rules.yaml, family body): an unknown path, and another method on a known path. */
public final class RouteRules {

    /** 404 resource_not_found on any other path. */
    public static final String NOT_FOUND = "ROUTE-NOT-FOUND";
    /** 405 method_not_allowed, with an Allow header, for another method on a known path. */
    public static final String METHOD_NOT_ALLOWED = "ROUTE-METHOD-NOT-ALLOWED";

    private RouteRules() {
    }
}
