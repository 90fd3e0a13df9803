package com.aurouslabs.toolkit.mock.defect;

import com.aurouslabs.toolkit.mock.fixtures.LoraFixture;
import com.aurouslabs.toolkit.mock.fixtures.RateCard;
import com.aurouslabs.toolkit.mock.http.ResponseAdjuster;
import com.aurouslabs.toolkit.mock.pricing.Estimate;
import com.aurouslabs.toolkit.mock.pricing.Pricing;
import com.aurouslabs.toolkit.mock.rules.BlockedHost;
import com.aurouslabs.toolkit.mock.rules.ReferenceHostPolicy;
import com.aurouslabs.toolkit.mock.rules.RuleCheck;
import com.aurouslabs.toolkit.mock.rules.RuleContext;
import com.aurouslabs.toolkit.mock.rules.Violation;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BiPredicate;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/** The wrappers and post-processors the defects of {@link Defects} are made of (defect code lives only here). */
final class Wrappers {

    private Wrappers() {
    }

    // ------------------------------------------------------------------------------------------- rule checks

    /** The rule never finds anything. */
    static UnaryOperator<RuleCheck> suppress() {
        return check -> altered(check, c -> Optional.empty());
    }

    /** The rule finds nothing when {@code accepted} holds for the request and what it found. */
    static UnaryOperator<RuleCheck> suppressWhen(BiPredicate<RuleContext, Violation> accepted) {
        return check -> altered(check, c -> check.check(c).filter(v -> !accepted.test(c, v)));
    }

    /** The rule's condition is replaced. */
    static UnaryOperator<RuleCheck> replace(Function<RuleContext, Optional<Violation>> condition) {
        return check -> altered(check, condition);
    }

    /** What the rule finds gets one more template value when {@code extra} says so. */
    static UnaryOperator<RuleCheck> annotate(String var, Function<RuleContext, String> extra) {
        return check -> altered(check, c -> check.check(c).map(v -> v.with(var, extra.apply(c))));
    }

    private static RuleCheck altered(RuleCheck original, Function<RuleContext, Optional<Violation>> condition) {
        return original.readsBody() ? RuleCheck.of(original.ruleId(), condition)
                : RuleCheck.onHeaders(original.ruleId(), condition);
    }

    // ------------------------------------------------------------------------------------------- conditions

    /** DIM-SNAP-32 turned into a rejection: width or height not a multiple of 32. */
    static Optional<Violation> nonMultipleOf32(RuleContext c) {
        for (String field : List.of("width", "height")) {
            JsonNode n = c.body().get(field);
            if (n != null && n.isNumber()
                    && n.decimalValue().remainder(BigDecimal.valueOf(32)).signum() != 0) {
                return Optional.of(Violation.of("DIM-SNAP-32").with("field", field));
            }
        }
        return Optional.empty();
    }

    /** For CHAR-NOT-FOUND: a note when the id exists for another team (so the two 404s differ). */
    static String foreignOwnerNote(RuleContext c) {
        String id = c.text("character_id");
        return id != null && c.fixtures().character(id).isPresent() ? " (it belongs to another team)" : null;
    }

    /** For LORA-NOT-FOUND: the LoRA exists, is active, and is private to another team. */
    static boolean foreignPrivateLora(RuleContext c, Violation found) {
        String ref = c.text("lora_id");
        Optional<LoraFixture> lora = ref == null ? Optional.empty() : c.fixtures().lora(ref);
        return lora.filter(l -> l.active() && l.ownerTeam() != null && !l.ownerTeam().equals(c.teamId()))
                .isPresent();
    }

    // ------------------------------------------------------------------------------------------- host policy

    /** The policy, except that hosts {@code accepted} selects are public. */
    static UnaryOperator<ReferenceHostPolicy> acceptHosts(Predicate<BlockedHost> accepted) {
        return policy -> new ReferenceHostPolicy() {
            @Override
            public Optional<BlockedHost> blocked(String url) {
                return policy.blocked(url).filter(b -> !accepted.test(b));
            }

            @Override
            public boolean hasUserInfo(String url) {
                return policy.hasUserInfo(url);
            }
        };
    }

    // ------------------------------------------------------------------------------------------- pricing

    /** Every reference image costs the image base price (the card's per-reference price set to it). */
    static UnaryOperator<Pricing> referencesCostTheBase() {
        return pricing -> (card, body) -> pricing.price(
                new RateCard(card.imageBase(), card.enhancePromptMultiplier(), card.imageBase()), body);
    }

    /** The amount is charged for one image whatever the count, while the lines count them (amount != sum). */
    static UnaryOperator<Pricing> countLeftOutOfAmount() {
        return pricing -> (card, body) -> {
            Estimate e = pricing.price(card, body);
            JsonNode count = body.get("count");
            int n = count != null && count.canConvertToExactIntegral() && count.intValue() > 1 ? count.intValue() : 1;
            return new Estimate(e.lines(), e.amount().divide(BigDecimal.valueOf(n), java.math.MathContext.DECIMAL64));
        };
    }

    /** The enhance line is shown but left out of the amount (amount != sum). */
    static UnaryOperator<Pricing> enhanceLeftOutOfAmount() {
        return pricing -> (card, body) -> {
            Estimate e = pricing.price(card, body);
            BigDecimal enhance = e.line("enhance");
            return enhance == null ? e : new Estimate(e.lines(), e.amount().subtract(enhance));
        };
    }

    // ------------------------------------------------------------------------------------------- responses

    static ResponseAdjuster dropHeader(String name) {
        return (headers, body) -> {
            headers.remove(name);
            return body;
        };
    }

    /** X-RateLimit-Reset in epoch milliseconds instead of seconds. */
    static ResponseAdjuster resetInMilliseconds() {
        return (headers, body) -> {
            String reset = headers.get("X-RateLimit-Reset");
            if (reset != null) {
                headers.set("X-RateLimit-Reset", reset + "000");
            }
            return body;
        };
    }

    /** Request ids {@code req_} followed by 32 hex digits (a UUID without dashes), not a ULID. */
    static Supplier<String> hexRequestIds() {
        return () -> {
            ThreadLocalRandom r = ThreadLocalRandom.current();
            return "req_" + String.format("%016x%016x", r.nextLong(), r.nextLong());
        };
    }
}
