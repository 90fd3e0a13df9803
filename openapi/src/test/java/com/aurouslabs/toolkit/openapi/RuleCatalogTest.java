package com.aurouslabs.toolkit.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** rules.yaml is complete, consistent, and agrees with estimate.yaml in both directions. */
class RuleCatalogTest {

    private static final Pattern RULE_ID = Pattern.compile("^[A-Z]+(-[A-Z0-9]+)+$");
    /** A rule ID inside running text. */
    private static final Pattern CITED_ID = Pattern.compile("\\b[A-Z]+(?:-[A-Z0-9]+)+\\b");
    /** A parenthesised group of running text (citations are written "(RULE-ID, OTHER-ID)"). */
    private static final Pattern PARENTHESES = Pattern.compile("\\(([^()]*)\\)");
    /** A family wildcard such as AUTH-* in running text. */
    private static final Pattern WILDCARD = Pattern.compile("\\b([A-Z]+(?:-[A-Z0-9]+)*)-\\*");
    private static final Set<String> OUTCOME_PARTS = Set.of("status", "type", "code", "param", "header");

    private static final RuleCatalog CATALOG = RuleCatalog.load();
    private static final JsonNode SPEC = SpecFiles.readYaml(SpecFiles.current());

    @Test
    void classpath_catalog_is_the_source_file() {
        RuleCatalog source = RuleCatalog.load(SpecFiles.rules());
        assertThat(CATALOG.rules()).isEqualTo(source.rules());
        assertThat(CATALOG.rules()).hasSizeGreaterThan(50);
        assertThat(CATALOG.docUrlBase()).isEqualTo("https://docs.aurous-labs.com/errors#");
    }

    @Test
    void readme_snippet_works() {
        RuleCatalog catalog = RuleCatalog.load();
        Rule rule = catalog.rule("SIZE-XOR-DIMS");

        assertThat(rule.outcome().status()).isEqualTo(400);
        assertThat(rule.outcome().code()).isEqualTo("parameter_invalid_combination");
        assertThat(catalog.docUrl(rule))
                .contains("https://docs.aurous-labs.com/errors#parameter_invalid_combination");
        assertThat(catalog.family("dimensions")).extracting(Rule::id)
                .containsExactly("SIZE-ENUM", "SIZE-XOR-DIMS", "DIM-PAIR", "DIM-RANGE", "DIM-SNAP-32");
    }

    @Test
    void every_rule_has_an_unique_upper_kebab_id() {
        List<String> ids = CATALOG.rules().stream().map(Rule::id).toList();
        assertThat(ids).allMatch(id -> id != null && RULE_ID.matcher(id).matches(), "UPPER-KEBAB");
        assertThat(ids).doesNotHaveDuplicates();
    }

    @Test
    void every_rule_has_family_tier_text_and_outcome() {
        assertThat(CATALOG.rules()).allSatisfy(rule -> {
            assertThat(rule.family()).as("%s family", rule.id()).isNotBlank().matches("[a-z]+(-[a-z]+)*");
            assertThat(rule.tier()).as("%s tier", rule.id()).isNotNull();
            assertThat(rule.text()).as("%s rule text", rule.id()).isNotBlank();
            assertThat(rule.outcome()).as("%s outcome", rule.id()).isNotNull();
            assertThat(rule.outcome().documented()).as("%s outcome.documented", rule.id())
                    .isSubsetOf(OUTCOME_PARTS);
        });
    }

    @Test
    void every_source_key_exists_in_sources() {
        assertThat(CATALOG.sources()).isNotEmpty();
        assertThat(CATALOG.sources().values()).allMatch(url -> url.startsWith("https://docs.aurous-labs.com/"));
        assertThat(CATALOG.rules()).allSatisfy(rule ->
                assertThat(CATALOG.sources().keySet()).as("%s source keys", rule.id())
                        .containsAll(rule.source()));
    }

    @Test
    void documented_rules_name_a_source() {
        assertThat(CATALOG.rules()).filteredOn(r -> r.tier() == Tier.DOCUMENTED)
                .allSatisfy(rule -> assertThat(rule.source()).as("%s source", rule.id()).isNotEmpty());
    }

