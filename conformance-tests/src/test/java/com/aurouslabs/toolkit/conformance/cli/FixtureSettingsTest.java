package com.aurouslabs.toolkit.conformance.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.aurouslabs.toolkit.conformance.cli.SuiteExecution.ConfigurationException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Fixtures from one YAML file, the environment and --fixture flags, mapped 1:1 to the suite's settings. */
class FixtureSettingsTest {

  @TempDir
  Path dir;

  final Map<String, String> env = new HashMap<>();

  Path yaml(String text) throws Exception {
    Path f = dir.resolve("fixtures.yaml");
    Files.writeString(f, text);
    return f;
  }

  @Test
  void each_yaml_key_is_the_setting_without_prefix_and_lists_join_with_commas() throws Exception {
    env.put("REVOKED", "al_live_" + "d".repeat(64));
    Path f = yaml("""
        ready_character_id: [char_01HXMQ7Z3K8Y2NABCDEFGHJKMR, 6f1c2d3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f]
        lora_id: cinematic-gold
        revoked_api_key: env:REVOKED
        """);
    assertThat(FixtureSettings.resolve(f, Map.of(), env::get)).containsExactly(
        Map.entry("aurous.ready.character.id", "char_01HXMQ7Z3K8Y2NABCDEFGHJKMR,6f1c2d3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f"),
        Map.entry("aurous.lora.id", "cinematic-gold"),
        Map.entry("aurous.revoked.api.key", "al_live_" + "d".repeat(64)));
  }

  @Test
  void every_fixture_setting_of_the_suite_has_a_yaml_key() {
    assertThat(FixtureSettings.SETTINGS.stream().map(FixtureSettings::yamlKey)).containsExactly(
        "ready_character_id", "not_ready_character_id", "foreign_character_id", "file_id", "unusable_file_id",
        "lora_id", "no_refs_lora_id", "unusable_lora_id", "revoked_api_key", "legacy_api_key");
  }

  @Test
  void the_environment_wins_over_the_file_and_flags_win_over_both() throws Exception {
    Path f = yaml("lora_id: from-file\nfile_id: file_from_file\n");
    env.put("AUROUS_LORA_ID", "from-env");
    env.put("AUROUS_FILE_ID", "file_from_env");
    assertThat(FixtureSettings.resolve(f, Map.of("file_id", "file_from_flag"), env::get))
        .containsEntry("aurous.lora.id", "from-env").containsEntry("aurous.file.id", "file_from_flag");
  }

  @Test
  void an_unknown_key_is_refused_naming_the_known_ones() throws Exception {
    Path f = yaml("lora: cinematic-gold\n");
    assertThatThrownBy(() -> FixtureSettings.resolve(f, Map.of(), env::get))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("unknown fixture key 'lora'").hasMessageContaining("lora_id");
  }

  @Test
  void an_env_reference_to_an_unset_variable_is_refused() throws Exception {
    Path f = yaml("legacy_api_key: env:NOT_SET_HERE\n");
    assertThatThrownBy(() -> FixtureSettings.resolve(f, Map.of(), env::get))
        .hasMessage("fixtures file " + f + ": legacy_api_key refers to environment variable 'NOT_SET_HERE', "
            + "which is not set: export it or change the reference");
  }

  @Test
  void a_missing_or_broken_file_is_one_line_naming_the_fix() throws Exception {
    assertThatThrownBy(() -> FixtureSettings.resolve(dir.resolve("nope.yaml"), Map.of(), env::get))
        .hasMessageEndingWith("does not exist: give --fixtures the path of a YAML file");
    Path f = yaml("lora_id: [unclosed\n");
    assertThatThrownBy(() -> FixtureSettings.resolve(f, Map.of(), env::get))
        .hasMessageContaining("is not valid YAML").satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    Path list = yaml("- a\n- b\n");
    assertThatThrownBy(() -> FixtureSettings.resolve(list, Map.of(), env::get))
        .hasMessageContaining("must be a mapping");
  }

  @Test
  void a_bad_fixtures_file_on_the_command_line_is_exit_2_without_a_stack_trace() throws Exception {
    Path f = yaml("lora: x\n");
    var err = new java.io.ByteArrayOutputStream();
    ConformanceCli cli = new ConformanceCli(ConformanceCliTest.passing(),
        Map.of("AUROUS_API_KEY", ConformanceCliTest.KEY)::get, new java.io.PrintStream(new java.io.ByteArrayOutputStream()),
        new java.io.PrintStream(err), false, System::nanoTime, () -> ConformanceCliTest.CATALOG);
    assertThat(cli.execute("--base-url", "http://127.0.0.1:9", "--fixtures", f.toString(), "--report-dir",
        dir.resolve("r").toString())).isEqualTo(2);
    assertThat(err.toString().lines()).hasSize(1).first().asString()
        .startsWith("estimate-conformance: fixtures file ").doesNotContain("Exception");
  }
}
