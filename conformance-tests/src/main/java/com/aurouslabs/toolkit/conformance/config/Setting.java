package com.aurouslabs.toolkit.conformance.config;

/**
 * Every knob of the suite. Each is read from a JUnit Platform configuration parameter, then a system property
 * ({@link #property()}), then an environment variable ({@link #env()}); the README lists them.
 */
public enum Setting {
  BASE_URL("aurous.base.url", "Target base URL; unset = the embedded mock"),
  API_KEY("aurous.api.key", "API key for the target (required with a base URL)"),
  READY_CHARACTER_ID("aurous.ready.character.id", "Ready character(s) of the key's team (comma-separated)"),
  NOT_READY_CHARACTER_ID("aurous.not.ready.character.id", "Character(s) of the team that are not ready"),
  FOREIGN_CHARACTER_ID("aurous.foreign.character.id", "A character of another team"),
  FILE_ID("aurous.file.id", "A live file id of the key's team"),
  UNUSABLE_FILE_ID("aurous.unusable.file.id", "File id(s) that must give the unknown-file 404: another team's, expired"),
  LORA_ID("aurous.lora.id", "An active LoRA that supports references (id, slug or UUID; comma-separated)"),
  UNUSABLE_LORA_ID("aurous.unusable.lora.id", "LoRA(s) that must give the unknown-LoRA 404: another team's, inactive"),
  NO_REFS_LORA_ID("aurous.no.refs.lora.id", "An active LoRA that does not support references (LORA-MODE)"),
  REVOKED_API_KEY("aurous.revoked.api.key", "A revoked key (AUTH-REVOKED-KEY)"),
  LEGACY_API_KEY("aurous.legacy.api.key", "A legacy og_ key of a team (AUTH-LEGACY-OG-KEY)"),
  RATE_PER_SECOND("aurous.rate.per.second", "Client-side request rate; default 2 (URL) / unlimited (mock)"),
  REQUEST_BUDGET("aurous.request.budget", "Total requests allowed; default 600 (URL) / unlimited (mock)"),
  BUDGET_MODE("aurous.budget.mode", "true = only the fixed <= 240-request budget plan runs"),
  STRICT("aurous.strict", "true = inferred differences fail instead of warn; or a comma list of parts "
      + "(status, code, param, precedence, reading, ...) that fail"),
  SPEC("aurous.spec", "An estimate.yaml to judge by instead of the built-in one (the embedded mock loads it too)"),
  TRIES("aurous.tries", "jqwik tries per property; default 100 (mock) / 10 (URL); fewer declared tries are kept"),
  SEED("aurous.seed", "jqwik seed of every property (a number); unset = a random seed per property. Set = a "
      + "reproducible run (the self-check matrix sets it)"),
  MOCK_DEFECT("aurous.mock.defect", "Start the embedded mock with this named defect (self-check; mock-server Defects.all())"),
  MOCK_PROFILE("aurous.mock.profile", "Reading of the embedded mock: default or alternative (mock-server Profile)"),
  REPORT_DIR("aurous.report.dir", "Directory of conformance-report.{json,md}; default target"),
  REPORT_PART("aurous.report.part", "Name of this JVM's report part (set by the pom)"),
  REPORT("aurous.report", "false = record nothing to the report files (nested self-check runs)"),
  QUIET("aurous.quiet", "true = print no plan, summary or failure block (nested self-check runs; the CLI)"),
  ONLY("aurous.only", "Comma list of rule IDs: run only the properties and budget-plan steps that claim one of them");

  private final String property;
  private final String description;

  Setting(String property, String description) {
    this.property = property;
    this.description = description;
  }

  public String property() {
    return property;
  }

  /** {@code aurous.base.url} -> {@code AUROUS_BASE_URL}. */
  public String env() {
    return property.toUpperCase(java.util.Locale.ROOT).replace('.', '_');
  }

  public String description() {
    return description;
  }
}
