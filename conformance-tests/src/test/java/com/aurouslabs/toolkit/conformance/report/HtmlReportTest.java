package com.aurouslabs.toolkit.conformance.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The HTML page: self-contained, every rule with its details, every text escaped, no key. */
class HtmlReportTest {

  private final String html = HtmlReport.render(ReportData.from(ReportSamples.fiveRules(),
      KeyRedaction.keyShapes(), ReportSamples.TITLES));

  @Test
  void the_page_is_self_contained_with_no_script_and_nothing_fetched() {
    assertThat(html).startsWith("<!DOCTYPE html>").contains("<style>")
        .doesNotContainPattern("(?i)<script|<link|<img|@import|url\\(|src=|href=\"http");
    assertThat(html).contains("Content-Security-Policy\" content=\"default-src 'none'");
  }

  @Test
  void the_summary_counts_each_result_and_the_filter_has_a_button_per_result() {
    assertThat(html).contains("<td>1</td><td>1</td><td>1</td><td>1</td><td>1</td><td>5</td>");
    for (String res : HtmlReport.RESULTS) {
      assertThat(html).contains("id=\"f-" + res + "\"")
          .contains("#f-" + res + ":checked ~ .rules .rule:not(.r-" + res + "){display:none}");
    }
    assertThat(html).contains("<label for=\"f-all\">all (5)</label>");
  }

  @Test
  void each_rule_is_one_block_with_messages_seeds_curl_lines_and_skip_reasons() {
    assertThat(count("<details class=\"rule ")).isEqualTo(5);
    assertThat(html).contains("<details class=\"rule r-failed\" id=\"rule-AUTH-INVALID-KEY\" open>")
        .contains("<code>-4242</code>")
        .contains("<pre class=\"curl\">curl -sS -i -X &#39;POST&#39; &#39;http://127.0.0.1:4999/v1/images/estimate"
            + "&#39; -H &#39;X-Api-Key: al_test_****&#39;</pre>")
        .contains("<li>fixture REVOKED_KEY missing: set AUROUS_REVOKED_API_KEY</li>");
  }

  @Test
  void hostile_message_text_is_escaped_and_never_markup() {
    assertThat(html).doesNotContain("<script>").doesNotContain("</testcase>")
        .contains("&lt;/testcase&gt;&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;quoted&quot;");
  }

  @Test
  void an_api_key_in_the_input_never_reaches_the_page() {
    assertThat(html).doesNotContain(ReportSamples.KEY).doesNotContain(ReportSamples.TEST_KEY)
        .doesNotContain("a".repeat(16)).contains("al_live_****");
  }

  private int count(String s) {
    Matcher m = Pattern.compile(Pattern.quote(s)).matcher(html);
    int n = 0;
    while (m.find()) {
      n++;
    }
    return n;
  }
}
