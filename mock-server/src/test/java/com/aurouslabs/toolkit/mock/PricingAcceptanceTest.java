package com.aurouslabs.toolkit.mock;

import static org.assertj.core.api.Assertions.assertThat;

import com.aurouslabs.toolkit.mock.junit.AurousMockTest;
import com.aurouslabs.toolkit.mock.junit.MockServerInfo;
import com.aurouslabs.toolkit.mock.support.EnvelopeAssert;
import com.aurouslabs.toolkit.mock.support.Keys;
import com.aurouslabs.toolkit.mock.support.MockClient;
import com.aurouslabs.toolkit.mock.support.Reply;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** PRICE-*: rate card, count, enhance line, free references, per-team override, integer formatting. */
@AurousMockTest(rateLimit = false)
class PricingAcceptanceTest {

    private MockClient client;

    @BeforeEach
    void setUp(MockServerInfo mock) {
        client = new MockClient(mock.baseUrl());
    }

    @ParameterizedTest(name = "count {0}, enhance {1} -> {2}")
    @CsvSource(delimiter = '|', value = {
            "1|false|{\"object\":\"estimate\",\"estimated_cost\":{\"amount\":1,\"breakdown\":{\"base\":1}},\"currency\":\"credit\"}",
            "1|true|{\"object\":\"estimate\",\"estimated_cost\":{\"amount\":2,\"breakdown\":{\"base\":1,\"enhance\":1}},\"currency\":\"credit\"}",
            "4|false|{\"object\":\"estimate\",\"estimated_cost\":{\"amount\":4,\"breakdown\":{\"base\":4}},\"currency\":\"credit\"}",
            "3|true|{\"object\":\"estimate\",\"estimated_cost\":{\"amount\":6,\"breakdown\":{\"base\":3,\"enhance\":3}},\"currency\":\"credit\"}"})
    void estimate_is_base_times_count_plus_enhance_line(int count, boolean enhance, String expected) {
        Reply reply = client.estimate("{\"prompt\":\"x\",\"count\":" + count + ",\"enhance_prompt\":" + enhance + "}");
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body()).isEqualTo(expected);
        EnvelopeAssert.assertCommonHeaders(reply);
    }

    @Test
    void team_beta_override_prices_fractional_credits() {
        Reply reply = client.estimate("{\"prompt\":\"x\",\"enhance_prompt\":true}", "X-Api-Key", Keys.BETA);
        assertThat(reply.body()).isEqualTo("{\"object\":\"estimate\",\"estimated_cost\":{\"amount\":4.5,"
                + "\"breakdown\":{\"base\":1.5,\"enhance\":3}},\"currency\":\"credit\"}");
        Reply two = client.estimate("{\"prompt\":\"x\",\"count\":2}", "X-Api-Key", Keys.BETA);
        assertThat(two.json().at("/estimated_cost/amount").toString()).isEqualTo("3");
    }

    @Test
    void references_character_size_and_tuning_do_not_change_the_price() {
        String plain = client.estimate("{\"prompt\":\"x\"}").body();
        assertThat(client.estimate("{\"prompt\":\"x\",\"reference_image_urls\":[\"https://example.com/a.jpg\","
                + "\"https://example.com/b.jpg\"]}").body()).isEqualTo(plain);
        assertThat(client.estimate("{\"prompt\":\"x\",\"character_id\":\"char_01HXMQ7Z3K8Y2NABCDEFGHJKMR\"}").body())
                .isEqualTo(plain);
        assertThat(client.estimate("{\"prompt\":\"x\",\"size\":\"4k_1_1\",\"steps\":100,\"guidance_scale\":30,"
                + "\"seed\":7,\"cfg_rescale\":0}").body()).isEqualTo(plain);
    }

    @Test
    void enhance_false_has_no_enhance_line() {
        assertThat(client.estimate("{\"prompt\":\"x\",\"enhance_prompt\":false}").json()
                .at("/estimated_cost/breakdown").has("enhance")).isFalse();
    }
}
