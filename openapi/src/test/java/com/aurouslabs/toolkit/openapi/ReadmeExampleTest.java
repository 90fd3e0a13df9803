package com.aurouslabs.toolkit.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The snippet of README.md "Reading the contract from Java", with the values its comments state. */
class ReadmeExampleTest {

    @Test
    void the_readme_snippet_reads_what_its_comments_say() {
        EstimateSpec spec = EstimateSpec.bundled();
        assertThat(spec.text()).startsWith("openapi: 3.0.3");
        assertThat(spec.version()).matches("\\d+\\.\\d+\\.\\d+");
        assertThat(spec.apiVersions()).contains(spec.defaultApiVersion());
        SchemaProperty width = spec.request().property("width");
        assertThat(width.type()).isEqualTo("integer");
        assertThat(width.minimum()).isEqualByComparingTo("1024");
        assertThat(width.maximum()).isEqualByComparingTo("4096");
        assertThat(width.citedRules())
                .containsExactly("DIM-RANGE", "DIM-SNAP-32", "DIM-PAIR", "SIZE-XOR-DIMS", "BODY-INTEGER");
        assertThat(spec.request().property("size").enumValues()).hasSize(16);
        assertThat(spec.request().property("reference_image_urls").maxItems()).isEqualTo(6);
        assertThat(spec.request().required()).containsExactly("prompt");
        assertThat(spec.request().additionalPropertiesAllowed()).isFalse();
        assertThat(spec.request().fieldsCiting("DIM-RANGE")).containsExactly("width", "height");
        assertThat(spec.request().schema().path("properties").has("prompt")).isTrue();
        assertThat(spec.versionHeader().pattern()).isNotBlank();
        assertThat(spec.statuses()).containsExactly(200, 400, 401, 404, 413, 429, 500, 502, 503, 504);
        assertThat(spec.response(429).orElseThrow().requiredHeaders()).startsWith("Retry-After", "Aurous-Request-Id");
        assertThat(spec.responseHeader("Aurous-Request-Id").orElseThrow().schema().pattern()).startsWith("^req_");

        RuleCatalog catalog = RuleCatalog.bundled();
        Rule rule = catalog.rule("SIZE-XOR-DIMS");
        assertThat(rule.family()).isEqualTo("dimensions");
        assertThat(rule.tier()).isEqualTo(Tier.DOCUMENTED);
        assertThat(rule.security()).isFalse();
        assertThat(rule.source()).startsWith("EST");
        assertThat(rule.outcome().status()).isEqualTo(400);
        assertThat(rule.outcome().code()).isEqualTo("parameter_invalid_combination");
        assertThat(rule.outcome().isDocumented("code")).isTrue();
        assertThat(catalog.docUrl(rule)).contains("https://docs.aurous-labs.com/errors#parameter_invalid_combination");
        assertThat(catalog.family("dimensions")).extracting(Rule::id)
                .containsExactly("SIZE-ENUM", "SIZE-XOR-DIMS", "DIM-PAIR", "DIM-RANGE", "DIM-SNAP-32");
        assertThat(catalog.evaluationOrder()).startsWith(catalog.fixedEvaluationOrder().toArray(String[]::new));
        assertThat(RuleCatalog.bundled()).isSameAs(catalog);

        SsrfCorpus corpus = SsrfCorpus.bundled();
        assertThat(corpus.blocked()).isNotEmpty();
        assertThat(corpus.allowed()).isNotEmpty();
    }
}
