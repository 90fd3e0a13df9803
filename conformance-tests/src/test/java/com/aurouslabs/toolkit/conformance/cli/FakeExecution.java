package com.aurouslabs.toolkit.conformance.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A suite that writes a canned conformance-report.json (today's shape) and records the settings it was given. */
final class FakeExecution implements SuiteExecution {

  Map<String, String> settings;
  int runs;
  private final Map<String, String> results;
  private final Optional<String> unreachable;
  private final String message;

  /** {@code results}: rule id -> passed, warning, failed, skipped or not_run. */
  FakeExecution(Map<String, String> results, Optional<String> unreachable, String message) {
    this.results = results;
    this.unreachable = unreachable;
    this.message = message;
  }

  static FakeExecution with(Map<String, String> results) {
    return new FakeExecution(results, Optional.empty(), "");
  }

  @Override
  public Result run(Map<String, String> settings, ProgressListener progress) {
    this.settings = settings;
    runs++;
    progress.progress("auth", 1);
    progress.progress("auth", 2);
    progress.progress("dimensions", 7);
    ObjectNode r = new ObjectMapper().createObjectNode();
    r.put("generated_at", "2026-12-02T15:00:00Z");
    r.put("target", settings.get("aurous.base.url"));
    r.put("requests", 7);
    r.putArray("fatal");
    ArrayNode rules = r.putArray("rules");
    results.forEach((id, result) -> {
      ObjectNode e = rules.addObject();
      e.put("id", id);
      e.put("family", "auth");
      e.put("tier", "documented");
      e.put("security", true);
      e.put("result", result);
      e.putArray("messages").add("[" + id + "] " + result + " " + message);
      e.putArray("seeds");
      e.putArray("skip_reasons");
    });
    try {
      Path dir = Path.of(settings.get("aurous.report.dir"));
      Files.writeString(dir.resolve("conformance-report.json"), r.toPrettyString());
      Files.writeString(dir.resolve("conformance-report.md"), "# report\n" + message + "\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new Result(unreachable, List.of(), 7);
  }
}
