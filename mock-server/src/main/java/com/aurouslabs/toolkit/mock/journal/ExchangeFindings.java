package com.aurouslabs.toolkit.mock.journal;

import java.util.List;

/**
 * What the validating proxy found in one exchange, as the journal shows it: the upstream it asked (a base URL, never
 * with a key), how long the upstream took, the violations (what the upstream did that the vendor's documented rules
 * forbid), the notes (differences where the docs are silent, and answers only the catalog's alternative reading
 * gives), and the rules it could not judge (they need the caller's team data, or the request is outside the
 * contract). Every text is free of the API key.
 *
 * @param upstream       the upstream base URL
 * @param upstreamMillis milliseconds from forwarding the request to the end of the upstream answer (-1 when none came)
 * @param violations     one finding per broken rule
 * @param notes          findings that are not violations
 * @param notJudged      rule IDs (or a reason) the proxy cannot judge for this request
 */
public record ExchangeFindings(String upstream, long upstreamMillis, List<Finding> violations, List<Finding> notes,
                               List<String> notJudged) {

    public ExchangeFindings {
        violations = List.copyOf(violations);
        notes = List.copyOf(notes);
        notJudged = List.copyOf(notJudged);
    }

    /** One finding: the rule of rules.yaml it concerns and what was seen. */
    public record Finding(String rule, String message) {
    }
}