    @Test
    void error_outcomes_are_complete() {
        assertThat(CATALOG.rules()).filteredOn(r -> r.outcome().isError()).allSatisfy(rule -> {
            Outcome outcome = rule.outcome();
            assertThat(outcome.type()).as("%s type", rule.id())
                    .isIn("invalid_request", "authentication", "not_found", "rate_limit", "server_error");
            assertThat(outcome.code()).as("%s code", rule.id()).matches("[a-z]+(_[a-z]+)*");
        });
    }

    @Test
    void inferred_rules_say_whether_the_vendor_is_silent_or_contradictory() {
        assertThat(CATALOG.rules()).filteredOn(Rule::isInferred).allSatisfy(rule ->
                assertThat(rule.vendorDocs()).as("%s vendor_docs", rule.id()).isNotNull());
        assertThat(CATALOG.rules()).filteredOn(r -> !r.isInferred()).allSatisfy(rule ->
                assertThat(rule.vendorDocs()).as("%s: vendor_docs is for inferred rules", rule.id()).isNull());
    }

    @Test
    void inferred_rules_that_differ_from_the_docs_carry_a_decision() {
        assertThat(CATALOG.rules())
                .filteredOn(r -> r.isInferred() && r.vendorDocs() == VendorDocs.CONTRADICTORY)
                .isNotEmpty()
                .allSatisfy(rule -> assertThat(rule.decisionIfAny()).as("%s decision", rule.id()).isPresent());
    }

    @Test
    void evaluation_order_and_catalog_only_name_existing_rules() {
        Set<String> ids = ids();
        assertThat(CATALOG.evaluationOrder()).filteredOn(step -> RULE_ID.matcher(step).matches())
                .isSubsetOf(ids);
        assertThat(CATALOG.catalogOnly()).isSubsetOf(ids).doesNotHaveDuplicates();
    }

    @Test
    void every_rule_id_cited_in_the_spec_exists_in_the_catalog() {
        assertThat(citedInSpec()).isNotEmpty().isSubsetOf(ids());
    }

    @Test
    void every_family_wildcard_in_the_spec_matches_a_rule() {
        Set<String> prefixes = new TreeSet<>();
        for (String text : specText()) {
            Matcher m = WILDCARD.matcher(text);
            while (m.find()) {
                prefixes.add(m.group(1) + "-");
            }
        }
        assertThat(prefixes).isNotEmpty().allSatisfy(prefix ->
                assertThat(ids()).as("rules matching %s*", prefix).anyMatch(id -> id.startsWith(prefix)));
    }

    @Test
    void every_catalog_rule_is_cited_in_the_spec_or_listed_as_catalog_only() {
        Set<String> cited = citedInSpec();
        List<String> uncited = CATALOG.rules().stream().map(Rule::id)
                .filter(id -> !cited.contains(id) && !CATALOG.catalogOnly().contains(id)).toList();
        assertThat(uncited).as("rules neither cited in estimate.yaml nor listed in catalog_only").isEmpty();
        assertThat(CATALOG.catalogOnly()).as("catalog_only rules that the spec cites after all")
                .doesNotContainAnyElementsOf(cited);
    }

    @Test
    void every_error_code_in_the_catalog_appears_in_the_spec_examples_or_descriptions() {
        Set<String> exampleCodes = new HashSet<>();
        collectExampleErrorCodes(SPEC, exampleCodes);
        String descriptions = String.join("\n", specText());

        // catalog_only rules answer outside the operation (other paths, other methods), so the spec does not show them
        Set<String> codes = CATALOG.rules().stream().filter(r -> !CATALOG.catalogOnly().contains(r.id()))
                .map(r -> r.outcome().code()).filter(c -> c != null)
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(codes).isNotEmpty().allSatisfy(code -> assertThat(
                exampleCodes.contains(code) || Pattern.compile("\\b" + code + "\\b").matcher(descriptions).find())
                .as("error code %s in an error example or a description of estimate.yaml", code).isTrue());
    }

    @Test
    void every_4xx_status_in_the_catalog_is_a_documented_response() {
        JsonNode responses = SPEC.at("/paths/~1v1~1images~1estimate/post/responses");
        Set<Integer> statuses = CATALOG.rules().stream().filter(r -> !CATALOG.catalogOnly().contains(r.id()))
                .map(r -> r.outcome().status())
                .filter(s -> s != null && s >= 400 && s < 500).collect(Collectors.toCollection(TreeSet::new));
        assertThat(statuses).isNotEmpty().allSatisfy(status ->
                assertThat(responses.has(String.valueOf(status))).as("response %s documented", status).isTrue());
    }

