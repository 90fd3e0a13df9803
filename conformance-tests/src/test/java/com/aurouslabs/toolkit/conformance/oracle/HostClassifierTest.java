package com.aurouslabs.toolkit.conformance.oracle;

import static org.assertj.core.api.Assertions.assertThat;

import com.aurouslabs.toolkit.conformance.arbitraries.References;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The oracle's host reading follows the catalog text of REF-URL-HOST-BLOCKED / REF-URL-NO-USERINFO and WHATWG
 * URL parsing, agrees with the generators' tables, and (cross-check only) gives the verdicts of the mock-server's
 * SSRF corpus. The corpus is read as a file; the mock's classes are never called.
 */
class HostClassifierTest {

  /** Relative to this module's directory (the test JVM's working directory). */
  private static final Path CORPUS = Path.of("..", "mock-server", "src", "test", "resources", "ssrf");

  @ParameterizedTest(name = "{0} -> blocked={1} userinfo={2}")
  @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
      # url                                        | blocked | userinfo
      https://example.com/a.png                     | false   | false
      https://example.com\\@127.0.0.1/a.png          | false   | false
      https://example.com@127.0.0.1/a.png           | true    | true
      https://example.com/a@b.png                   | false   | false
      https://a@b@cdn.example.com/                  | false   | true
      https://example.com%40evil@169.254.169.254/   | true    | true
      https://[::8.8.8.8]/a.png                     | false   | false
      https://[::127.0.0.1]/a.png                   | true    | false
      https://[::]/                                 | true    | false
      https://[::1]/                                | true    | false
      https://[::ffff:8.8.8.8]/                     | false   | false
      https://[::ffff:0:7f00:1]/                    | true    | false
      https://[64:ff9b::808:808]/                   | false   | false
      https://[64:ff9b::a9fe:a9fe]/                 | true    | false
      https://[64:ff9b:1::a]/                       | true    | false
      https://[100::1]/                             | true    | false
      https://[fec0::1]/                            | true    | false
      https://[ff02::1]/                            | true    | false
      https://[fe80::1%25eth0]/                     | true    | false
      https://[2002:808:808::1]/                    | false   | false
      https://[2002:7f00:1::]/                      | true    | false
      https://[2001:0:4136:e378:8000:63bf:80ff:fffe]/ | true  | false
      https://[2001:0:4136:e378:8000:63bf:f7f7:f7f7]/ | false | false
      https://[2001:db8::1]/                        | false   | false
      https://[fd00:ec2::254]/                      | true    | false
      https://[::1/                                 | true    | false
      https://08.0.0.1/                             | true    | false
      https://0x7f.1/                               | true    | false
      https://0x8.0x8.0x8.0x8/                      | false   | false
      https://134744072/                            | false   | false
      https://256.0.0.1/                            | true    | false
      https://1.2.3.4.5/                            | true    | false
      https://example.123/                          | true    | false
      https://0x7f.example.com/                     | false   | false
      https://127.0.0.1.nip.example/                | false   | false
      https://127.0.0.1./                           | true    | false
      https://%31%32%37.0.0.1/                      | true    | false
      https://%zz.example.com/                      | true    | false
      https://%FF%FE.example.com/                   | true    | false
      https://127.0.0.1%00/                         | true    | false
      https://１２７．０．０．１/                      | true    | false
      https://ｌｏｃａｌｈｏｓｔ/                      | true    | false
      https://bücher.example/                       | false   | false
      https://intranet/                             | true    | false
      https://printer.local/                        | true    | false
      https://router.home.arpa/                     | true    | false
      https://localhost.localdomain/                | true    | false
      https://localhost6/                           | true    | false
      https://local.example.com/                    | false   | false
      https://100.100.100.200/                      | true    | false
      https://168.63.129.16/                        | true    | false
      https://169.254.170.2/                        | true    | false
      https://192.0.2.1/                            | false   | false
      https://198.18.0.1/                           | false   | false
      https://example.com:8443/x?y=1#@10.0.0.1      | false   | false
      https://exa\tmple.com/                        | false   | false
      https:///                                     | true    | false
      """)
  void tricky_urls_get_the_catalog_verdict(String url, boolean blocked, boolean userInfo) {
    String u = url;
    assertThat(HostClassifier.isBlocked(u)).as("blocked: " + u).isEqualTo(blocked);
    assertThat(HostClassifier.hasUserInfo(u)).as("userinfo: " + u).isEqualTo(userInfo);
  }

  @Test
  void every_blocked_spelling_is_classified_blocked() {
    assertThat(References.BLOCKED_HOSTS).allSatisfy(h ->
        assertThat(HostClassifier.isBlocked("https://" + h + "/a.png")).as(h).isTrue());
  }

  @Test
  void public_hosts_that_look_internal_are_not_blocked() {
    assertThat(References.PUBLIC_HOSTS).allSatisfy(h ->
        assertThat(HostClassifier.isBlocked("https://" + h + "/a.png")).as(h).isFalse());
  }

  @Test
  void mock_corpus_blocked_urls_are_blocked_or_carry_userinfo() throws IOException {
    List<String> urls = corpus("blocked-urls.txt");
    assertThat(urls).allSatisfy(u -> assertThat(HostClassifier.isBlocked(u) || HostClassifier.hasUserInfo(u))
        .as("blocked or userinfo: " + u).isTrue());
  }

  @Test
  void mock_corpus_allowed_urls_are_neither_blocked_nor_userinfo() throws IOException {
    List<String> urls = corpus("allowed-urls.txt");
    assertThat(urls).allSatisfy(u -> {
      assertThat(HostClassifier.isBlocked(u)).as("blocked: " + u).isFalse();
      assertThat(HostClassifier.hasUserInfo(u)).as("userinfo: " + u).isFalse();
    });
  }

  /** The corpus lines (comments and blank lines dropped); skips the test when the mock's corpus is absent. */
  private static List<String> corpus(String name) throws IOException {
    Path file = CORPUS.resolve(name);
    Assumptions.assumeTrue(Files.isRegularFile(file), () -> "cross-check skipped: the mock-server SSRF corpus "
        + file.toAbsolutePath().normalize() + " is absent (this module is built outside the full checkout)");
    try (Stream<String> lines = Files.lines(file, StandardCharsets.UTF_8)) {
      return lines.filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
    }
  }
}
