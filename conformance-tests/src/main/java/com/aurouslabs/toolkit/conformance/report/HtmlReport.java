package com.aurouslabs.toolkit.conformance.report;

import com.aurouslabs.toolkit.conformance.report.ReportData.RuleEntry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * {@code conformance-report.html}: one self-contained page (inline CSS, no script, nothing fetched from anywhere):
 * the summary counts, a filter by result (radio buttons and CSS sibling selectors, so it works offline and under a
 * strict Content-Security-Policy), and each rule with its messages, seeds, curl lines and skip reasons. Every text
 * is HTML-escaped; {@link ReportData} has already masked keys.
 */
public final class HtmlReport {

  public static final String FILE_NAME = "conformance-report.html";
  static final List<String> RESULTS = List.of("failed", "warning", "passed", "skipped", "not_run");

  private HtmlReport() {}

  public static void write(ReportData report, Path file) throws IOException {
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    Files.writeString(tmp, render(report));
    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
  }

  public static String render(ReportData r) {
    StringBuilder h = new StringBuilder(64 * 1024);
    h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<title>Conformance report: ").append(esc(r.target())).append("</title>\n<style>\n").append(CSS);
    for (String res : RESULTS) {
      h.append("#f-").append(res).append(":checked ~ .rules .rule:not(.r-").append(res).append("){display:none}\n");
    }
    h.append("</style>\n</head>\n<body>\n<h1>Conformance report: <code>POST /v1/images/estimate</code></h1>\n")
        .append("<p class=\"meta\">target <b>").append(esc(r.target())).append("</b>")
        .append(r.embeddedMock() ? " (embedded mock)" : "")
        .append(" &middot; generated ").append(esc(r.generatedAt()))
        .append(" &middot; ").append(r.requests()).append(" requests")
        .append(" &middot; strict ").append(r.strict()).append(" &middot; budget mode ").append(r.budgetMode())
        .append("</p>\n");
    if (!r.fatal().isEmpty()) {
      h.append("<div class=\"fatal\"><b>The run could not complete.</b><ul>\n");
      r.fatal().forEach(f -> h.append("<li>").append(esc(f)).append("</li>\n"));
      h.append("</ul></div>\n");
    }
    h.append("<table class=\"totals\"><tr>");
    for (String res : RESULTS) {
      h.append("<th class=\"r-").append(res).append("\">").append(label(res)).append("</th>");
    }
    h.append("<th>rules</th></tr>\n<tr>");
    for (String res : RESULTS) {
      h.append("<td>").append(r.count(res)).append("</td>");
    }
    h.append("<td>").append(r.rules().size()).append("</td></tr></table>\n");

    h.append("<input type=\"radio\" name=\"filter\" id=\"f-all\" checked><label for=\"f-all\">all (")
        .append(r.rules().size()).append(")</label>\n");
    for (String res : RESULTS) {
      h.append("<input type=\"radio\" name=\"filter\" id=\"f-").append(res).append("\"><label for=\"f-")
          .append(res).append("\">").append(label(res)).append(" (").append(r.count(res)).append(")</label>\n");
    }
    h.append("<div class=\"rules\">\n");
    for (RuleEntry e : r.rules()) {
      rule(h, e);
    }
    h.append("</div>\n<p class=\"meta\">Failed = a documented or security rule was broken (or, in strict mode, "
        + "an inferred one); warning = an undocumented difference. Keys are masked.</p>\n</body>\n</html>\n");
    return h.toString();
  }