    @Test
    void error_examples_agree_with_the_rule_they_are_named_after() {
        // Example summaries that are a rule ID ("summary: SIZE-XOR-DIMS") show that rule's answer.
        List<JsonNode> examples = new ArrayList<>();
        collectNamedExamples(SPEC, examples);
        assertThat(examples).hasSizeGreaterThanOrEqualTo(10).allSatisfy(example -> {
            Rule rule = CATALOG.rule(example.get("summary").asText());
            if (rule.outcome().code() == null) {
                return; // e.g. NO-SERVER-ERROR: any 5xx of type server_error
            }
            JsonNode error = example.path("value").path("error");
            assertThat(error.path("type").asText()).as("%s type", rule.id()).isEqualTo(rule.outcome().type());
            assertThat(error.path("code").asText()).as("%s code", rule.id()).isEqualTo(rule.outcome().code());
            assertThat(error.path("doc_url").asText()).isEqualTo(CATALOG.docUrl(rule).orElseThrow());
        });
    }

    @Test
    void vendor_sample_is_a_json_object_that_breaks_size_xor_dims_and_char_xor_refs() throws IOException {
        JsonNode sample = SpecFiles.JSON.readTree(SpecFiles.vendorSample().toFile());

        assertThat(sample.isObject()).as("a JSON object").isTrue();
        assertThat(sample.path("prompt").isTextual()).isTrue();
        // SIZE-XOR-DIMS: size together with width and/or height.
        assertThat(sample.path("size").isTextual()).isTrue();
        assertThat(sample.path("width").isNumber() || sample.path("height").isNumber()).isTrue();
        // CHAR-XOR-REFS: character_id together with a non-empty reference_image_urls.
        assertThat(sample.path("character_id").isTextual()).isTrue();
        assertThat(sample.path("reference_image_urls").isArray()).isTrue();
        assertThat(sample.path("reference_image_urls")).isNotEmpty();
        // Both rules exist and reject.
        assertThat(CATALOG.rule("SIZE-XOR-DIMS").outcome().status()).isEqualTo(400);
        assertThat(CATALOG.rule("CHAR-XOR-REFS").outcome().status()).isEqualTo(400);
    }

    @Test
    void vendor_sample_is_on_the_classpath() throws IOException {
        try (var in = RuleCatalog.class.getClassLoader().getResourceAsStream(RuleCatalog.VENDOR_SAMPLE_RESOURCE)) {
            assertThat(in).isNotNull();
            assertThat(SpecFiles.JSON.readTree(in).isObject()).isTrue();
        }
    }

    // ------------------------------------------------------------------------------------------ alternatives

    @Test
    void every_inferred_rule_has_an_alternative_or_says_why_none_is_compatible() {
        assertThat(CATALOG.rules()).filteredOn(Rule::isInferred).allSatisfy(rule -> {
            assertThat(rule.alternative()).as("%s alternative", rule.id()).isNotNull();
            assertThat(rule.differsUnderAlternative() || rule.alternative().isNone())
                    .as("%s: an alternative that differs, or `none` with the reason", rule.id()).isTrue();
        });
        assertThat(CATALOG.rules()).filteredOn(r -> r.alternative() != null && r.alternative().isNone())
                .allSatisfy(rule -> {
                    assertThat(rule.isInferred()).as("%s: none is for inferred rules", rule.id()).isTrue();
                    assertThat(rule.alternative().outcome()).isEmpty();
                    assertThat(rule.alternative().choices()).isEmpty();
                    assertThat(rule.alternative().schema()).isEmpty();
                });
    }

    @Test
    void a_documented_rule_whose_code_is_ours_has_an_alternative_code() {
        assertThat(CATALOG.rules())
                .filteredOn(r -> !r.isInferred() && r.outcome().isError() && !r.outcome().isDocumented("code"))
                .isNotEmpty()
                .allSatisfy(rule -> assertThat(rule.alternativeOutcome().code()).as("%s alternative code", rule.id())
                        .isNotEqualTo(rule.outcome().code()));
    }

