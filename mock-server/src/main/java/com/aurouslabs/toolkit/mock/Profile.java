package com.aurouslabs.toolkit.mock;

import java.util.Locale;

/**
 * Which reading of the vendor's docs the mock serves where they are silent: the {@code decision} of each rule in
 * rules.yaml ({@link #DEFAULT}), or its documented-compatible {@code alternative} ({@link #ALTERNATIVE}). Nothing
 * the vendor documents differs between the two: statuses, documented codes, pricing, snapping to multiples of 32,
 * the SSRF host classes the vendor lists, auth, rate limits and headers are the same.
 */
public enum Profile {
    /** The catalog's decisions (the reading this project chose). */
    DEFAULT,
    /** The catalog's alternatives: every inferred choice flipped. */
    ALTERNATIVE;

    /**
     * Lenient parse: case and surrounding blanks are ignored, {@code alt} stands for {@code alternative},
     * {@code decision} for {@code default}; null or blank is {@link #DEFAULT}.
     *
     * @throws IllegalArgumentException naming the accepted values when {@code value} is none of them
     */
    public static Profile parse(String value) {
        if (value == null || value.isBlank()) {
            return DEFAULT;
        }
        String v = value.strip().toLowerCase(Locale.ROOT).replace('-', '_');
        return switch (v) {
            case "default", "decision", "decisions" -> DEFAULT;
            case "alternative", "alternatives", "alt" -> ALTERNATIVE;
            default -> throw new IllegalArgumentException("unknown profile '" + value.strip()
                    + "': use default or alternative");
        };
    }

    /** {@code default} or {@code alternative}, as the CLI and the admin route write it. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
