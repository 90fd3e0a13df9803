package com.aurouslabs.toolkit.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each flow of openapi/README.md ("Changing the contract and releasing a version"), proven on temporary copies:
 * the baseline is a copy of today's spec, the edited spec a changed copy, so the checked-in files are never
 * touched and a legitimate edit of them never invalidates a flow. The edits find their target in the spec
 * ({@code count}'s maximum when it has one) and the expected messages are computed from what they found.
 */
class ReleaseGateFlowTest {

    @TempDir
    Path tmp;

    private JsonNode base;
    private Path released;
    private Path reportDir;

    @BeforeEach
    void copy_the_spec_as_the_released_baseline() {
        base = SpecEdits.read(SpecFiles.current());
        released = SpecEdits.write(base, tmp.resolve("released.yaml"));
        reportDir = tmp.resolve("report");
    }

    @Test
    void an_unchanged_spec_passes_with_no_api_change() throws IOException {
        ReleaseGate.Result result = gate(edit(spec -> { }), false);

        assertThat(result.passed()).isTrue();
        assertThat(result.verdict()).isEqualTo(ReleaseGate.Verdict.NO_API_CHANGE);
        assertThat(Files.readString(result.report())).contains("Verdict: **no API change**", "Passed.");
    }

    @Test
    void a_compatible_edit_with_a_minor_bump_passes_with_a_compatible_report() throws IOException {
        String bounded = boundedInteger();
        long max = SpecEdits.requestProperty(base, bounded).get("maximum").asLong();
        Path edited = edit(spec -> {
            SpecEdits.requestProperty(spec, bounded).put("maximum", max + 1);
            ((ObjectNode) SpecEdits.requestBody(spec).get("properties")).putObject("gate_probe")
                    .put("type", "string").put("nullable", true);
            SpecEdits.setVersion(spec, SpecEdits.nextMinor(SpecEdits.version(base)));
        });

        ReleaseGate.Result result = gate(edited, false);

        assertThat(result.refusal()).isEmpty();
        assertThat(result.verdict()).isEqualTo(ReleaseGate.Verdict.COMPATIBLE);
        assertThat(result.breakingChanges()).isEmpty();
        assertThat(Files.readString(result.report())).contains("Verdict: **compatible**", "Passed.",
                "promote the baseline");
    }

    @Test
    void an_edit_without_a_version_bump_is_refused_because_the_baseline_is_the_release() {
        String version = SpecEdits.version(base);
        int[] v = ReleaseGate.semver(version);
        Path edited = edit(spec -> ((ObjectNode) spec.get("info")).put("description", "Edited after the release."));

        ReleaseGate.Result refused = gate(edited, false);

        assertThat(refused.verdict()).isEqualTo(ReleaseGate.Verdict.COMPATIBLE);
        assertThat(refused.refusal()).hasValueSatisfying(message -> assertThat(message)
                .contains("differs from the released baseline", "info.version is still " + version,
                        "/info/description", v[0] + "." + v[1] + "." + (v[2] + 1) + " (patch)",
                        v[0] + "." + (v[1] + 1) + ".0 (minor)"));

        ReleaseGate.Result bumped = gate(edit(spec -> {
            ((ObjectNode) spec.get("info")).put("description", "Edited after the release.");
            SpecEdits.setVersion(spec, v[0] + "." + v[1] + "." + (v[2] + 1));
        }), false);

        assertThat(bumped.refusal()).isEmpty();
    }

    @Test
    void a_breaking_edit_without_a_major_bump_is_refused_with_one_message_naming_each_change() {
        String bounded = boundedInteger();
        String text = SpecEdits.requestPropertyWhere(base, "prompt", "maxLength", s -> s.path("maxLength").asInt() > 1);
        long max = SpecEdits.requestProperty(base, bounded).get("maximum").asLong();
        int maxLength = SpecEdits.requestProperty(base, text).get("maxLength").asInt();
        String version = SpecEdits.version(base);
        String nextMajor = SpecEdits.nextMajor(version);
        Consumer<JsonNode> tighten = spec -> {
            SpecEdits.requestProperty(spec, bounded).put("maximum", max - 1);
            SpecEdits.requestProperty(spec, text).put("maxLength", maxLength / 2);
        };
        String lowered = "body." + bounded + ": maximum " + max + " -> " + (max - 1);
        String shortened = "body." + text + ": maxLength " + maxLength + " -> " + (maxLength / 2);

        for (String newVersion : new String[] {version, SpecEdits.nextMinor(version)}) {
            for (boolean profile : new boolean[] {false, true}) {
                ReleaseGate.Result result = gate(edit(tighten.andThen(s -> SpecEdits.setVersion(s, newVersion))),
                        profile);

                assertThat(result.verdict()).isEqualTo(ReleaseGate.Verdict.BREAKING);
                assertThat(result.breakingChanges()).containsExactlyInAnyOrder(lowered, shortened);
                String message = result.refusal().orElseThrow();
                assertThat(message).as("%s, profile %s", newVersion, profile)
                        .contains("breaks clients of the released " + version, "  - " + lowered,
                                "  - " + shortened, "set info.version to " + nextMajor,
                                "mvn -Pbreaking-change -pl openapi verify", "promote the baseline: cp ");
                assertThat(message.split("\n")).as("each change is named once")
                        .filteredOn(line -> line.contains(shortened)).hasSize(1);
            }
        }
    }

    @Test
    void a_breaking_edit_with_a_major_bump_passes_only_under_the_breaking_change_profile() throws IOException {
        String bounded = boundedInteger();
        long max = SpecEdits.requestProperty(base, bounded).get("maximum").asLong();
        String nextMajor = SpecEdits.nextMajor(SpecEdits.version(base));
        Path edited = edit(spec -> {
            SpecEdits.requestProperty(spec, bounded).put("maximum", max - 1);
            SpecEdits.setVersion(spec, nextMajor);
        });

        ReleaseGate.Result withoutProfile = gate(edited, false);
        ReleaseGate.Result withProfile = gate(edited, true);

        assertThat(withoutProfile.refusal()).hasValueSatisfying(message -> assertThat(message)
                .contains(nextMajor + " is a new major version",
                        "body." + bounded + ": maximum " + max + " -> " + (max - 1),
                        "Build with: mvn -Pbreaking-change -pl openapi verify"));
        assertThat(withProfile.refusal()).isEmpty();
        assertThat(withProfile.verdict()).isEqualTo(ReleaseGate.Verdict.BREAKING);
        assertThat(Files.readString(withProfile.report())).contains("Verdict: **INCOMPATIBLE (breaking)**",
                "Passed (-Pbreaking-change)", "When " + nextMajor + " ships, promote the baseline: `cp " + edited);
    }

    @Test
    void promoting_the_baseline_at_the_release_makes_the_build_green_without_the_profile() throws IOException {
        String bounded = boundedInteger();
        long max = SpecEdits.requestProperty(base, bounded).get("maximum").asLong();
        Path edited = edit(spec -> {
            SpecEdits.requestProperty(spec, bounded).put("maximum", max - 1);
            SpecEdits.setVersion(spec, SpecEdits.nextMajor(SpecEdits.version(base)));
        });

        Files.copy(edited, released, StandardCopyOption.REPLACE_EXISTING);

        ReleaseGate.Result promoted = gate(edited, false);
        assertThat(promoted.refusal()).isEmpty();
        assertThat(promoted.verdict()).isEqualTo(ReleaseGate.Verdict.NO_API_CHANGE);
        assertThat(gate(edited, true).refusal()).hasValueSatisfying(message -> assertThat(message)
                .contains("-Pbreaking-change is only for a new major version", "build without -Pbreaking-change"));
    }

    @Test
    void a_version_below_the_released_one_is_refused() {
        int[] v = ReleaseGate.semver(SpecEdits.version(base));
        SpecEdits.setVersion(base, (v[0] + 1) + ".0.0");
        released = SpecEdits.write(base, tmp.resolve("released.yaml"));

        ReleaseGate.Result result = gate(edit(spec -> SpecEdits.setVersion(spec, v[0] + "." + v[1] + "." + v[2])),
                false);

        assertThat(result.refusal()).hasValueSatisfying(message -> assertThat(message)
                .contains("is below the released " + (v[0] + 1) + ".0.0", "never go backwards"));
    }

    private String boundedInteger() {
        return SpecEdits.requestPropertyWhere(base, "count", "an integer maximum above its minimum",
                s -> SpecEdits.isInteger(s) && s.has("maximum")
                        && s.get("maximum").asLong() > s.path("minimum").asLong(Long.MIN_VALUE));
    }

    private Path edit(Consumer<JsonNode> change) {
        JsonNode copy = base.deepCopy();
        change.accept(copy);
        return SpecEdits.write(copy, tmp.resolve("estimate.yaml"));
    }

    private ReleaseGate.Result gate(Path current, boolean allowBreaking) {
        return ReleaseGate.run(released, current, allowBreaking, reportDir);
    }
}
