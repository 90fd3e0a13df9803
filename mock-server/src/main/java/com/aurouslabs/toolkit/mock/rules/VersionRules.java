package com.aurouslabs.toolkit.mock.rules;

import com.aurouslabs.toolkit.mock.error.ApiError;
import com.aurouslabs.toolkit.mock.fixtures.TeamFixture;
import com.aurouslabs.toolkit.mock.validation.BodySchemaValidator;
import com.aurouslabs.toolkit.mock.validation.SpecDocument;
import com.fasterxml.jackson.databind.node.TextNode;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.List;

/**
 * Family "version": VERSION-PATTERN (the header schema of the spec, plus a real calendar date, which a pattern
 * cannot say), VERSION-UNKNOWN (after the newest of {@code info.x-aurous-versions}), VERSION-PRIOR-DATE (an
 * earlier date resolves to the newest released version not after it, else the first), VERSION-DEFAULT (the
 * team's pin, else the spec's default), VERSION-ECHO (the caller sends the result back).
 */
public final class VersionRules {

    public static final String HEADER = "Aurous-Version";
    private static final DateTimeFormatter STRICT_DATE =
            DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT);

    /** The version to echo, and the error when the header is bad. */
    public record VersionOutcome(String version, ApiError error) {
    }

    private final BodySchemaValidator schemas;
    private final List<String> released;
    private final String defaultVersion;

    public VersionRules(SpecDocument spec, BodySchemaValidator schemas) {
        this.schemas = schemas;
        this.released = spec.releasedVersions();
        this.defaultVersion = spec.defaultVersion();
    }

    public String defaultFor(TeamFixture team) {
        return team != null && team.pinnedVersion() != null ? team.pinnedVersion() : defaultVersion;
    }

    public VersionOutcome resolve(String header, TeamFixture team) {
        String fallback = defaultFor(team);
        if (header == null) {
            return new VersionOutcome(fallback, null);
        }
        if (!schemas.versionHeaderMatches(TextNode.valueOf(header)) || !isCalendarDate(header)) {
            return new VersionOutcome(fallback, ApiError.invalidFormat("VERSION-PATTERN", HEADER,
                    "Aurous-Version must be a date YYYY-MM-DD."));
        }
        String newest = released.get(released.size() - 1);
        if (header.compareTo(newest) > 0) {
            return new VersionOutcome(fallback, ApiError.invalidRequest("VERSION-UNKNOWN", "unknown_version", HEADER,
                    "Aurous-Version " + header + " is not a released API version."));
        }
        String resolved = released.get(0);
        for (String v : released) {
            if (v.compareTo(header) <= 0) {
                resolved = v;
            }
        }
        return new VersionOutcome(resolved, null);
    }

    static boolean isCalendarDate(String value) {
        try {
            LocalDate.parse(value, STRICT_DATE);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }
}
