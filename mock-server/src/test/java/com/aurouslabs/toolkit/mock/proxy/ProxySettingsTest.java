package com.aurouslabs.toolkit.mock.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ProxySettingsTest {

    @Test
    void an_http_or_https_base_url_is_kept_without_its_trailing_slash() {
        assertThat(ProxySettings.to("https://api.aurous-labs.com/").upstream())
                .isEqualTo(URI.create("https://api.aurous-labs.com"));
        assertThat(ProxySettings.to("HTTP://127.0.0.1:8080/prefix//").target("/v1/images/estimate?a=1"))
                .isEqualTo("http://127.0.0.1:8080/prefix/v1/images/estimate?a=1");
        assertThat(ProxySettings.to("http://[::1]:9/").upstream()).isEqualTo(URI.create("http://[::1]:9"));
    }

    @Test
    void other_urls_are_refused_without_repeating_them() {
        for (String bad : new String[] {"ftp://x", "api.aurous-labs.com", "https://", "https://k3y@host",
                "https://host?q=1", "https://host#f", "mailto:a@b", " ", "https://ho st"}) {
            assertThatThrownBy(() -> ProxySettings.parseUrl(bad)).as(bad)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("expected an http:// or https:// base URL")
                    .hasMessageNotContaining("k3y");
        }
    }

    @Test
    void timeouts_read_as_milliseconds_seconds_or_minutes() {
        assertThat(ProxySettings.parseTimeout("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(ProxySettings.parseTimeout("30s")).isEqualTo(Duration.ofSeconds(30));
        assertThat(ProxySettings.parseTimeout("45")).isEqualTo(Duration.ofSeconds(45));
        assertThat(ProxySettings.parseTimeout("2m")).isEqualTo(Duration.ofMinutes(2));
        assertThatThrownBy(() -> ProxySettings.parseTimeout("soon")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ProxySettings(URI.create("http://h"), Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ProxySettings(URI.create("http://h"), Duration.ofMinutes(11)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
