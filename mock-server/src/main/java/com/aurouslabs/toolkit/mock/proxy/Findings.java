package com.aurouslabs.toolkit.mock.proxy;

import com.aurouslabs.toolkit.mock.journal.ApiKeyMasker;
import com.aurouslabs.toolkit.mock.journal.ExchangeFindings;
import com.aurouslabs.toolkit.mock.journal.ExchangeFindings.Finding;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Collects the findings of one exchange. Every message is scrubbed of the request's credentials before it is kept
 * (a param or a header the upstream echoes may hold the key), and capped.
 */
final class Findings {

    private static final int MAX_MESSAGE = 600;

    private final List<String> secrets;
    private final List<Finding> violations = new ArrayList<>();
    private final List<Finding> notes = new ArrayList<>();
    private final Set<String> notJudged = new LinkedHashSet<>();

    Findings(List<String> secrets) {
        this.secrets = secrets;
    }

    void violation(String rule, String message) {
        violations.add(new Finding(rule, scrub(message)));
    }

    void note(String rule, String message) {
        notes.add(new Finding(rule, scrub(message)));
    }

    void notJudged(String ruleOrReason) {
        notJudged.add(scrub(ruleOrReason));
    }

    /** The distinct rule IDs of the violations, in order. */
    List<String> violatedRules() {
        return violations.stream().map(Finding::rule).distinct().toList();
    }

    /** The distinct rule IDs of the notes, in order. */
    List<String> notedRules() {
        return notes.stream().map(Finding::rule).distinct().toList();
    }

    ExchangeFindings toJournal(String upstream, long upstreamMillis) {
        return new ExchangeFindings(upstream, upstreamMillis, violations, notes, List.copyOf(notJudged));
    }

    private String scrub(String text) {
        if (text == null) {
            return null;
        }
        String out = text;
        for (String secret : secrets) {
            if (secret.length() >= 4) {
                out = out.replace(secret, ApiKeyMasker.mask(secret));
            }
        }
        return out.length() > MAX_MESSAGE ? out.substring(0, MAX_MESSAGE - 3) + "..." : out;
    }
}
