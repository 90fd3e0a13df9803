package com.aurouslabs.toolkit.conformance;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.aurouslabs.toolkit.conformance.config.ConfigurationException;
import com.aurouslabs.toolkit.conformance.config.Settings;
import com.aurouslabs.toolkit.conformance.config.Target;
import java.io.IOException;
import java.net.URL;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The published suite ships no embedded target: without a URL and without a provider it says what to set. */
class NoEmbeddedTargetTest {

  @Test
  void without_a_url_and_without_an_embedded_target_the_run_names_aurous_base_url() {
    Thread thread = Thread.currentThread();
    ClassLoader original = thread.getContextClassLoader();
    thread.setContextClassLoader(new ClassLoader(original) {
      @Override
      public Enumeration<URL> getResources(String name) throws IOException {
        return name.startsWith("META-INF/services/") ? Collections.emptyEnumeration() : super.getResources(name);
      }
    });
    try {
      assertThatThrownBy(() -> Target.resolve(Settings.of(Map.of()))).isInstanceOf(ConfigurationException.class)
          .hasMessage(Target.NO_TARGET).hasMessageContaining("set AUROUS_BASE_URL (or --base-url");
    } finally {
      thread.setContextClassLoader(original);
    }
  }
}
