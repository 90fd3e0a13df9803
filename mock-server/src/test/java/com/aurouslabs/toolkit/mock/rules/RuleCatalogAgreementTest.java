package com.aurouslabs.toolkit.mock.rules;

import static org.assertj.core.api.Assertions.assertThat;

import com.aurouslabs.toolkit.mock.error.ApiError;
import com.aurouslabs.toolkit.mock.error.ErrorEnvelopeFactory;
import com.aurouslabs.toolkit.openapi.RuleCatalog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The mock follows the rule catalog of the openapi jar: its order, its rule IDs, its doc_url base. */
class RuleCatalogAgreementTest {

    private static final RuleCatalog CATALOG = RuleCatalog.load();

    /**
     * X-Mock-Rule values that are not catalog rules on purpose: OK (a 200), ADMIN (admin answers), MOCK-FORCE
     * (X-Mock-Force), and the schema fallbacks BODY-REQUIRED / SCHEMA-* that only a --spec adding a constraint
     * the catalog does not name can reach.
     */
    private static final Set<String> MOCK_ONLY = Set.of("OK", "ADMIN", "MOCK-FORCE", "BODY-REQUIRED", "EVALUATION-ORDER");

    @Test
    void registry_order_is_the_catalog_evaluation_order() {
        List<String> registry = new RuleRegistry(new IpAddressReferenceHostPolicy()).checks().stream()
                .map(RuleCheck::ruleId).toList();
        List<String> catalogOrder = CATALOG.evaluationOrder();
        assertThat(registry.stream().filter(catalogOrder::contains).toList())
                .as("registry rules that the catalog orders, in registry order")
                .isEqualTo(catalogOrder.stream().filter(registry::contains).toList());
        // Every rejecting rule of the registry (not a 200 outcome) is ordered by the catalog, except DIM-SNAP-32,
        // which the catalog leaves to the implementation.
        for (String id : registry) {
            var outcome = CATALOG.rule(id).outcome();
            if (outcome != null && outcome.status() != null && outcome.status() >= 400 && !"DIM-SNAP-32".equals(id)) {
                assertThat(catalogOrder).as("evaluation_order holds " + id).contains(id);
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
    void every_registered_check_is_a_catalog_rule() {
        for (RuleCheck check : new RuleRegistry(new IpAddressReferenceHostPolicy()).checks()) {
            assertThat(CATALOG.find(check.ruleId())).as(check.ruleId()).isPresent();
        }
    }

    @Test
    void doc_url_is_the_catalog_base_plus_the_code() {
        assertThat(ErrorEnvelopeFactory.docUrlBase()).isEqualTo(CATALOG.docUrlBase());
        var rule = CATALOG.rule("SIZE-XOR-DIMS");
        ApiError error = ApiError.invalidRequest(rule.id(), rule.outcome().code(), null, "x");
        assertThat(ErrorEnvelopeFactory.envelope(error, "req_X").at("/error/doc_url").asText())
                .isEqualTo(CATALOG.docUrl(rule).orElseThrow());
    }
}
