package com.aurouslabs.toolkit.conformance.oracle;

import static org.assertj.core.api.Assertions.assertThat;

import com.aurouslabs.toolkit.conformance.arbitraries.References;
import org.junit.jupiter.api.Test;

/** The oracle's host reading agrees with the generators' tables (so a wrong expectation is not a mock bug). */
class HostClassifierTest {

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
  void userinfo_is_detected_before_the_host() {
    assertThat(HostClassifier.hasUserInfo("https://example.com@127.0.0.1/a.png")).isTrue();
    assertThat(HostClassifier.isBlocked("https://example.com@127.0.0.1/a.png")).isTrue();
    assertThat(HostClassifier.hasUserInfo("https://example.com/a@b.png")).isFalse();
  }
}