    @Test
    void a_param_with_an_item_index_has_an_alternative_without_it() {
        assertThat(CATALOG.rules()).filteredOn(r -> r.outcome().param() != null
                        && (r.outcome().param().contains("[{i}]") || r.outcome().param().equals("{path}")))
                .hasSizeGreaterThanOrEqualTo(6)
                .allSatisfy(rule -> {
                    if (!rule.alternativeOutcome().isError()) {
                        return; // the alternative accepts (REF-URL-HOST-UNLISTED): no param at all
                    }
                    assertThat(rule.alternativeOutcome().param()).as("%s alternative param", rule.id())
                            .doesNotContain("[").isNotEqualTo("{path}");
                });
    }

    @Test
    void an_alternative_never_changes_a_documented_part_or_the_type() {
        assertThat(CATALOG.rules()).filteredOn(r -> r.alternative() != null).allSatisfy(rule -> {
            Alternative alt = rule.alternative();
            assertThat(alt.outcome().keySet()).as("%s outcome parts", rule.id()).isSubsetOf(Alternative.PARTS);
            for (String part : alt.changedParts()) {
                assertThat(rule.outcome().isDocumented(part)).as("%s changes documented %s", rule.id(), part)
                        .isFalse();
            }
            Outcome before = rule.outcome();
            Outcome after = rule.alternativeOutcome();
            if (before.isError() && after.isError() && before.status().equals(after.status())) {
                assertThat(after.type()).as("%s type (tied to the status)", rule.id()).isEqualTo(before.type());
            }
            if (after.isError()) {
                assertThat(after.type()).as("%s type", rule.id())
                        .isIn("invalid_request", "authentication", "not_found", "rate_limit", "server_error");
                assertThat(after.code()).as("%s code", rule.id()).matches("[a-z]+(_[a-z]+)*");
                assertThat(after.message()).as("%s message", rule.id()).isNotBlank();
            }
        });
    }

    @Test
    void alternative_choices_flip_choices_the_rule_has() {
        assertThat(CATALOG.rules()).filteredOn(r -> r.alternative() != null).allSatisfy(rule -> {
            for (var choice : rule.alternative().choices().entrySet()) {
                assertThat(rule.choices()).as("%s choices", rule.id()).containsKey(choice.getKey());
                assertThat(choice.getValue()).as("%s %s", rule.id(), choice.getKey())
                        .isNotBlank().isNotEqualTo(rule.choices().get(choice.getKey()));
            }
        });
        assertThat(CATALOG.rules()).allSatisfy(rule -> rule.choices().forEach((name, value) ->
                assertThat(name + value).as("%s choice", rule.id()).matches("[a-z_]+[a-z_]+")));
    }

    @Test
    void alternative_schema_changes_point_at_keywords_of_the_request_body_schema() {
        JsonNode body = SPEC.at("/components/schemas/EstimateRequest");
        assertThat(CATALOG.rules()).filteredOn(r -> r.alternative() != null).allSatisfy(rule -> {
            for (String pointer : rule.alternative().schema().keySet()) {
                assertThat(pointer).as("%s schema change", rule.id()).startsWith("/");
                String parent = pointer.substring(0, pointer.lastIndexOf('/'));
                assertThat(parent.isEmpty() || body.at(parent).isObject())
                        .as("%s: %s names a schema object of EstimateRequest", rule.id(), parent).isTrue();
            }
        });
    }

    @Test
    void every_error_outcome_has_a_message_template() {
        assertThat(CATALOG.rules()).filteredOn(r -> r.outcome().isError()).allSatisfy(rule ->
                assertThat(rule.outcome().message()).as("%s message", rule.id()).isNotBlank().endsWith("."));
    }

