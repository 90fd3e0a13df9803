package com.aurouslabs.toolkit.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openapitools.openapidiff.core.OpenApiCompare;
import org.openapitools.openapidiff.core.model.ChangedOpenApi;
import org.openapitools.openapidiff.core.output.ConsoleRender;
import org.openapitools.openapidiff.core.output.HtmlRender;
import org.openapitools.openapidiff.core.output.MarkdownRender;

/**
 * The release gate's version rule: a breaking change against released/estimate.yaml passes only when
 * info.version's major is above the released copy's. Writes the readable diff report
 * (target/openapi-diff/report.md, report.html, report.txt) before it asserts anything. The openapi-diff-maven
 * plugin in `verify` compares the same two files and fails on an incompatible change unless the
 * {@code breaking-change} profile is active; this test makes that profile demand a major bump.
 */
class ReleaseGateTest {

    private static final Pattern SEMVER = Pattern.compile("^(\\d+)\\.(\\d+)\\.(\\d+)$");
    private static final boolean ALLOW_BREAKING = Boolean.getBoolean("openapi.allowBreaking");

    private static ChangedOpenApi diff;
    /** Request tightenings openapi-diff 2.0.1 does not see (numeric bounds, maxItems, removed properties). */
    private static List<String> tightenings;
    private static boolean breaking;
    private static Path report;

    @BeforeAll
    static void diff_released_against_current_and_write_the_report() throws IOException {
        diff = OpenApiCompare.fromLocations(SpecFiles.released().toUri().toString(),
                SpecFiles.current().toUri().toString());
        tightenings = RequestTightening.between(SpecFiles.readYaml(SpecFiles.released()),
                SpecFiles.readYaml(SpecFiles.current()));
        breaking = diff.isIncompatible() || !tightenings.isEmpty();
        Path dir = Files.createDirectories(SpecFiles.reportDir());
        String verdict = breaking ? "INCOMPATIBLE (breaking)"
                : diff.isDifferent() ? "compatible changes" : "no API change";
        StringBuilder extra = new StringBuilder("## Request tightenings (checked beside openapi-diff)\n\n");
        if (tightenings.isEmpty()) {
            extra.append("None.\n\n");
        }
        tightenings.forEach(t -> extra.append("- ").append(t).append('\n'));
        extra.append('\n');
        String header = "# estimate.yaml: released " + version(SpecFiles.released()) + " -> current "
                + version(SpecFiles.current()) + "\n\nVerdict: **" + verdict + "**\n\n"
                + "Old: `" + SpecFiles.released() + "`  \nNew: `" + SpecFiles.current() + "`\n\n";
        report = dir.resolve("report.md");
        Files.writeString(report, header + extra + "## openapi-diff " + "\n\n" + (diff.isDifferent() ? new MarkdownRender().render(diff) : "No differences.\n"),
                StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("report.html"),
                new HtmlRender("estimate.yaml: released -> current (" + verdict + ")", "").render(diff),
                StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("report.txt"), new ConsoleRender().render(diff), StandardCharsets.UTF_8);
    }

    @Test
    void the_report_is_written() {
        assertThat(report).exists().content().contains("Verdict:");
        assertThat(report.resolveSibling("report.html")).exists();
    }

    @Test
    void versions_are_plain_semver_and_never_go_backwards() {
        int[] released = semver(version(SpecFiles.released()));
        int[] current = semver(version(SpecFiles.current()));
        assertThat(compare(current, released))
                .as("current info.version %s must not be below the released %s",
                        version(SpecFiles.current()), version(SpecFiles.released()))
                .isGreaterThanOrEqualTo(0);
    }

    @Test
    void a_breaking_change_needs_a_major_bump_and_the_breaking_change_profile() {
        if (!breaking) {
            return;
        }
        int releasedMajor = semver(version(SpecFiles.released()))[0];
        int currentMajor = semver(version(SpecFiles.current()))[0];
        assertThat(currentMajor)
                .as("estimate.yaml breaks clients of the released %s (see %s): raise info.version's major above %d",
                        version(SpecFiles.released()), report, releasedMajor)
                .isGreaterThan(releasedMajor);
        assertThat(ALLOW_BREAKING)
                .as("estimate.yaml breaks clients of the released %s (see %s) and its major is bumped: build with"
                        + " -Pbreaking-change until released/estimate.yaml is updated", version(SpecFiles.released()),
                        report)
                .isTrue();
    }

    @Test
    void the_breaking_change_profile_is_only_for_a_major_bump() {
        if (!ALLOW_BREAKING) {
            return;
        }
        assertThat(semver(version(SpecFiles.current()))[0])
                .as("-Pbreaking-change lets incompatible changes through; it needs info.version's major above the"
                        + " released %s", version(SpecFiles.released()))
                .isGreaterThan(semver(version(SpecFiles.released()))[0]);
    }

    static String version(Path spec) {
        return SpecFiles.readYaml(spec).at("/info/version").asText();
    }

    static int[] semver(String version) {
        Matcher m = SEMVER.matcher(version);
        assertThat(m.matches()).as("info.version %s is MAJOR.MINOR.PATCH", version).isTrue();
        return new int[] {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3))};
    }

    private static int compare(int[] a, int[] b) {
        for (int i = 0; i < 3; i++) {
            if (a[i] != b[i]) {
                return Integer.compare(a[i], b[i]);
            }
        }
        return 0;
    }
}
