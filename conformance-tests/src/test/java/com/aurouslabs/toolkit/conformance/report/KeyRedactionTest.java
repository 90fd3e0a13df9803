package com.aurouslabs.toolkit.conformance.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Keys never leave in a rendered report: key-shaped text and the run's own secrets are masked. */
class KeyRedactionTest {

  @Test
  void live_test_and_legacy_keys_are_masked_keeping_their_prefix() {
    String text = "X-Api-Key: al_live_" + "a".repeat(64) + ", Bearer al_test_0123456789abcdef, og_" + "b".repeat(32);
    assertThat(KeyRedaction.keyShapes().apply(text))
        .isEqualTo("X-Api-Key: al_live_****, Bearer al_test_****, og_****");
  }

  @Test
  void an_already_masked_key_and_ordinary_words_stay_as_they_are() {
    String text = "the key al_live_**** was rejected; dialog_ended; og_key; al_live_ prefix";
    assertThat(KeyRedaction.keyShapes().apply(text)).isEqualTo(text);
  }

  @Test
  void a_secret_of_any_shape_given_to_the_run_is_masked() {
    KeyRedaction r = KeyRedaction.of(Arrays.asList("sk-Custom-Vendor-Key-123", null, "short"));
    assertThat(r.apply("sent sk-Custom-Vendor-Key-123 twice: sk-Custom-Vendor-Key-123; short stays"))
        .isEqualTo("sent **** twice: ****; short stays");
    assertThat(r.toString()).doesNotContain("sk-Custom");
  }

  @Test
  void the_secret_list_is_masked_longest_first() {
    KeyRedaction r = KeyRedaction.of(List.of("abcdefgh12", "abcdefgh1234567"));
    assertThat(r.apply("abcdefgh1234567")).isEqualTo("****");
  }
}
