package com.aurouslabs.toolkit.conformance.cli;

import com.aurouslabs.toolkit.conformance.cli.SuiteExecution.ConfigurationException;
import com.aurouslabs.toolkit.conformance.config.Fixture;
import com.aurouslabs.toolkit.conformance.config.Setting;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The target's fixtures, from one YAML file ({@code --fixtures}), the environment ({@code AUROUS_READY_CHARACTER_ID},
 * ...) and {@code --fixture KEY=VALUE} flags; the later wins. A YAML key is the suite setting without its
 * {@code aurous.} prefix, dots as underscores ({@code aurous.ready.character.id} = {@code ready_character_id}); a
 * value is a string or a list (joined with commas); any value may be {@code env:VAR}, read from the environment (the
 * way to keep the revoked and legacy keys out of the file).
 *
 * <pre>
 * ready_character_id: [char_01HXMQ7Z3K8Y2NABCDEFGHJKMR]
 * revoked_api_key: env:AUROUS_REVOKED_API_KEY
 * </pre>
 */
final class FixtureSettings {

  /** The fixture settings of the suite, one per {@link Fixture}, in its order. */
  static final List<String> SETTINGS = Arrays.stream(Fixture.values()).map(f -> f.setting().property()).toList();
  /** Settings whose values are keys: masked wherever they could be printed. */
  static final List<String> SECRET_SETTINGS = List.of(Fixture.REVOKED_KEY.setting().property(),
      Fixture.LEGACY_KEY.setting().property());

  private FixtureSettings() {}

  static String yamlKey(String setting) {
    return setting.substring("aurous.".length()).replace('.', '_');
  }

  static String envName(String setting) {
    return Arrays.stream(Setting.values()).filter(x -> x.property().equals(setting)).findFirst()
        .map(Setting::env).orElseThrow();
  }

  /** Settings from the file (may be null), then the environment, then the flags. */
  static Map<String, String> resolve(Path file, Map<String, String> flags, UnaryOperator<String> env)
      throws ConfigurationException {
    Map<String, String> out = new LinkedHashMap<>();
    if (file != null) {
      out.putAll(fromYaml(file, env));
    }
    for (String s : SETTINGS) {
      String v = env.apply(envName(s));
      if (v != null && !v.isBlank()) {
        out.put(s, v.strip());
      }
    }
    for (Map.Entry<String, String> f : flags.entrySet()) {
      out.put(setting(f.getKey(), "--fixture"), value(f.getValue(), f.getKey(), "--fixture", env));
    }
    return out;
  }

  static Map<String, String> fromYaml(Path file, UnaryOperator<String> env) throws ConfigurationException {
    String where = "fixtures file " + file;
    if (!Files.isRegularFile(file)) {
      throw new ConfigurationException(where + " does not exist: give --fixtures the path of a YAML file");
    }
    JsonNode root;
    try {
      root = new ObjectMapper(new YAMLFactory()).readTree(Files.readString(file));
    } catch (IOException e) {
      String msg = String.valueOf(e.getMessage()).lines().findFirst().orElse("");
      throw new ConfigurationException(where + " is not valid YAML (" + msg + "): fix the file; "
          + "keys: " + String.join(", ", SETTINGS.stream().map(FixtureSettings::yamlKey).toList()));
    }
    if (root == null || root.isMissingNode() || root.isNull()) {
      return Map.of();
    }
    if (!root.isObject()) {
      throw new ConfigurationException(where + " must be a mapping of fixture keys to values, e.g. "
          + "'lora_id: cinematic-gold'");
    }
    Map<String, String> out = new LinkedHashMap<>();
    Iterator<Map.Entry<String, JsonNode>> it = root.properties().iterator();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      String setting = setting(e.getKey(), where);
      JsonNode v = e.getValue();
      List<String> parts = new ArrayList<>();
      if (v.isArray()) {
        for (JsonNode item : v) {
          if (!item.isValueNode() || item.isNull()) {
            throw new ConfigurationException(where + ": " + e.getKey() + " must list plain values");
          }
          parts.add(value(item.asText(), e.getKey(), where, env));
        }
      } else if (v.isValueNode() && !v.isNull()) {
        parts.add(value(v.asText(), e.getKey(), where, env));
      } else {
        throw new ConfigurationException(where + ": " + e.getKey() + " must be a value or a list of values");
      }
      out.put(setting, String.join(",", parts));
    }
    return out;
  }

  private static String setting(String key, String where) throws ConfigurationException {
    for (String s : SETTINGS) {
      if (yamlKey(s).equals(key)) {
        return s;
      }
    }
    throw new ConfigurationException(where + ": unknown fixture key '" + key + "'; use one of "
        + String.join(", ", SETTINGS.stream().map(FixtureSettings::yamlKey).toList()));
  }

  private static String value(String raw, String key, String where, UnaryOperator<String> env)
      throws ConfigurationException {
    String v = raw.strip();
    if (v.startsWith("env:")) {
      String var = v.substring(4).strip();
      String fromEnv = var.isEmpty() ? null : env.apply(var);
      if (fromEnv == null || fromEnv.isBlank()) {
        throw new ConfigurationException(where + ": " + key + " refers to environment variable '" + var
            + "', which is not set: export it or change the reference");
      }
      return fromEnv.strip();
    }
    if (v.isEmpty()) {
      throw new ConfigurationException(where + ": " + key + " is empty: give a value or leave the key out");
    }
    return v;
  }
}
