package com.aurouslabs.toolkit.mock.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.aurouslabs.toolkit.openapi.SsrfCorpus;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class IpAddressReferenceHostPolicyTest {

    private final ReferenceHostPolicy policy = new IpAddressReferenceHostPolicy();

    static Stream<String> blockedUrls() {
        return SsrfCorpus.bundled().blocked().stream();
    }

    static Stream<String> unlistedUrls() {
        return SsrfCorpus.bundled().unlisted().stream();
    }

    static Stream<String> allowedUrls() {
        return SsrfCorpus.bundled().allowed().stream();
    }

    @Test
    void corporaAreLargeEnough() {
        assertThat(SsrfCorpus.bundled().blocked()).hasSizeGreaterThanOrEqualTo(60).doesNotHaveDuplicates();
        assertThat(SsrfCorpus.bundled().allowed()).hasSizeGreaterThanOrEqualTo(15).doesNotHaveDuplicates();
        assertThat(SsrfCorpus.bundled().unlisted()).hasSizeGreaterThanOrEqualTo(30).doesNotHaveDuplicates();
    }

    @ParameterizedTest(name = "[{index}] rejects {0}")
    @MethodSource("blockedUrls")
    void rejectsEveryBlockedUrl(String url) {
        Optional<String> reason = policy.blockedReason(url);
        boolean userInfo = policy.hasUserInfo(url);
        assertThat(reason.isPresent() || userInfo)
                .as("%s must be rejected (reason=%s, userinfo=%s)", url, reason, userInfo)
                .isTrue();
        reason.ifPresent(r -> assertThat(r).isNotBlank());
        policy.blocked(url).ifPresent(b -> assertThat(b.listed()).as("%s is a host the vendor's list blocks (%s)", url,
                b.reason()).isTrue());
    }

    @ParameterizedTest(name = "[{index}] blocks {0}, outside the vendor's list")
    @MethodSource("unlistedUrls")
    void blocksEveryUnlistedUrlAsUnlisted(String url) {
        assertThat(policy.blocked(url)).as(url).hasValueSatisfying(b -> {
            assertThat(b.listed()).as("%s is outside the vendor's list (%s)", url, b.reason()).isFalse();
            assertThat(b.reason()).isNotBlank();
        });
        assertThat(policy.hasUserInfo(url)).as(url).isFalse();
    }

    @ParameterizedTest(name = "[{index}] {0} -> listed={1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "https://169.254.169.254/        | true",
                "https://169.254.170.2/          | true",
                "https://[fd00:ec2::254]/        | true",
                "https://0xffffffff/             | true",
                "https://[::ffff:10.0.0.1]/      | true",
                "https://[64:ff9b::a9fe:a9fe]/   | true",
                "https://[fe80::1%25eth0]/       | true",
                "https://LOCALHOST./             | true",
                "https://a.b.localhost/          | true",
                "https://metadata.google.internal/ | true",
                "https://metadata.aws.com/       | true",
                "https://100.100.100.200/        | false",
                "https://168.63.129.16/          | false",
                "https://[::ffff:100.64.0.1]/    | false",
                "https://[2001:0:a00:1:8000:63bf:f7f7:f7f7]/ | false",
                "https://localhost6/             | false",
                "https://metadata/               | false",
                "https://service.internal/       | false",
                "https://intranet/               | false",
            })
    void theVendorsListDecidesWhichRuleRefusesTheHost(String url, boolean listed) {
        assertThat(policy.blocked(url)).as(url).hasValueSatisfying(b -> assertThat(b.listed()).isEqualTo(listed));
    }

    @ParameterizedTest(name = "[{index}] accepts {0}")
    @MethodSource("allowedUrls")
    void acceptsEveryPublicUrl(String url) {
        assertThat(policy.blockedReason(url)).as(url).isEmpty();
        assertThat(policy.hasUserInfo(url)).as(url).isFalse();
    }

    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "https://127.0.0.1/              | loopback",
                "https://0x7f.1/                 | loopback",
                "https://2130706433/             | loopback",
                "https://[::1]/                  | loopback",
                "https://[::ffff:7f00:1]/        | loopback",
                "https://[::127.0.0.1]/          | loopback",
                "https://[2002:7f00:1::]/        | loopback",
                "https://[2001:0:4136:e378:8000:63bf:80ff:fffe]/ | loopback",
                "https://LOCALHOST./             | loopback",
                "https://foo.localhost/          | loopback",
                "https://10.1/                   | private",
                "https://[fd12::1]/              | private",
                "https://[64:ff9b::10.0.0.1]/    | private",
                "https://100.64.0.1/             | shared",
                "https://169.254.1.1/            | link-local",
                "https://[fe80::1%25eth0]/       | link-local",
                "https://169.254.169.254/        | metadata",
                "https://0251.0376.0251.0376/    | metadata",
                "https://[::ffff:a9fe:a9fe]/     | metadata",
                "https://169.254.170.2/          | metadata",
                "https://metadata.google.internal/ | metadata",
                "https://metadata.aws.com/       | metadata",
                "https://instance-data/          | metadata",
                "https://db.corp.internal/       | internal",
                "https://0.0.0.0/                | unspecified",
                "https://0x/                     | unspecified",
                "https://[::]/                   | unspecified",
                "https://224.0.0.1/              | multicast",
                "https://255.255.255.255/        | broadcast",
                "https://240.0.0.1/              | reserved",
                "https://256.0.0.1/              | invalid",
                "https://[2606:4700::1111%25eth0]/ | zone",
            })
    void reasonNamesTheClassOfHost(String url, String expectedWord) {
        assertThat(policy.blockedReason(url)).hasValueSatisfying(r -> assertThat(r).containsIgnoringCase(expectedWord));
    }

    @Test
    void userInfoIsASeparateRule() {
        // Userinfo hiding a private host: both rules fire.
        assertThat(policy.hasUserInfo("https://example.com@10.0.0.1/")).isTrue();
        assertThat(policy.blockedReason("https://example.com@10.0.0.1/"))
                .hasValueSatisfying(r -> assertThat(r).contains("private"));
        // Userinfo in front of a public host: only REF-URL-NO-USERINFO fires.
        assertThat(policy.hasUserInfo("https://user:pass@example.com/")).isTrue();
        assertThat(policy.blockedReason("https://user:pass@example.com/")).isEmpty();
        // The host follows the LAST '@'.
        assertThat(policy.blockedReason("https://10.0.0.1@example.com/")).isEmpty();
        assertThat(policy.blockedReason("https://a@example.com@127.0.0.1/")).isPresent();
        // '@' outside the authority is not userinfo.
        assertThat(policy.hasUserInfo("https://example.com/a@b.png")).isFalse();
        assertThat(policy.hasUserInfo("https://example.com?x=a@b")).isFalse();
        assertThat(policy.hasUserInfo("https://example.com#a@b")).isFalse();
        assertThat(policy.hasUserInfo("https://example.com\\a@127.0.0.1/")).isFalse();
        assertThat(policy.blockedReason("https://example.com\\a@127.0.0.1/")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "https://127.0.0.\t1/",
                "https://127.0.0.1\n/",
                "https://local\rhost/",
                "  https://127.0.0.1/  ",
                "\u0000https://10.0.0.1/",
                "https://local\u200Bhost/",
                "https://loc\u00ADalhost/",
            })
    void whitespaceAndInvisibleCharactersDoNotHideTheHost(String url) {
        assertThat(policy.blockedReason(url)).isPresent();
    }

    @Test
    void nullIsRejectedWithoutThrowing() {
        assertThat(policy.blockedReason(null)).isPresent();
        assertThat(policy.hasUserInfo(null)).isFalse();
    }

    @Test
    void neverThrowsOnRandomStrings() {
        Random random = new Random(20240607L);
        String alphabet = "https://HTTPS:\\/@[]%:.0123456789xXabcdefABCDEF?#-_~!$&'()*+,;=ghlostmn \t\n\r"
                + "\u0000\u007f\u00e9\u3002\uff0e\uff11\u2460\ud800\udc00\u200b\u00ad";
        String[] prefixes = {"", "https://", "HTTPS://", "https://[", "https://user@", "https:\\\\", "https://0x"};
        for (int n = 0; n < 10_000; n++) {
            StringBuilder sb = new StringBuilder(prefixes[random.nextInt(prefixes.length)]);
            int len = random.nextInt(40);
            for (int i = 0; i < len; i++) {
                if (random.nextInt(10) == 0) {
                    sb.append((char) random.nextInt(0x10000)); // any UTF-16 unit, incl. lone surrogates
                } else {
                    sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
                }
            }
            String s = sb.toString();
            assertThatCode(() -> {
                        Optional<String> r = policy.blockedReason(s);
                        assertThat(r).isNotNull();
                        policy.hasUserInfo(s);
                    })
                    .as("input %s", s.codePoints().mapToObj(Integer::toHexString).toList())
                    .doesNotThrowAnyException();
        }
    }

    @Test
    void longHostsDoNotThrow() {
        String longDigits = "https://" + "9".repeat(2040) + "/";
        String longDots = "https://" + ".".repeat(2040) + "/";
        String longHex = "https://0x" + "f".repeat(2038) + "/";
        String longV6 = "https://[" + ":".repeat(2030) + "]/";
        for (String s : List.of(longDigits, longDots, longHex, longV6)) {
            assertThatCode(() -> policy.blockedReason(s)).doesNotThrowAnyException();
            assertThat(policy.blockedReason(s)).isPresent();
        }
    }
}
