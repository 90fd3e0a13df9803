package com.aurouslabs.toolkit.conformance.config;

/**
 * A fixture a rule needs on the target. Against the embedded mock the defaults are the mock's built-in fixtures
 * (docs/TEAM-NOTES.md, visibly fake); against a URL each must be configured, or the rules that need it are
 * reported SKIPPED with the variable to set.
 */
public enum Fixture {
  READY_CHARACTER(Setting.READY_CHARACTER_ID, "char_01HXMQ7Z3K8Y2NABCDEFGHJKMR", "CHAR-READY"),
  NOT_READY_CHARACTER(Setting.NOT_READY_CHARACTER_ID, "char_01JDSYNTHW8JDG7FJ1BBXDK4A0", "CHAR-NOT-READY"),
  /** Without it CHAR-NOT-FOUND is still checked with unknown ids; the no-leak comparison is skipped. */
  FOREIGN_CHARACTER(Setting.FOREIGN_CHARACTER_ID, "char_01JDBETA64PF15JPCCXNGD3REA"),
  /** Without it REF-FILE-EXISTS is still checked with unknown file ids. */
  FILE(Setting.FILE_ID, "file_01HXMQ7Z3K8Y2NABCDEFGHJKMN"),
  LORA(Setting.LORA_ID, "lora_01HXMQ7Z3K8Y2ABCDEFGHJKM", "LORA-RESOLVE"),
  NO_REFS_LORA(Setting.NO_REFS_LORA_ID, "lora_01JDT2V0NYRK3JX1943XHE3510", "LORA-MODE"),
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
