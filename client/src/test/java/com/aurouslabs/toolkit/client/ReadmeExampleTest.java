package com.aurouslabs.toolkit.client;

import static com.aurouslabs.toolkit.client.Fixtures.API_KEY;
import static com.aurouslabs.toolkit.client.Fixtures.PATH;
import static com.aurouslabs.toolkit.client.Fixtures.REQUEST_ID;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ReadmeExampleTest {

  @RegisterExtension
  static WireMockExtension wm = Fixtures.wireMock();

  @Test
  void readme_snippet_prices_a_request() {
    wm.stubFor(post(urlEqualTo(PATH)).willReturn(Fixtures.ok()));

    assertThat(ReadmeExample.run(API_KEY, Fixtures.baseUrl(wm)))
        .isEqualTo("cost=2 request=" + REQUEST_ID + " version=2026-05-15 remaining=239");
  }

  @Test
  void readme_snippet_reports_the_invalid_param() {
    wm.stubFor(post(urlEqualTo(PATH)).willReturn(Fixtures.error(400, "invalid_request",
        "parameter_invalid_combination", "Send either size or width and height, not both.", "size")));

    assertThat(ReadmeExample.run(API_KEY, Fixtures.baseUrl(wm)))
        .isEqualTo("invalid size: parameter_invalid_combination");
  }

  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(strings = {"README.md", "../README.md"})
  void readme_contains_the_snippet_verbatim(String readmePath) throws IOException {
    List<String> source = Files.readAllLines(
        Path.of("src/test/java/com/aurouslabs/toolkit/client/ReadmeExample.java"));
    int begin = indexOfMarker(source, "// README-BEGIN");
    int end = indexOfMarker(source, "// README-END");
    List<String> snippet = source.subList(begin + 1, end);
    int indent = snippet.stream().filter(l -> !l.isBlank())
        .mapToInt(l -> l.length() - l.stripLeading().length()).min().orElse(0);
    String expected = snippet.stream().map(l -> l.isBlank() ? "" : l.substring(indent))
        .collect(Collectors.joining("\n"));

    String readme = Files.readString(Path.of(readmePath));

    assertThat(readme).contains(expected);
  }

  private static int indexOfMarker(List<String> lines, String marker) {
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).trim().equals(marker)) {
        return i;
      }
    }
    throw new AssertionError(marker + " not found; markers: " + Arrays.toString(new String[] {marker}));
  }
}
