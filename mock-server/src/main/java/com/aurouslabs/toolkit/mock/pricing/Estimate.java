package com.aurouslabs.toolkit.mock.pricing;

import java.math.BigDecimal;
import java.util.List;

/** A priced request: the breakdown lines in order ({@code base} first) and the amount. */
public record Estimate(List<Line> lines, BigDecimal amount) {

    public Estimate {
        lines = List.copyOf(lines);
    }

    /** One line of {@code estimated_cost.breakdown}. */
    public record Line(String name, BigDecimal amount) {
    }

    /** The amount of the line of this name, or null. */
    public BigDecimal line(String name) {
        return lines.stream().filter(l -> l.name().equals(name)).map(Line::amount).findFirst().orElse(null);
    }
}
