package com.aurouslabs.toolkit.mock.defect;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The defects the mock can inject, by name; {@value #NONE} is no defect. Immutable, built once. */
public final class Defects {

    /** The name that means "no defect". */
    public static final String NONE = "NONE";

    private static final List<DefectInfo> ALL = List.of(
            new DefectInfo("REJECT_NON_MULTIPLE_OF_32", "DIM-SNAP-32",
                    "an in-range width/height that is not a multiple of 32 is rejected"),
            new DefectInfo("ACCEPT_SIZE_WITH_DIMS", "SIZE-XOR-DIMS", "size together with width/height is accepted"),
            new DefectInfo("MISS_CHARACTER_REF_EXCLUSION", "CHAR-XOR-REFS",
                    "character_id together with references is accepted"),
            new DefectInfo("PRICE_REFERENCES", "PRICE-REFS-FREE", "every reference image adds the image base price"),
            new DefectInfo("ACCEPT_LONE_DIMENSION", "DIM-PAIR", "width without height (or the reverse) is accepted"),
            new DefectInfo("LEAK_FOREIGN_CHARACTER", "CHAR-NOT-FOUND",
                    "another team's character gives a different 404 than an unknown one"),
            new DefectInfo("ACCEPT_PRIVATE_REFERENCE_HOST", "REF-URL-HOST-BLOCKED",
                    "reference URLs on private, loopback and metadata hosts are accepted"),
            new DefectInfo("ACCEPT_STEPS_OVER_MAX", "STEPS-RANGE", "steps above the maximum are accepted"),
            new DefectInfo("ACCEPT_BLANK_PROMPT", "PROMPT-NOT-BLANK", "a whitespace-only prompt is accepted"),
            new DefectInfo("MISSING_REQUEST_ID", "REQUEST-ID", "responses lack the Aurous-Request-Id header"));

    private Defects() {
    }

    /** Every defect, in a stable order. */
    public static List<DefectInfo> all() {
        return ALL;
    }

    /** The defect of this name (case-insensitive, {@code -} read as {@code _}); empty for NONE and unknown names. */
    public static Optional<DefectInfo> find(String name) {
        String n = normalize(name);
        return ALL.stream().filter(d -> d.name().equals(n)).findFirst();
    }

    /**
     * The canonical name of {@code name}: {@value #NONE} for null, blank or none, else the name of a known defect.
     *
     * @throws IllegalArgumentException listing every name when {@code name} is unknown
     */
    public static String canonical(String name) {
        String n = normalize(name);
        if (n.isEmpty() || n.equals(NONE)) {
            return NONE;
        }
        return find(n).map(DefectInfo::name).orElseThrow(() -> new IllegalArgumentException(
                "unknown defect '" + name.strip() + "'; use NONE or one of " + names()));
    }

    /** Every name, comma-separated, for messages. */
    public static String names() {
        return String.join(", ", ALL.stream().map(DefectInfo::name).toList());
    }

    private static String normalize(String name) {
        return name == null ? "" : name.strip().toUpperCase(Locale.ROOT).replace('-', '_');
    }
}