  private static void rule(StringBuilder h, RuleEntry e) {
    h.append("<details class=\"rule r-").append(esc(e.result())).append("\" id=\"rule-").append(esc(e.id()))
        .append("\"").append("failed".equals(e.result()) ? " open" : "").append(">\n<summary><span class=\"badge r-")
        .append(esc(e.result())).append("\">").append(label(e.result())).append("</span> <b>").append(esc(e.id()))
        .append("</b> ").append(esc(e.title())).append(" <span class=\"tags\">").append(esc(e.family()))
        .append(" &middot; ").append(esc(e.tier())).append(e.security() ? " &middot; security" : "")
        .append(" &middot; ").append(e.checksPassed()).append(" ok / ").append(e.warnings()).append(" warn / ")
        .append(e.failures()).append(" fail / ").append(e.skips()).append(" skip &middot; ").append(e.requests())
        .append(" req</span></summary>\n");
    if (!e.messages().isEmpty()) {
      h.append("<h4>messages</h4>\n");
      e.messages().forEach(m -> h.append("<pre>").append(esc(m)).append("</pre>\n"));
    }
    List<String> curls = e.curlLines();
    if (!curls.isEmpty()) {
      h.append("<h4>reproduce</h4>\n");
      curls.forEach(c -> h.append("<pre class=\"curl\">").append(esc(c)).append("</pre>\n"));
    }
    if (!e.seeds().isEmpty()) {
      h.append("<p><b>seeds</b> ");
      e.seeds().forEach(s -> h.append("<code>").append(esc(s)).append("</code> "));
      h.append("</p>\n");
    }
    if (!e.skipReasons().isEmpty()) {
      h.append("<h4>skipped</h4>\n<ul>\n");
      e.skipReasons().forEach(s -> h.append("<li>").append(esc(s)).append("</li>\n"));
      h.append("</ul>\n");
    }
    if (e.messages().isEmpty() && e.skipReasons().isEmpty()) {
      h.append("<p class=\"meta\">").append(e.checksPassed() > 0 ? "every check passed" : "no check ran")
          .append("</p>\n");
    }
    h.append("</details>\n");
  }

  private static String label(String result) {
    return "not_run".equals(result) ? "not run" : result;
  }

  /** HTML text and attribute escaping (the five characters that can end a text, a tag or a quoted attribute). */
  static String esc(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder b = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> b.append("&amp;");
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&#39;");
        default -> b.append(c);
      }
    }
    return b.toString();
  }

  private static final String CSS = """
      body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;margin:2em auto;max-width:75em;padding:0 1em;color:#222}
      h1{font-size:1.4em} h4{margin:.6em 0 .2em;font-size:.95em}
      .meta{color:#555} .fatal{background:#fde8e8;border:1px solid #c00;padding:.5em 1em;margin:1em 0}
      table.totals{border-collapse:collapse;margin:1em 0} table.totals th,table.totals td{border:1px solid #ccc;padding:.3em .9em;text-align:center}
      input[type=radio]{position:absolute;opacity:0}
      label{display:inline-block;padding:.25em .8em;margin:0 .3em .6em 0;border:1px solid #999;border-radius:1em;cursor:pointer}
      input:checked+label{background:#222;color:#fff}
      input:focus-visible+label{outline:2px solid #06c}
      details.rule{border:1px solid #ddd;border-left-width:6px;margin:.3em 0;padding:.3em .8em}
      summary{cursor:pointer} .tags{color:#666;font-size:.85em}
      pre{white-space:pre-wrap;word-break:break-word;background:#f6f6f6;padding:.5em;margin:.2em 0;font-size:.85em}
      pre.curl{background:#eef4ff}
      .badge{display:inline-block;min-width:5em;text-align:center;border-radius:.3em;padding:0 .4em;font-size:.85em;color:#fff}
      .badge.r-failed{background:#c00} .badge.r-warning{background:#b76e00} .badge.r-passed{background:#2a7d2a}
      .badge.r-skipped,.badge.r-not_run{background:#777}
      details.r-failed{border-left-color:#c00} details.r-warning{border-left-color:#b76e00}
      details.r-passed{border-left-color:#2a7d2a} details.r-skipped,details.r-not_run{border-left-color:#999}
      th.r-failed{color:#c00} th.r-warning{color:#b76e00} th.r-passed{color:#2a7d2a}
      """;
}
