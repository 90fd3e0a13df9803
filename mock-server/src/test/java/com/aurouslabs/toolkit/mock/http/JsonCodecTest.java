package com.aurouslabs.toolkit.mock.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The answer mapper is shared by every request, so nobody outside may reconfigure it. */
class JsonCodecTest {

    @Test
    void no_mapper_is_exposed() {
        assertThat(Arrays.stream(JsonCodec.class.getDeclaredFields())
                .filter(f -> ObjectMapper.class.isAssignableFrom(f.getType()))
                .map(Field::getModifiers))
                .isNotEmpty()
                .allMatch(Modifier::isPrivate);
    }

    @Test
    void answers_use_snake_case_and_plain_decimals() throws Exception {
        record Entry(String requestId, java.math.BigDecimal amount) {
        }
        assertThat(new String(JsonCodec.bytes(new Entry("req_1", new java.math.BigDecimal("1E+2")))))
                .isEqualTo("{\"request_id\":\"req_1\",\"amount\":100}");
        assertThat(JsonCodec.read("{\"a\":1}".getBytes()).path("a").asInt()).isEqualTo(1);
    }
}
