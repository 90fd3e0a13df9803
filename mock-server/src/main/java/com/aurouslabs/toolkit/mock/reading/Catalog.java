package com.aurouslabs.toolkit.mock.reading;

import com.aurouslabs.toolkit.openapi.RuleCatalog;

/** rules.yaml from the openapi jar: {@link RuleCatalog#bundled()}, read once per JVM and shared by every server. */
public final class Catalog {

    private Catalog() {
    }

    /** The catalog; the first call reads it (MockServer.start does so on its spec loader thread). */
    public static RuleCatalog get() {
        return RuleCatalog.bundled();
    }
}
