package com.aurouslabs.toolkit.mock.support;

/** The built-in fixture keys and ids of TEAM-NOTES.md. */
public final class Keys {
    public static final String ALPHA = "al_live_" + "a".repeat(64);
    public static final String ALPHA_LEGACY = "og_" + "a".repeat(32);
    public static final String ALPHA_REVOKED = "al_live_" + "d".repeat(64);
    public static final String BETA = "al_live_" + "b".repeat(64);

    private Keys() {
    }
}
