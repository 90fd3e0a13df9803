package com.aurouslabs.toolkit.conformance.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Renders the formats the suite does not write itself from {@code conformance-report.json} of a report directory:
 * {@value JunitXmlReport#FILE_NAME} and {@value HtmlReport#FILE_NAME} (the suite writes the JSON and the Markdown).
 */
public final class ReportFormats {

  public static final String JSON_FILE = "conformance-report.json";
  public static final String MARKDOWN_FILE = "conformance-report.md";

  private ReportFormats() {}

  /** Reads the JSON of {@code dir}, writes the JUnit XML and the HTML next to it; returns the data read. */
  public static ReportData render(Path dir, KeyRedaction redaction, Duration elapsed) throws IOException {
    ReportData data = ReportData.read(dir.resolve(JSON_FILE), redaction);
    JunitXmlReport.write(data, elapsed, dir.resolve(JunitXmlReport.FILE_NAME));
    HtmlReport.write(data, dir.resolve(HtmlReport.FILE_NAME));
    return data;
  }

  /** The four report files of {@code dir} that exist, in a stable order. */
  public static List<Path> files(Path dir) {
    return List.of(JunitXmlReport.FILE_NAME, JSON_FILE, MARKDOWN_FILE, HtmlReport.FILE_NAME).stream()
        .map(dir::resolve).filter(Files::isRegularFile).toList();
  }
}
