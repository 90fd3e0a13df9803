package com.aurouslabs.toolkit.client;

import static com.aurouslabs.toolkit.client.Fixtures.API_KEY;
import static com.aurouslabs.toolkit.client.Fixtures.PATH;
import static com.aurouslabs.toolkit.client.Fixtures.REQUEST_ID;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The README snippets run, and the READMEs quote them verbatim (imports, a blank line, the body). */
class ReadmeExampleTest {

  private static final String SOURCES = "src/test/java/com/aurouslabs/toolkit/client/";

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

  @Test
  void request_options_snippet_forces_a_503_and_prices_asynchronously() {
    wm.stubFor(post(urlEqualTo(PATH)).atPriority(5).willReturn(Fixtures.ok()));
    wm.stubFor(post(urlEqualTo(PATH)).atPriority(1).withHeader("X-Mock-Force", equalTo("503"))
        .willReturn(Fixtures.error(503, "server_error", "provider_unavailable", "Forced.", null)));

    assertThat(ReadmeRequestOptionsExample.run(API_KEY, Fixtures.baseUrl(wm)))
        .isEqualTo("forced HTTP 503, async cost=2");
  }

  @ParameterizedTest(name = "{0} quotes {1}")
  @CsvSource({
      "README.md, ReadmeExample.java",
      "../README.md, ReadmeExample.java",
      "README.md, ReadmeRequestOptionsExample.java"})
  void readme_contains_the_snippet_and_its_imports_verbatim(String readme, String example) throws IOException {
    List<String> source = Files.readAllLines(Path.of(SOURCES + example));
    String imports = region(source, "// README-IMPORTS-BEGIN", "// README-IMPORTS-END");
    String body = region(source, "// README-BEGIN", "// README-END");

    assertThat(imports).startsWith("import ");
    assertThat(Files.readString(Path.of(readme))).contains("```java\n" + imports + "\n\n" + body + "\n```");
  }

  /** The lines between the two markers, with their common indentation removed. */
  private static String region(List<String> lines, String begin, String end) {
    int from = indexOf(lines, begin);
    int to = indexOf(lines, end);
    List<String> snippet = lines.subList(from + 1, to);
    int indent = snippet.stream().filter(l -> !l.isBlank())
        .mapToInt(l -> l.length() - l.stripLeading().length()).min().orElse(0);
    return snippet.stream().map(l -> l.isBlank() ? "" : l.substring(indent)).collect(Collectors.joining("\n"));
  }

  private static int indexOf(List<String> lines, String marker) {
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).trim().equals(marker)) {
        return i;
      }
    }
    throw new AssertionError(marker + " not found");
  }
}
