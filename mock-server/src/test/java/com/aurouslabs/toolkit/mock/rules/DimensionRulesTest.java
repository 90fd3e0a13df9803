package com.aurouslabs.toolkit.mock.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** DIM-SNAP-32: the whole-number path in long arithmetic agrees with the exact one, ties as the choice says. */
class DimensionRulesTest {

    private static DimensionRules ties(String way) {
        return new DimensionRules(new Choices(Map.of("DIM-SNAP-32", Map.of("ties", way))));
    }

    @Test
    void whole_numbers_snap_to_the_nearest_multiple_of_32_like_the_exact_path() {
        for (String way : new String[] {"up", "down"}) {
            DimensionRules rules = ties(way);
            for (long v = -5000; v <= 5000; v++) {
                assertThat(rules.snapWhole(v)).as("%s %d", way, v)
                        .isEqualTo(rules.snap(BigDecimal.valueOf(v)).longValueExact());
            }
        }
    }

    @Test
    void a_tie_rounds_up_by_default_and_down_in_the_alternative() {
        assertThat(ties("up").snapWhole(1040)).isEqualTo(1056);
        assertThat(ties("down").snapWhole(1040)).isEqualTo(1024);
        assertThat(ties("up").snapWhole(1041)).isEqualTo(1056);
        assertThat(ties("down").snapWhole(1039)).isEqualTo(1024);
    }
}