    @Test
    void the_alternative_order_has_the_same_steps_after_the_same_fixed_ones() {
        List<String> fixed = CATALOG.fixedEvaluationOrder();
        assertThat(fixed).startsWith("ROUTE-NOT-FOUND", "ROUTE-METHOD-NOT-ALLOWED", "BODY-TOO-LARGE")
                .endsWith("RATE-LIMIT-BUCKET");
        assertThat(CATALOG.evaluationOrder()).startsWith(fixed.toArray(String[]::new)).doesNotHaveDuplicates()
                .contains(RuleCatalog.SCHEMA_STEP);
        assertThat(CATALOG.alternativeEvaluationOrder()).startsWith(fixed.toArray(String[]::new))
                .containsExactlyInAnyOrderElementsOf(CATALOG.evaluationOrder())
                .isNotEqualTo(CATALOG.evaluationOrder());
        List<String> steps = new ArrayList<>(CATALOG.evaluationOrder());
        steps.remove(RuleCatalog.SCHEMA_STEP);
        assertThat(steps).isSubsetOf(ids());
        assertThat(CATALOG.alternativeSchemaFindings()).isNotEqualTo(CATALOG.schemaFindings());
    }

    @Test
    void readme_decisions_table_lists_every_rule_that_differs_with_both_readings() throws IOException {
        // Tests run in the module directory; the README is the project's, one level up.
        String readme = java.nio.file.Files.readString(java.nio.file.Path.of("..", "README.md"));
        int start = readme.indexOf("| rule | decision | alternative |");
        assertThat(start).as("README table header `| rule | decision | alternative |`").isPositive();
        Set<String> inTable = new TreeSet<>();
        for (String line : readme.substring(start).split("\\n")) {
            if (!line.startsWith("|")) {
                break;
            }
            String[] cells = line.split("\\|");
            if (cells.length < 4 || line.startsWith("| rule") || line.startsWith("|---")) {
                continue;
            }
            assertThat(cells[2].strip()).as("decision of %s", cells[1]).isNotEmpty();
            assertThat(cells[3].strip()).as("alternative of %s", cells[1]).isNotEmpty();
            Matcher id = CITED_ID.matcher(cells[1]);
            while (id.find()) {
                inTable.add(id.group());
            }
        }
        Set<String> expected = new TreeSet<>();
        CATALOG.rules().stream().filter(r -> r.isInferred() || r.differsUnderAlternative())
                .forEach(r -> expected.add(r.id()));
        expected.add("EVALUATION-ORDER");
        assertThat(inTable).as("rules in the README decisions table").isEqualTo(expected);
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private static Set<String> ids() {
        return CATALOG.rules().stream().map(Rule::id).collect(Collectors.toSet());
    }

    /** Rule IDs cited in parentheses in descriptions and summaries, plus example summaries that are a rule ID. */
    private static Set<String> citedInSpec() {
        Set<String> cited = new TreeSet<>();
        for (String text : specText()) {
            Matcher group = PARENTHESES.matcher(text);
            while (group.find()) {
                Matcher id = CITED_ID.matcher(group.group(1));
                while (id.find()) {
                    cited.add(id.group());
                }
            }
            if (RULE_ID.matcher(text.trim()).matches()) {
                cited.add(text.trim());
            }
        }
        return cited;
    }

    /** Every description and summary string of the document (not patterns, not example values). */
    private static List<String> specText() {
        List<String> texts = new ArrayList<>();
        collectText(SPEC, texts);
        return texts;
    }

    private static void collectText(JsonNode node, List<String> out) {
        if (node.isContainerNode()) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                if ((field.getKey().equals("description") || field.getKey().equals("summary"))
                        && field.getValue().isTextual()) {
                    out.add(field.getValue().asText());
                } else if (!field.getKey().equals("value")) {
                    collectText(field.getValue(), out);
                }
            }
            if (node.isArray()) {
                node.forEach(child -> collectText(child, out));
            }
        }
    }

    private static void collectExampleErrorCodes(JsonNode node, Set<String> out) {
        if (node.isObject() && node.has("error") && node.get("error").has("code")) {
            out.add(node.get("error").get("code").asText());
        }
        if (node.isContainerNode()) {
            node.forEach(child -> collectExampleErrorCodes(child, out));
        }
    }

    private static void collectNamedExamples(JsonNode node, List<JsonNode> out) {
        if (node.isObject() && node.has("summary") && node.has("value")
                && RULE_ID.matcher(node.get("summary").asText()).matches()
                && node.get("value").has("error")) {
            out.add(node);
        }
        if (node.isContainerNode()) {
            node.forEach(child -> collectNamedExamples(child, out));
        }
    }

}
