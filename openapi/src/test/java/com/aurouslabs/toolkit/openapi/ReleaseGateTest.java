package com.aurouslabs.toolkit.openapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The release gate on the real files: released/estimate.yaml (the baseline) against the edited estimate.yaml
 * ({@link ReleaseGate} holds the rules; {@link ReleaseGateFlowTest} proves each flow on copies). The report
 * (target/openapi-diff/report.md, report.html, report.txt) is written before anything is asserted, so it is there
 * when the build fails. The openapi-diff-maven plugin in {@code verify} compares the same two files; the
 * {@code breaking-change} profile sets {@code openapi.allowBreaking}, which this gate honours only with a major bump.
 */
class ReleaseGateTest {

    private static final boolean ALLOW_BREAKING = Boolean.getBoolean("openapi.allowBreaking");

    private static ReleaseGate.Result result;

    @BeforeAll
    static void run_the_gate_and_write_the_report() {
        result = ReleaseGate.run(SpecFiles.released(), SpecFiles.current(), ALLOW_BREAKING, SpecFiles.reportDir());
    }

    @Test
    void the_report_is_written() {
        assertThat(result.report()).exists().content().contains("Verdict:", "## Release gate");
        assertThat(result.report().resolveSibling("report.html")).exists();
        assertThat(result.report().resolveSibling("report.txt")).exists();
    }

    @Test
    void the_spec_passes_the_release_gate_against_the_released_baseline() {
        if (!result.passed()) {
            fail(result.refusal().orElseThrow());
        }
    }
}
