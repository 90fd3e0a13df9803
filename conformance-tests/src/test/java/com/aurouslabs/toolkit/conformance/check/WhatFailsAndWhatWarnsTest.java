package com.aurouslabs.toolkit.conformance.check;

import static org.assertj.core.api.Assertions.assertThat;

import com.aurouslabs.toolkit.conformance.oracle.Choice;
import com.aurouslabs.toolkit.conformance.spec.Rule;
import com.aurouslabs.toolkit.conformance.spec.RuleCatalog;
import com.aurouslabs.toolkit.conformance.spec.SpecDocument;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The README's "What fails and what warns" table is the one the catalog and the verdict policy give. */
class WhatFailsAndWhatWarnsTest {

  private static final RuleCatalog CATALOG = RuleCatalog.classpath();

  @Test
  void readme_table_is_generated_from_the_catalog() throws Exception {
    String readme = Files.readString(Path.of("README.md"));
    String expected = VerdictTable.markdown(CATALOG);
    int start = readme.indexOf(VerdictTable.START);
    int end = readme.indexOf(VerdictTable.END);
    String actual = start < 0 || end < start ? "(no table)" : readme.substring(start, end + VerdictTable.END.length() + 1);
    Path fresh = Path.of("target", "what-fails-and-what-warns.md");
    Files.createDirectories(fresh.getParent());
    Files.writeString(fresh, expected);
    assertThat(actual).as("conformance-tests/README.md's table differs from the catalog; paste " + fresh.toAbsolutePath())
        .isEqualTo(expected);
  }

  @Test
  void every_open_choice_belongs_to_a_catalog_rule() {
    for (Choice c : Choice.values()) {
      assertThat(c.options()).as(c.name()).isGreaterThanOrEqualTo(2);
      c.ruleIds().forEach(id -> assertThat(CATALOG.rule(id)).as(c.name()).isNotNull());
    }
  }

  @Test
  void a_documented_security_rule_always_fails_when_its_blocked_input_is_accepted() {
    CATALOG.all().stream().filter(r -> r.security() && r.rejects() && r.isDocumented())
        .forEach(r -> assertThat(VerdictPolicy.documented(r, "status-class")).as(r.id()).isTrue());
  }

  @Test
  void an_inferred_security_rule_only_warns_when_its_blocked_input_is_accepted() {
    assertThat(CATALOG.all().stream().filter(r -> r.security() && r.rejects() && !r.isDocumented()).map(Rule::id))
        .contains("REF-URL-NO-USERINFO", "REF-URL-HOST-UNLISTED")
        .allSatisfy(id -> assertThat(VerdictPolicy.documented(CATALOG.rule(id), "status-class")).as(id).isFalse());
  }

  @Test
  void an_inferred_part_never_fails_unless_strict() {
    Rule lora = CATALOG.rule("LORA-NOT-FOUND");
    VerdictPolicy lenient = new VerdictPolicy(CATALOG, null, SpecDocument.classpath()::fieldsCiting);
    assertThat(lenient.classify(lora, java.util.List.of("code", "param", "status", "precedence", "reading")))
        .isEqualTo(Result.WARNING);
    assertThat(new VerdictPolicy(CATALOG, "true", f -> java.util.List.of()).classify(lora, java.util.List.of("param")))
        .isEqualTo(Result.FAILED);
  }
}
