package com.aurouslabs.toolkit.mock;

import static com.aurouslabs.toolkit.mock.support.EnvelopeAssert.assertInvalid;
import static org.assertj.core.api.Assertions.assertThat;

import com.aurouslabs.toolkit.mock.junit.AurousMockTest;
import com.aurouslabs.toolkit.mock.junit.MockServerInfo;
import com.aurouslabs.toolkit.mock.support.MockClient;
import com.aurouslabs.toolkit.mock.support.Reply;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** SIZE-XOR-DIMS, DIM-PAIR, DIM-SNAP-32. */
@AurousMockTest(rateLimit = false)
class DimensionRulesAcceptanceTest {

    private MockClient client;

    @BeforeEach
    void setUp(MockServerInfo mock) {
        client = new MockClient(mock.baseUrl());
    }

    @Test
    void size_with_width_and_height_is_rejected_as_invalid_combination() {
        Reply reply = client.estimate("{\"prompt\":\"x\",\"size\":\"2k_1_1\",\"width\":2048,\"height\":2048}");
        assertInvalid(reply, "parameter_invalid_combination", "size");
        assertThat(reply.header("X-Mock-Rule")).isEqualTo("SIZE-XOR-DIMS");
    }

    @Test
    void size_with_only_width_is_rejected_as_invalid_combination() {
        assertInvalid(client.estimate("{\"prompt\":\"x\",\"size\":\"2k_1_1\",\"width\":2048}"),
                "parameter_invalid_combination", "size");
    }

    @Test
    void size_alone_is_accepted_and_reported_as_resolved_size() {
        Reply reply = client.estimate("{\"prompt\":\"x\",\"size\":\"4k_2_3\"}");
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.header("X-Mock-Resolved-Size")).isEqualTo("4k_2_3");
    }

    @Test
    void lone_width_is_rejected_with_missing_field() {
        Reply reply = client.estimate("{\"prompt\":\"x\",\"width\":2048}");
        assertInvalid(reply, "missing_field", "height");
        assertThat(reply.header("X-Mock-Rule")).isEqualTo("DIM-PAIR");
    }

    @Test
    void lone_height_is_rejected_with_missing_field() {
        assertInvalid(client.estimate("{\"prompt\":\"x\",\"height\":2048}"), "missing_field", "width");
    }

    @ParameterizedTest(name = "{0}x{1} snaps to {2}")
    @CsvSource({"1040,2048,1056x2048", "1039,2048,1024x2048", "1041,1024,1056x1024", "1024,1024,1024x1024",
            "4095,4096,4096x4096", "1056,1072,1056x1088", "2047,2049,2048x2048"})
    void in_range_dimensions_are_never_rejected_and_snap_to_the_nearest_multiple_of_32(int w, int h, String size) {
        Reply reply = client.estimate("{\"prompt\":\"x\",\"width\":" + w + ",\"height\":" + h + "}");
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.header("X-Mock-Resolved-Size")).isEqualTo(size);
    }
}
