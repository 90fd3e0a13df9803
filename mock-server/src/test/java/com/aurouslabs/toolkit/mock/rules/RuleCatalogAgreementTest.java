package com.aurouslabs.toolkit.mock.rules;

import static org.assertj.core.api.Assertions.assertThat;

import com.aurouslabs.toolkit.mock.MockOptions;
import com.aurouslabs.toolkit.mock.MockState;
import com.aurouslabs.toolkit.mock.Profile;
import com.aurouslabs.toolkit.mock.defect.DefectInfo;
import com.aurouslabs.toolkit.mock.defect.Defects;
import com.aurouslabs.toolkit.mock.error.ApiError;
import com.aurouslabs.toolkit.mock.fixtures.FixtureIndex;
import com.aurouslabs.toolkit.mock.fixtures.FixturesLoader;
import com.aurouslabs.toolkit.mock.reading.Reading;
import com.aurouslabs.toolkit.mock.reading.Readings;
import com.aurouslabs.toolkit.mock.validation.SpecDocument;
import com.aurouslabs.toolkit.openapi.RuleCatalog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The mock follows the rule catalog of the openapi jar: its checks are the steps of the catalog's evaluation order
 * (for both profiles and with every defect), its rule IDs are the catalog's, its doc_url base the catalog's.
 */
class RuleCatalogAgreementTest {

    private static final RuleCatalog CATALOG = RuleCatalog.load();

    /**
     * X-Mock-Rule values that are not catalog rules on purpose: OK (a 200), ADMIN (admin answers), MOCK-FORCE
     * (X-Mock-Force), the schema fallback BODY-REQUIRED that only a --spec adding a required property reaches,
     * and EVALUATION-ORDER, the name of the order difference in GET /__admin/profile.
     */
    private static final Set<String> MOCK_ONLY = Set.of("OK", "ADMIN", "MOCK-FORCE", "BODY-REQUIRED",
            "EVALUATION-ORDER");

    private static Readings readings(Profile profile) {
        MockState state = new MockState(MockOptions.defaults());
        return new Readings(CATALOG, SpecDocument.bundled(), new FixtureIndex(FixturesLoader.builtIn()),
                state.rateLimiter(), new IpAddressReferenceHostPolicy(), profile);
    }

    private static List<String> ids(List<RuleCheck> checks) {
        return checks.stream().map(RuleCheck::ruleId).toList();
    }

    @Test
    void the_checks_run_in_the_catalog_order_of_each_profile() {
        int fixed = CATALOG.fixedEvaluationOrder().size();
        Reading decision = readings(Profile.DEFAULT).build("NONE");
        List<String> all = new ArrayList<>(ids(decision.rules().fixed()));
        all.addAll(ids(decision.rules().ordered()));
        List<String> expected = new ArrayList<>(CATALOG.evaluationOrder());
        expected.removeAll(RuleRegistry.TRANSPORT_STEPS);
        assertThat(all).isEqualTo(expected);

        Reading alternative = readings(Profile.ALTERNATIVE).build("NONE");
        assertThat(ids(alternative.rules().ordered()))
                .isEqualTo(CATALOG.alternativeEvaluationOrder().subList(fixed, CATALOG.alternativeEvaluationOrder().size()));
        assertThat(ids(alternative.rules().ordered())).isNotEqualTo(ids(decision.rules().ordered()));
    }

    @Test
    void every_profile_with_every_defect_builds_a_complete_reading() {
        for (Profile profile : Profile.values()) {
            Readings readings = readings(profile);
            for (DefectInfo defect : Defects.all()) {
                Reading reading = readings.build(defect.name());
                assertThat(reading.defect()).isEqualTo(defect.name());
                assertThat(reading.rules().ordered()).as(profile + " " + defect.name()).isNotEmpty();
            }
        }
    }

    @Test
    void every_rule_id_named_in_the_mock_exists_in_the_catalog() throws IOException {
        Set<String> named = new TreeSet<>();
        Pattern literal = Pattern.compile("\"([A-Z]+(?:-[A-Z0-9]+)+)\"");
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher m = literal.matcher(Files.readString(file));
                while (m.find()) {
                    named.add(m.group(1));
                }
            }
        }
        assertThat(named).contains("ROUTE-NOT-FOUND", "ROUTE-METHOD-NOT-ALLOWED", "BODY-TOO-LARGE", "MOCK-FORCE");
        Set<String> unknown = new TreeSet<>(named);
        unknown.removeIf(id -> CATALOG.find(id).isPresent() || MOCK_ONLY.contains(id));
        assertThat(unknown).as("rule IDs in mock code that rules.yaml does not define").isEmpty();
    }

    @Test
    void every_defect_breaks_a_catalog_rule() {
        assertThat(Defects.all()).allSatisfy(d -> assertThat(CATALOG.find(d.ruleId())).as(d.name()).isPresent());
    }

    @Test
    void doc_url_is_the_catalog_base_plus_the_code() {
        Reading reading = readings(Profile.DEFAULT).build("NONE");
        assertThat(reading.envelopes().docUrlBase()).isEqualTo(CATALOG.docUrlBase());
        ApiError error = reading.outcomes().resolve(Violation.of("SIZE-XOR-DIMS"));
        assertThat(reading.envelopes().envelope(error, "req_X").at("/error/doc_url").asText())
                .isEqualTo(CATALOG.docUrl(CATALOG.rule("SIZE-XOR-DIMS")).orElseThrow());
    }
}
