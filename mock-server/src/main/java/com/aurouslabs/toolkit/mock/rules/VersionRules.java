package com.aurouslabs.toolkit.mock.rules;

import com.aurouslabs.toolkit.mock.fixtures.TeamFixture;
import com.aurouslabs.toolkit.mock.validation.BodySchemaValidator;
import com.aurouslabs.toolkit.mock.validation.SpecDocument;
import com.fasterxml.jackson.databind.node.TextNode;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.List;
import java.util.Optional;

/**
 * Family "version": VERSION-PATTERN (the header schema of the spec, plus a real calendar date, which a pattern
 * cannot say), VERSION-UNKNOWN (after the newest of {@code info.x-aurous-versions}), VERSION-PRIOR-DATE (an
 * earlier date resolves to the newest released version not after it, else the first), VERSION-DEFAULT (the
 * team's pin, else the spec's default), VERSION-ECHO (the caller writes the result back).
 */
public final class VersionRules {

    public static final String HEADER = "Aurous-Version";
    private static final DateTimeFormatter STRICT_DATE =
            DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT);

    private final BodySchemaValidator schemas;
    private final List<String> released;
    private final String defaultVersion;

    public VersionRules(SpecDocument spec, BodySchemaValidator schemas) {
        this.schemas = schemas;
        this.released = spec.releasedVersions();
        this.defaultVersion = spec.defaultVersion();
    }

    public List<RuleCheck> checks() {
        return List.of(
                RuleCheck.onHeaders("VERSION-PATTERN", c -> {
                    String header = c.call().version();
                    return header != null && !wellFormed(header)
                            ? Optional.of(Violation.of("VERSION-PATTERN")) : Optional.empty();
                }),
                RuleCheck.onHeaders("VERSION-UNKNOWN", c -> {
                    String header = c.call().version();
                    return header != null && wellFormed(header) && header.compareTo(newest()) > 0
                            ? Optional.of(Violation.of("VERSION-UNKNOWN").with("version", header))
                            : Optional.empty();
                }));
    }

    public String defaultFor(TeamFixture team) {
        return team != null && team.pinnedVersion() != null ? team.pinnedVersion() : defaultVersion;
    }

    /**
     * The version to echo: the team's (or the system) default without a header or with a malformed one, else the
     * newest released version not after the date (VERSION-PRIOR-DATE), or the first one.
     */
    public String resolve(String header, TeamFixture team) {
        if (header == null || !wellFormed(header)) {
            return defaultFor(team);
        }
        String resolved = released.get(0);
        for (String v : released) {
            if (v.compareTo(header) <= 0) {
                resolved = v;
            }
        }
        return resolved;
    }

    private String newest() {
        return released.get(released.size() - 1);
    }

    private boolean wellFormed(String header) {
        return schemas.versionHeaderMatches(TextNode.valueOf(header)) && isCalendarDate(header);
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
