package com.aurouslabs.toolkit.conformance.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The JUnit XML: one test case per catalog rule, in the shape CI servers read, with nothing hostile or secret. */
class JunitXmlReportTest {

  private final ReportData data = ReportData.from(ReportSamples.fiveRules(), KeyRedaction.keyShapes(),
      ReportSamples.TITLES);

  private String xml() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    JunitXmlReport.write(data, Duration.ofMillis(12_345), out);
    return out.toString(StandardCharsets.UTF_8);
  }

  private Element parse(String xml) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    Document doc = f.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    return doc.getDocumentElement();
  }

  private static List<Element> children(Element parent, String name) {
    List<Element> out = new ArrayList<>();
    NodeList nodes = parent.getChildNodes();
    for (int i = 0; i < nodes.getLength(); i++) {
      if (nodes.item(i) instanceof Element e && (name == null || e.getTagName().equals(name))) {
        out.add(e);
      }
    }
    return out;
  }

  private Element testcase(Element suite, String ruleId) {
    return children(suite, "testcase").stream().filter(t -> t.getAttribute("name").startsWith(ruleId + ": "))
        .findFirst().orElseThrow();
  }

  @Test
  void every_catalog_rule_is_exactly_one_testcase_named_id_and_title_with_its_family_as_classname()
      throws Exception {
    Element suite = parse(xml());
    assertThat(suite.getTagName()).isEqualTo("testsuite");
    List<Element> cases = children(suite, "testcase");
    assertThat(cases).extracting(t -> t.getAttribute("name")).containsExactly(
        "AUTH-INVALID-KEY: Title of AUTH-INVALID-KEY", "SIZE-SNAP: Title of SIZE-SNAP",
        "PROMPT-MAX: Title of PROMPT-MAX", "AUTH-REVOKED-KEY: Title of AUTH-REVOKED-KEY",
        "LORA-MODE: Title of LORA-MODE");
    assertThat(cases).extracting(t -> t.getAttribute("classname"))
        .containsExactly("auth", "dimensions", "prompt", "auth", "lora");
    assertThat(suite.getAttribute("tests")).isEqualTo("5");
    assertThat(suite.getAttribute("failures")).isEqualTo("1");
    assertThat(suite.getAttribute("errors")).isEqualTo("0");
    assertThat(suite.getAttribute("skipped")).isEqualTo("2");
    assertThat(suite.getAttribute("time")).isEqualTo("12.345");
  }

  @Test
  void the_document_keeps_to_the_common_jenkins_surefire_schema() throws Exception {
    Element suite = parse(xml());
    // testsuite: required name, tests, failures, errors; children properties, testcase, system-out/-err only
    for (String required : List.of("name", "tests", "failures", "errors")) {
      assertThat(suite.hasAttribute(required)).as(required).isTrue();
    }
    assertThat(suite.getAttribute("time")).matches("(([0-9]{0,3},)*[0-9]{3}|[0-9]{0,3})*(\\.[0-9]*)?");
    assertThat(children(suite, null)).extracting(Element::getTagName)
        .allMatch(Set.of("properties", "testcase", "system-out", "system-err")::contains);
    for (Element p : children(children(suite, "properties").get(0), null)) {
      assertThat(p.getTagName()).isEqualTo("property");
      assertThat(p.hasAttribute("name") && p.hasAttribute("value")).isTrue();
    }
    for (Element t : children(suite, "testcase")) {
      assertThat(t.hasAttribute("name")).isTrue();
      assertThat(children(t, null)).extracting(Element::getTagName)
          .allMatch(Set.of("skipped", "error", "failure", "system-out", "system-err")::contains);
    }
  }

  @Test
  void a_failed_rule_carries_a_failure_with_its_messages_and_seeds() throws Exception {
    Element failure = children(testcase(parse(xml()), "AUTH-INVALID-KEY"), "failure").get(0);
    assertThat(failure.getAttribute("message")).startsWith("[AUTH-INVALID-KEY] expected 401, got 200 ");
    assertThat(failure.getAttribute("type")).isEqualTo("documented, security");
    assertThat(failure.getTextContent()).contains("seeds: -4242").contains("curl:");
  }

  @Test
  void a_warning_passes_with_a_note_in_system_out_and_a_suite_property() throws Exception {
    Element suite = parse(xml());
    Element warned = testcase(suite, "SIZE-SNAP");
    assertThat(children(warned, "failure")).isEmpty();
    assertThat(children(warned, "skipped")).isEmpty();
    assertThat(children(warned, "system-out").get(0).getTextContent())
        .startsWith("WARNING").contains("rounds down where we round up");
    assertThat(children(children(suite, "properties").get(0), "property"))
        .anySatisfy(p -> {
          assertThat(p.getAttribute("name")).isEqualTo("warning.SIZE-SNAP");
          assertThat(p.getAttribute("value")).isEqualTo("[SIZE-SNAP] rounds down where we round up");
        });
  }

  @Test
  void skipped_and_not_run_rules_are_skipped_with_the_reason() throws Exception {
    Element suite = parse(xml());
    assertThat(children(testcase(suite, "AUTH-REVOKED-KEY"), "skipped").get(0).getAttribute("message"))
        .isEqualTo("fixture REVOKED_KEY missing: set AUROUS_REVOKED_API_KEY");
    assertThat(children(testcase(suite, "LORA-MODE"), "skipped").get(0).getAttribute("message"))
        .isEqualTo("not run by this selection");
    assertThat(children(testcase(suite, "PROMPT-MAX"), null)).isEmpty();
  }

  @Test
  void hostile_message_text_stays_text_and_cannot_close_the_testcase() throws Exception {
    String xml = xml();
    assertThat(xml).doesNotContain("</testcase><script>").doesNotContain("\u0001");
    Element failure = children(testcase(parse(xml), "AUTH-INVALID-KEY"), "failure").get(0);
    assertThat(failure.getTextContent()).contains("</testcase><script>alert('x')</script> & \"quoted\" ]]>");
    assertThat(failure.getAttribute("message")).contains("</testcase><script>");
    assertThat(children(parse(xml), "testcase")).hasSize(5);
  }

  @Test
  void an_api_key_in_the_input_never_reaches_the_xml() throws Exception {
    String xml = xml();
    assertThat(xml).doesNotContain(ReportSamples.KEY).doesNotContain(ReportSamples.TEST_KEY)
        .doesNotContain("a".repeat(16)).contains("al_live_****").contains("al_test_****");
  }

  @Test
  void why_the_run_could_not_complete_goes_to_the_suite_system_err() throws Exception {
    var json = ReportSamples.fiveRules();
    json.withArray("fatal").add("Conformance target http://127.0.0.1:4999 rejected the key " + ReportSamples.KEY);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    JunitXmlReport.write(ReportData.from(json, KeyRedaction.keyShapes(), ReportSamples.TITLES), Duration.ZERO, out);
    Element err = children(parse(out.toString(StandardCharsets.UTF_8)), "system-err").get(0);
    assertThat(err.getTextContent()).contains("could not complete").contains("rejected the key al_live_****")
        .doesNotContain(ReportSamples.KEY);
  }

  @Test
  void titles_default_to_the_first_sentence_of_the_catalog_text() {
    ReportData real = ReportData.from(ReportSamples.fiveRules(), KeyRedaction.keyShapes(), ReportData.catalogTitles());
    assertThat(real.rules().get(0).title()).isEqualTo("An unknown, malformed, or rotated-past-grace key is rejected.");
  }
}
