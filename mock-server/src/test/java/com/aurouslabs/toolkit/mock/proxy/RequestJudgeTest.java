package com.aurouslabs.toolkit.mock.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import com.aurouslabs.toolkit.mock.Profile;
import com.aurouslabs.toolkit.mock.error.ApiError;
import com.aurouslabs.toolkit.mock.fixtures.FixtureIndex;
import com.aurouslabs.toolkit.mock.fixtures.FixturesLoader;
import com.aurouslabs.toolkit.mock.ratelimit.RateLimitSettings;
import com.aurouslabs.toolkit.mock.ratelimit.TeamRateLimiter;
import com.aurouslabs.toolkit.mock.reading.Readings;
import com.aurouslabs.toolkit.mock.rules.IpAddressReferenceHostPolicy;
import com.aurouslabs.toolkit.mock.support.Keys;
import com.aurouslabs.toolkit.mock.validation.SpecDocument;
import com.aurouslabs.toolkit.openapi.RuleCatalog;
import io.vertx.core.MultiMap;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The dry run of the mock's own checks on a request the proxy forwards. */
class RequestJudgeTest {

    private static final RuleCatalog CATALOG = RuleCatalog.load();
    private final TeamRateLimiter limiter = new TeamRateLimiter(new RateLimitSettings(2, 1, true), Clock.systemUTC());
    private final RequestJudge judge = judge(limiter);

    private static RequestJudge judge(TeamRateLimiter limiter) {
        FixtureIndex fixtures = new FixtureIndex(FixturesLoader.builtIn());
        SpecDocument spec = SpecDocument.bundled();
        return new RequestJudge(List.of(
                new Readings(CATALOG, spec, fixtures, limiter, new IpAddressReferenceHostPolicy(), Profile.DEFAULT)
                        .build("NONE"),
                new Readings(CATALOG, spec, fixtures, limiter, new IpAddressReferenceHostPolicy(), Profile.ALTERNATIVE)
                        .build("NONE")), CATALOG);
    }

    private static ProxiedRequest post(String body, String... headers) {
        MultiMap h = MultiMap.caseInsensitiveMultiMap().add("Content-Type", "application/json");
        for (int i = 0; i < headers.length; i += 2) {
            h.add(headers[i], headers[i + 1]);
        }
        return new ProxiedRequest("POST", "/v1/images/estimate", h, body.getBytes(StandardCharsets.UTF_8));
    }

    private static List<String> ids(List<ApiError> errors) {
        return errors.stream().map(ApiError::ruleId).toList();
    }

    @Test
    void judging_takes_no_rate_limit_token() {
        for (int i = 0; i < 5; i++) {
            judge.judge(post("{\"prompt\":\"x\"}", "X-Api-Key", Keys.ALPHA));
        }
        assertThat(limiter.peek("team_alpha").remaining()).isEqualTo(2);
    }

    @Test
    void rules_that_need_team_data_are_open_not_judged() {
        RequestVerdict verdict = judge.judge(post("{\"prompt\":\"x\",\"character_id\":\"" + Probe.FOREIGN_CHARACTER
                + "\",\"lora_id\":\"beta-house-style\",\"reference_image_urls\":[]}", "X-Api-Key", Keys.ALPHA));
        ReadingVerdict decision = verdict.readings().get(0);
        assertThat(decision.valid()).isTrue();
        assertThat(decision.open()).containsExactlyInAnyOrder("AUTH-INVALID-KEY", "AUTH-REVOKED-KEY",
                "RATE-LIMIT-BUCKET", "LORA-NOT-FOUND", "CHAR-NOT-FOUND", "CHAR-NOT-READY", "LORA-MODE");
    }

    @Test
    void every_broken_rule_is_reported_not_only_the_first() {
        RequestVerdict verdict = judge.judge(post("{\"prompt\":\"   \",\"width\":2048,\"steps\":0,"
                + "\"reference_image_urls\":[\"https://10.0.0.1/a.png\"],\"character_id\":\"" + Probe.READY_CHARACTER
                + "\"}", "X-Api-Key", Keys.ALPHA, "Aurous-Version", "2099-01-01"));
        assertThat(ids(verdict.readings().get(0).broken())).containsExactly("VERSION-UNKNOWN", "STEPS-RANGE",
                "DIM-PAIR", "CHAR-XOR-REFS", "PROMPT-NOT-BLANK", "REF-URL-HOST-BLOCKED");
        assertThat(verdict.readings().get(1).brokenIds()).containsExactlyInAnyOrder("VERSION-UNKNOWN", "STEPS-RANGE",
                "DIM-PAIR", "CHAR-XOR-REFS", "PROMPT-NOT-BLANK", "REF-URL-HOST-BLOCKED");
    }

    @Test
    void a_missing_key_decides_alone() {
        ReadingVerdict decision = judge.judge(post("{\"size\":\"nope\"}")).readings().get(0);
        assertThat(ids(decision.fixedBroken())).containsExactly("AUTH-MISSING-KEY");
        assertThat(decision.broken()).isEmpty();
        assertThat(decision.open()).isEmpty();
    }

    @Test
    void the_readings_differ_where_the_docs_are_silent() {
        RequestVerdict verdict = judge.judge(post("{\"prompt\":\"\\u00a0\",\"width\":1024.5,\"height\":1024}",
                "X-Api-Key", Keys.ALPHA));
        assertThat(verdict.readings().get(0).brokenIds()).containsExactly("BODY-INTEGER", "PROMPT-NOT-BLANK");
        assertThat(verdict.readings().get(1).brokenIds()).isEmpty();
    }

    @Test
    void a_pinned_version_resolves_as_the_spec_says() {
        RequestVerdict verdict = judge.judge(post("{\"prompt\":\"x\"}", "X-Api-Key", Keys.ALPHA, "Aurous-Version",
                "2026-01-01"));
        assertThat(verdict.readings()).allSatisfy(r -> assertThat(r.resolvedVersion()).isEqualTo("2026-05-15"));
    }

    @Test
    void credentials_are_kept_only_to_be_scrubbed() {
        RequestVerdict verdict = judge.judge(post("{\"prompt\":\"x\"}", "Authorization", "Bearer " + Keys.BETA));
        assertThat(verdict.maskedKey()).isEqualTo("al_live_****");
        assertThat(verdict.secrets()).contains(Keys.BETA, "Bearer " + Keys.BETA);
        Findings findings = new Findings(verdict.secrets());
        findings.note("X", "param " + Keys.BETA + " and Bearer " + Keys.BETA);
        assertThat(findings.toJournal("u", 1).notes().get(0).message()).isEqualTo(
                "param al_live_**** and Bearer al_live_****");
    }

    @Test
    void other_paths_and_preflights_are_outside_the_contract() {
        MultiMap none = MultiMap.caseInsensitiveMultiMap();
        assertThat(judge.judge(new ProxiedRequest("GET", "/v1/loras", none, new byte[0])).judged()).isFalse();
        assertThat(judge.judge(new ProxiedRequest("OPTIONS", "/v1/images/estimate", none, new byte[0])).judged())
                .isFalse();
        RequestVerdict get = judge.judge(new ProxiedRequest("GET", "/v1/images/estimate", none, new byte[0]));
        assertThat(get.judged()).isTrue();
        assertThat(get.operation()).isFalse();
        assertThat(ids(get.readings().get(0).fixedBroken())).containsExactly("ROUTE-METHOD-NOT-ALLOWED");
    }
}
