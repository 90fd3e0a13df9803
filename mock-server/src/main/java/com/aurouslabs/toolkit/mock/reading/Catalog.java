package com.aurouslabs.toolkit.mock.reading;

import com.aurouslabs.toolkit.openapi.RuleCatalog;

/** rules.yaml from the openapi jar, read once per JVM (an immutable value) and shared by every server. */
public final class Catalog {

    private Catalog() {
    }

    /** The catalog; the first call reads it (MockServer.start does so on its spec loader thread). */
    public static RuleCatalog get() {
        return Holder.CATALOG;
    }

    private static final class Holder {
        static final RuleCatalog CATALOG = RuleCatalog.load();
    }
}
