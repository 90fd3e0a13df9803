package com.aurouslabs.toolkit.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.aurouslabs.toolkit.client.generated.model.EstimateRequest;
import com.aurouslabs.toolkit.client.generated.model.SizePreset;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The generated size presets read as the wire value (the enum-name mapping in client/pom.xml). */
class SizePresetTest {

  @Test
  void every_size_preset_constant_is_named_after_its_wire_value() {
    assertThat(SizePreset.values()).hasSizeGreaterThanOrEqualTo(16);
    for (SizePreset preset : SizePreset.values()) {
      assertThat(preset.name())
          .as("add <mapping>%s=_%s</mapping> to <enumNameMappings> in client/pom.xml", preset.getValue(),
              preset.getValue())
          .isEqualTo("_" + preset.getValue());
    }
  }

  @Test
  void a_size_preset_is_sent_as_its_wire_value() throws Exception {
    String json = new ObjectMapper().writeValueAsString(new EstimateRequest().prompt("p").size(SizePreset._2k_1_1));

    assertThat(json).contains("\"size\":\"2k_1_1\"");
    assertThat(Arrays.stream(SizePreset.values()).map(SizePreset::getValue))
        .contains("2k_1_1", "4k_21_9").allMatch(v -> v.equals(v.toLowerCase(java.util.Locale.ROOT)));
  }
}
