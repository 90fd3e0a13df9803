package com.aurouslabs.toolkit.mock.journal;

/** Masks API keys for logs, the journal and the banner: {@code al_live_****}, {@code og_****}, {@code ****}. */
public final class ApiKeyMasker {

    private ApiKeyMasker() {
    }

    public static String mask(String key) {
        if (key == null) {
            return null;
        }
        if (key.startsWith("al_live_")) {
            return "al_live_****";
        }
        if (key.startsWith("al_test_")) {
            return "al_test_****";
        }
        if (key.startsWith("og_")) {
            return "og_****";
        }
        return "****";
    }
}
