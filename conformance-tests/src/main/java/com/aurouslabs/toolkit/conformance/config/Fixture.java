package com.aurouslabs.toolkit.conformance.config;

/**
 * A fixture a rule needs on the target. Against the embedded mock the defaults are the mock's built-in fixtures
 * (docs/TEAM-NOTES.md, visibly fake); against a URL each must be configured, or the rules that need it are
 * reported SKIPPED with the variable to set.
 */
public enum Fixture {
  /** One or more ids (comma-separated) of ready characters of the key's team, e.g. a char_ id and a legacy UUID. */
  READY_CHARACTER(Setting.READY_CHARACTER_ID, "char_01HXMQ7Z3K8Y2NABCDEFGHJKMR,6f1c2d3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f",
      "CHAR-READY"),
  /** One or more characters of the team that are not ready: synthesizing, reviewing, failed, deleted. */
  NOT_READY_CHARACTER(Setting.NOT_READY_CHARACTER_ID, "char_01JDSYNTHW8JDG7FJ1BBXDK4A0,char_01JDREVWE95DY9JBE9FZ5VPPE3,"
      + "char_01JDFA1EDNHQKQM97S59XBWTJ2,char_01JDDE1ETEDPNDX1D712XV7V2M", "CHAR-NOT-READY"),
  /** Without it CHAR-NOT-FOUND is still checked with unknown ids; the no-leak comparison is skipped. */
  FOREIGN_CHARACTER(Setting.FOREIGN_CHARACTER_ID, "char_01JDBETA64PF15JPCCXNGD3REA"),
  /** Without it REF-FILE-EXISTS is still checked with unknown file ids. */
  FILE(Setting.FILE_ID, "file_01HXMQ7Z3K8Y2NABCDEFGHJKMN"),
  /** Files that must be refused like unknown ones (another team's, expired): the no-leak comparison of REF-FILE-EXISTS. */
  UNUSABLE_FILE(Setting.UNUSABLE_FILE_ID, "file_01JDBETA64PF15JPCCXNGD3REA,file_01JDEXP1REDJP4460YJ72C6EFT"),
  /** One or more spellings (comma-separated) of an active LoRA that supports references: id, slug, legacy UUID. */
  LORA(Setting.LORA_ID, "lora_01HXMQ7Z3K8Y2ABCDEFGHJKM,cinematic-gold,0b9c8d7e-6f5a-4b3c-9d2e-1f0a9b8c7d6e",
      "LORA-RESOLVE"),
  NO_REFS_LORA(Setting.NO_REFS_LORA_ID, "lora_01JDT2V0NYRK3JX1943XHE3510", "LORA-MODE"),
  /** LoRAs that must be refused like unknown ones (another team's private one, an inactive one). */
  UNUSABLE_LORA(Setting.UNUSABLE_LORA_ID, "lora_01JDBETA64PF15JPCCXNGD3REA,lora_01JDRET1REDRWPF6VYPCQAJFNA"),
  REVOKED_KEY(Setting.REVOKED_API_KEY,
      "al_live_dddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddd", "AUTH-REVOKED-KEY"),
  LEGACY_KEY(Setting.LEGACY_API_KEY, "og_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "AUTH-LEGACY-OG-KEY");

  /** The embedded mock's team_alpha key (pinned version 2026-05-15). */
  public static final String MOCK_API_KEY = "al_live_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";

  private final Setting setting;
  private final String mockDefault;
  private final java.util.List<String> onlyWay;

  /** {@code onlyWay}: rules that cannot be exercised at all without this fixture. */
  Fixture(Setting setting, String mockDefault, String... onlyWay) {
    this.setting = setting;
    this.mockDefault = mockDefault;
    this.onlyWay = java.util.List.of(onlyWay);
  }

  /** The fixture without which {@code ruleId} cannot be exercised at all, if any. */
  public static java.util.Optional<Fixture> requiredBy(String ruleId) {
    return java.util.Arrays.stream(values()).filter(f -> f.onlyWay.contains(ruleId)).findFirst();
  }

  /** Why {@code ruleId} is skipped when this fixture is missing (the report's skip reason). */
  public String skipReason() {
    return "fixture " + this + " missing: " + howToSet();
  }

  public Setting setting() {
    return setting;
  }

  public String mockDefault() {
    return mockDefault;
  }

  /** What to tell a user when this fixture is missing. */
  public String howToSet() {
    return "set " + setting.env() + " (or -D" + setting.property() + ") to enable";
  }
}
