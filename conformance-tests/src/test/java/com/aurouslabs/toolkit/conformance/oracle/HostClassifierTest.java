package com.aurouslabs.toolkit.conformance.oracle;

import static org.assertj.core.api.Assertions.assertThat;

import com.aurouslabs.toolkit.conformance.arbitraries.References;
import com.aurouslabs.toolkit.openapi.SsrfCorpus;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The oracle's host reading follows the catalog text of REF-URL-HOST-BLOCKED / REF-URL-HOST-UNLISTED /
 * REF-URL-NO-USERINFO and WHATWG URL parsing, agrees with the generators' tables, and (cross-check only) gives the verdicts of the mock-server's
 * SSRF corpus of the openapi artifact (contract data); the mock's classes are never called.
 */
class HostClassifierTest {

  @ParameterizedTest(name = "{0} -> {1} userinfo={2}")
  @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
      # url                                            | listing  | userinfo
      https://example.com/a.png                        | PUBLIC   | false
      https://example.com\\@127.0.0.1/a.png            | PUBLIC   | false
      https://example.com@127.0.0.1/a.png              | LISTED   | true
      https://example.com/a@b.png                      | PUBLIC   | false
      https://a@b@cdn.example.com/                     | PUBLIC   | true
      https://example.com%40evil@169.254.169.254/      | LISTED   | true
      https://[::8.8.8.8]/a.png                        | PUBLIC   | false
      https://[::127.0.0.1]/a.png                      | LISTED   | false
      https://[::]/                                    | UNLISTED | false
      https://[::1]/                                   | LISTED   | false
      https://[::ffff:8.8.8.8]/                        | PUBLIC   | false
      https://[::ffff:0:7f00:1]/                       | LISTED   | false
      https://[::ffff:100.64.0.1]/                     | UNLISTED | false
      https://[64:ff9b::808:808]/                      | PUBLIC   | false
      https://[64:ff9b::a9fe:a9fe]/                    | LISTED   | false
      https://[64:ff9b:1::a]/                          | UNLISTED | false
      https://[100::1]/                                | UNLISTED | false
      https://[fec0::1]/                               | UNLISTED | false
      https://[ff02::1]/                               | UNLISTED | false
      https://[fe80::1%25eth0]/                        | LISTED   | false
      https://[2606:4700::1111%25eth0]/                | UNLISTED | false
      https://[2002:808:808::1]/                       | PUBLIC   | false
      https://[2002:7f00:1::]/                         | LISTED   | false
      https://[2001:0:4136:e378:8000:63bf:80ff:fffe]/  | LISTED   | false
      https://[2001:0:4136:e378:8000:63bf:f7f7:f7f7]/  | PUBLIC   | false
      https://[2001:0:a00:1:8000:63bf:f7f7:f7f7]/      | UNLISTED | false
      https://[2001:db8::1]/                           | PUBLIC   | false
      https://[fd00:ec2::254]/                         | LISTED   | false
      https://[::1/                                    | UNLISTED | false
      https://08.0.0.1/                                | UNLISTED | false
      https://0x7f.1/                                  | LISTED   | false
      https://0x8.0x8.0x8.0x8/                         | PUBLIC   | false
      https://134744072/                               | PUBLIC   | false
      https://0/                                       | UNLISTED | false
      https://255.255.255.255/                         | LISTED   | false
      https://256.0.0.1/                               | UNLISTED | false
      https://1.2.3.4.5/                               | UNLISTED | false
      https://example.123/                             | UNLISTED | false
      https://0x7f.example.com/                        | PUBLIC   | false
      https://127.0.0.1.nip.example/                   | PUBLIC   | false
      https://127.0.0.1./                              | LISTED   | false
      https://%31%32%37.0.0.1/                         | LISTED   | false
      https://%zz.example.com/                         | UNLISTED | false
      https://%FF%FE.example.com/                      | UNLISTED | false
      https://127.0.0.1%00/                            | UNLISTED | false
      https://１２７．０．０．１/                               | LISTED   | false
      https://ｌｏｃａｌｈｏｓｔ/                               | LISTED   | false
      https://foo.localhost/                           | LISTED   | false
      https://metadata.google.internal/                | LISTED   | false
      https://bücher.example/                          | PUBLIC   | false
      https://intranet/                                | UNLISTED | false
      https://metadata/                                | UNLISTED | false
      https://printer.local/                           | UNLISTED | false
      https://router.home.arpa/                        | UNLISTED | false
      https://localhost.localdomain/                   | UNLISTED | false
      https://localhost6/                              | UNLISTED | false
      https://local.example.com/                       | PUBLIC   | false
      https://100.100.100.200/                         | UNLISTED | false
      https://168.63.129.16/                           | UNLISTED | false
      https://169.254.170.2/                           | LISTED   | false
      https://192.0.2.1/                               | PUBLIC   | false
      https://198.18.0.1/                              | PUBLIC   | false
      https://example.com:8443/x?y=1#@10.0.0.1         | PUBLIC   | false
      https://exa\tmple.com/                           | PUBLIC   | false
      https:///                                        | UNLISTED | false
      """)
  void tricky_urls_get_the_catalog_verdict(String url, HostClassifier.Listing listing, boolean userInfo) {
    String u = url;
    assertThat(HostClassifier.listing(u)).as("listing: " + u).isEqualTo(listing);
    assertThat(HostClassifier.isBlocked(u)).as("blocked: " + u).isEqualTo(listing != HostClassifier.Listing.PUBLIC);
    assertThat(HostClassifier.hasUserInfo(u)).as("userinfo: " + u).isEqualTo(userInfo);
  }

  @Test
  void every_listed_spelling_is_classified_listed() {
    assertThat(References.BLOCKED_HOSTS).allSatisfy(h -> assertThat(HostClassifier.listing("https://" + h + "/a.png"))
        .as(h).isEqualTo(HostClassifier.Listing.LISTED));
  }

  @Test
  void every_unlisted_host_is_classified_unlisted() {
    assertThat(References.UNLISTED_HOSTS).allSatisfy(h -> assertThat(HostClassifier.listing("https://" + h
        + "/a.png")).as(h).isEqualTo(HostClassifier.Listing.UNLISTED));
  }

  @Test
  void public_hosts_that_look_internal_are_not_blocked() {
    assertThat(References.PUBLIC_HOSTS).allSatisfy(h ->
        assertThat(HostClassifier.isBlocked("https://" + h + "/a.png")).as(h).isFalse());
  }

  @Test
  void ssrf_corpus_blocked_urls_are_listed_or_carry_userinfo() {
    List<String> urls = SsrfCorpus.bundled().blocked();
    assertThat(urls).allSatisfy(u -> {
      assertThat(HostClassifier.isBlocked(u) || HostClassifier.hasUserInfo(u)).as("blocked or userinfo: " + u)
          .isTrue();
      assertThat(HostClassifier.listing(u)).as("listing: " + u).isNotEqualTo(HostClassifier.Listing.UNLISTED);
    });
  }

  @Test
  void ssrf_corpus_unlisted_urls_are_unlisted() {
    assertThat(SsrfCorpus.bundled().unlisted()).allSatisfy(u -> assertThat(HostClassifier.listing(u)).as(u)
        .isEqualTo(HostClassifier.Listing.UNLISTED));
  }

  @Test
  void ssrf_corpus_allowed_urls_are_neither_blocked_nor_userinfo() {
    List<String> urls = SsrfCorpus.bundled().allowed();
    assertThat(urls).allSatisfy(u -> {
      assertThat(HostClassifier.isBlocked(u)).as("blocked: " + u).isFalse();
      assertThat(HostClassifier.hasUserInfo(u)).as("userinfo: " + u).isFalse();
    });
  }

}
