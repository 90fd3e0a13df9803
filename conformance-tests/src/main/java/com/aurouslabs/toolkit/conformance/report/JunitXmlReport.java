package com.aurouslabs.toolkit.conformance.report;

import com.aurouslabs.toolkit.conformance.report.ReportData.RuleEntry;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * {@code conformance-junit.xml}: one {@code <testcase>} per catalog rule, in the Ant/Surefire JUnit XML shape that
 * Jenkins, GitLab, GitHub test reporters and Azure read natively. Written with the JDK's {@link XMLStreamWriter}
 * (escaping is the writer's job, never string concatenation).
 *
 * <ul>
 *   <li>{@code classname} = the rule family, {@code name} = {@code "RULE-ID: title"};</li>
 *   <li>failed: {@code <failure message="first line" type="tier">} with every message;</li>
 *   <li>warning: passed, with the note in {@code <system-out>} and a suite property {@code warning.RULE-ID}
 *       (the common schema has no properties per test case);</li>
 *   <li>skipped and not run: {@code <skipped message="why"/>}.</li>
 * </ul>
 * Why the run could not complete (if it could not) goes to the suite's {@code <system-err>}.
 */
public final class JunitXmlReport {

  public static final String FILE_NAME = "conformance-junit.xml";
  private static final int MAX_ATTRIBUTE = 500;

  private JunitXmlReport() {}

  public static void write(ReportData report, Duration elapsed, Path file) throws IOException {
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    try (OutputStream out = Files.newOutputStream(tmp)) {
      write(report, elapsed, out);
    }
    Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
  }

  public static void write(ReportData report, Duration elapsed, OutputStream out) throws IOException {
    try {
      XMLStreamWriter x = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
      x.writeStartDocument("UTF-8", "1.0");
      x.writeCharacters("\n");
      x.writeStartElement("testsuite");
      x.writeAttribute("name", "estimate-conformance");
      x.writeAttribute("tests", String.valueOf(report.rules().size()));
      x.writeAttribute("failures", String.valueOf(report.count("failed")));
      x.writeAttribute("errors", "0");
      x.writeAttribute("skipped", String.valueOf(report.count("skipped") + report.count("not_run")));
      x.writeAttribute("time", seconds(elapsed));
      if (!report.generatedAt().isEmpty()) {
        x.writeAttribute("timestamp", report.generatedAt());
      }
      x.writeCharacters("\n");
      x.writeStartElement("properties");
      x.writeCharacters("\n");
      property(x, "target", report.target());
      property(x, "strict", String.valueOf(report.strict()));
      property(x, "budget_mode", String.valueOf(report.budgetMode()));
      property(x, "requests", String.valueOf(report.requests()));
      for (RuleEntry e : report.withResult("warning")) {
        property(x, "warning." + e.id(), firstLine(e.messages()));
      }
      x.writeEndElement();
      x.writeCharacters("\n");
      for (RuleEntry e : report.rules()) {
        testcase(x, e);
      }
      if (!report.fatal().isEmpty()) {
        x.writeStartElement("system-err");
        x.writeCharacters(clean("The run could not complete:\n" + String.join("\n", report.fatal())));
        x.writeEndElement();
        x.writeCharacters("\n");
      }
      x.writeEndElement();
      x.writeCharacters("\n");
      x.writeEndDocument();
      x.flush();
      x.close();
    } catch (XMLStreamException e) {
      throw new IOException("cannot write " + FILE_NAME + ": " + e.getMessage(), e);
    }
  }

  private static void testcase(XMLStreamWriter x, RuleEntry e) throws XMLStreamException {
    x.writeCharacters("  ");
    x.writeStartElement("testcase");
    x.writeAttribute("classname", clean(e.family()));
    x.writeAttribute("name", clean(e.id() + ": " + e.title()));
    x.writeAttribute("time", "0");
    switch (e.result()) {
      case "failed" -> {
        x.writeStartElement("failure");
        x.writeAttribute("message", attribute(firstLine(e.messages())));
        x.writeAttribute("type", e.tier() + (e.security() ? ", security" : ""));
        x.writeCharacters(clean(String.join("\n\n", e.messages()) + seeds(e)));
        x.writeEndElement();
      }
      case "warning" -> {
        x.writeStartElement("system-out");
        x.writeCharacters(clean("WARNING (an undocumented difference; --strict makes it fail)\n"
            + String.join("\n\n", e.messages()) + seeds(e)));
        x.writeEndElement();
      }
      case "skipped", "not_run" -> {
        x.writeStartElement("skipped");
        String why = !e.skipReasons().isEmpty() ? e.skipReasons().get(0)
            : "skipped".equals(e.result()) ? "skipped" : "not run by this selection";
        x.writeAttribute("message", attribute(why));
        x.writeEndElement();
      }
      default -> {
        if (!e.skipReasons().isEmpty()) {
          x.writeStartElement("system-out");
          x.writeCharacters(clean("partly skipped: " + String.join("\n", e.skipReasons())));
          x.writeEndElement();
        }
      }
    }
    x.writeEndElement();
    x.writeCharacters("\n");
  }

  private static void property(XMLStreamWriter x, String name, String value) throws XMLStreamException {
    x.writeCharacters("  ");
    x.writeEmptyElement("property");
    x.writeAttribute("name", clean(name));
    x.writeAttribute("value", attribute(value == null ? "" : value));
    x.writeCharacters("\n");
  }

  private static String seeds(RuleEntry e) {
    return e.seeds().isEmpty() ? "" : "\n\nseeds: " + String.join(", ", e.seeds());
  }

  private static String firstLine(java.util.List<String> messages) {
    return messages.isEmpty() ? "" : messages.get(0).lines().findFirst().orElse("");
  }

  private static String attribute(String s) {
    String c = clean(s).replace('\n', ' ');
    return c.length() > MAX_ATTRIBUTE ? c.substring(0, MAX_ATTRIBUTE - 3) + "..." : c;
  }

  /** Drops the characters XML 1.0 cannot carry at all (control characters other than tab, newline, return). */
  static String clean(String s) {
    StringBuilder b = new StringBuilder(s.length());
    s.codePoints().forEach(cp -> {
      boolean ok = cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp <= 0xD7FF)
          || (cp >= 0xE000 && cp <= 0xFFFD) || (cp >= 0x10000 && cp <= 0x10FFFF);
      b.appendCodePoint(ok ? cp : 0xFFFD);
    });
    return b.toString();
  }

  private static String seconds(Duration d) {
    return String.format(Locale.ROOT, "%.3f", d.toMillis() / 1000.0);
  }
}
