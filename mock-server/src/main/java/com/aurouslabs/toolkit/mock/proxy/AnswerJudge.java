package com.aurouslabs.toolkit.mock.proxy;

import com.aurouslabs.toolkit.mock.error.ApiError;
import com.aurouslabs.toolkit.openapi.Outcome;
import com.aurouslabs.toolkit.openapi.Rule;
import com.aurouslabs.toolkit.openapi.RuleCatalog;
import com.aurouslabs.toolkit.openapi.Tier;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The verdict half of the validating proxy: does the upstream's verdict (accepted, or which error) agree with what
 * the catalog documents for this request? Fails only on what the vendor documents:
 * <ul>
 *   <li>accepted although a rule rejects the request under every clean reading: a violation of that rule when the
 *       rule is documented and a security rule or one whose status the vendor states, else a note; accepted where only the default
 *       reading rejects: a note (the upstream follows the alternative reading);</li>
 *   <li>rejected: fine when the answer is the outcome of any broken rule (the order is not documented), of a rule
 *       that needs team data, or the rate limit, under either reading. An answer that differs only in parts the
 *       vendor does not document (a code, a param spelling) is a note; one that only the alternative reading gives is
 *       a note too. Otherwise the rule whose documented part differs is violated;</li>
 *   <li>rejected although nothing the proxy can judge is broken: the rules whose answer it is (under either
 *       reading) are violated, as the request does not break them (notes for inferred rules), or, when it is no
 *       documented rule's answer, PRICE-SHAPE (the documented 200);</li>
 *   <li>a 5xx: a violation of NO-SERVER-ERROR when the input breaks a documented rule, else a note.</li>
 * </ul>
 * The shape of the answer (envelope, headers, schema, pricing) is {@link ResponseContract}'s.
 */
final class AnswerJudge {

    static final String OK = "OK";
    /** The journal's rule for an upstream answer no catalog rule explains. */
    static final String UNEXPLAINED = "UPSTREAM";
    static final String PRICE_SHAPE = "PRICE-SHAPE";
    static final String NO_SERVER_ERROR = "NO-SERVER-ERROR";

    /**
     * Answers the catalog names as what an estimate never gives (rules whose outcome is acceptance), by error code
     * or status: an estimate places no balance hold, runs no moderation and needs no scope.
     */
    private static final Map<String, String> NEVER_ON_AN_ESTIMATE = Map.of(
            "balance_too_low", "ESTIMATE-NO-BALANCE-CHECK", "402", "ESTIMATE-NO-BALANCE-CHECK",
            "prompt_blocked", "ESTIMATE-NO-MODERATION", "reference_blocked", "ESTIMATE-NO-MODERATION",
            "missing_scope", "AUTH-ANY-SCOPE", "403", "AUTH-ANY-SCOPE");

    private static final Set<String> PARTS = Set.of("status", "type", "code", "param");

    private final RuleCatalog catalog;
    private final ParamTemplates params;

    AnswerJudge(RuleCatalog catalog) {
        this.catalog = catalog;
        this.params = new ParamTemplates(catalog);
    }

    /**
     * Adds the verdict findings of one exchange to {@code out} and returns the rule the answer is attributed to
     * ({@code OK} for an acceptance, a rule ID, or {@value #UNEXPLAINED}).
     */
    String judge(RequestVerdict request, Answer answer, Findings out) {
        List<ReadingVerdict> readings = request.readings();
        for (ReadingVerdict r : readings) {
            r.open().forEach(out::notJudged);
        }
        Set<String> everywhere = null;
        Set<String> somewhere = new LinkedHashSet<>();
        for (ReadingVerdict r : readings) {
            Set<String> ids = r.brokenIds();
            somewhere.addAll(ids);
            if (everywhere == null) {
                everywhere = new LinkedHashSet<>(ids);
            } else {
                everywhere.retainAll(ids);
            }
        }
        if (answer.success()) {
            accepted(readings, everywhere, somewhere, answer, out);
            return OK;
        }
        if (answer.status() >= 500) {
            serverError(readings, everywhere, answer, out);
            return UNEXPLAINED;
        }
        return rejected(readings, everywhere, somewhere, answer, out);
    }

    private void accepted(List<ReadingVerdict> readings, Set<String> everywhere, Set<String> somewhere, Answer answer,
                          Findings out) {
        for (String id : somewhere) {
            String expected = describe(first(readings, id));
            if (everywhere.contains(id)) {
                if (required(id)) {
                    out.violation(id, "accepted (" + answer.describe() + ") a request that breaks " + id
                            + "; the documented answer is " + expected);
                } else {
                    out.note(id, "accepted; both readings of the catalog reject it (" + expected
                            + "), which the vendor does not document");
                }
            } else if (readings.get(0).brokenIds().contains(id)) {
                // Only a difference from the catalog's decision is worth a note; agreeing with it is not.
                out.note(id, "accepted, as the " + profiles(readings, id, false) + " reading does (the "
                        + profiles(readings, id, true) + " reading answers " + expected + ")");
            }
        }
    }

    private void serverError(List<ReadingVerdict> readings, Set<String> everywhere, Answer answer, Findings out) {
        List<String> documented = everywhere.stream().filter(this::required).toList();
        for (String id : documented) {
            out.violation(id, "answered " + answer.describe() + " instead of " + describe(first(readings, id)));
        }
        if (!documented.isEmpty()) {
            out.violation(NO_SERVER_ERROR, "client input that breaks " + String.join(", ", documented) + " got "
                    + answer.describe());
        } else {
            out.note(NO_SERVER_ERROR, answer.describe() + ": a server failure (the request breaks no documented rule "
                    + "the proxy can judge)");
        }
    }

    private String rejected(List<ReadingVerdict> readings, Set<String> everywhere, Set<String> somewhere,
                            Answer answer, Findings out) {
        List<Candidate> candidates = candidates(readings);
        Optional<Candidate> exact = candidates.stream().filter(c -> mismatch(c, answer).isEmpty()).findFirst();
        if (exact.isPresent()) {
            Candidate c = exact.get();
            if (c.readingIndex > 0) {
                out.note(c.ruleId, "answered as the " + c.reading.profile() + " reading of the catalog does: "
                        + answer.describe() + " (the default reading: " + defaultAnswer(readings, c) + ")");
            }
            return c.ruleId;
        }
        Comparator<Candidate> closest = Comparator.<Candidate>comparingInt(c -> documentedMismatch(c, answer).size())
                .thenComparingInt(c -> mismatch(c, answer).size()).thenComparingInt(c -> c.readingIndex);
        Optional<Candidate> consistent = candidates.stream().filter(c -> documentedMismatch(c, answer).isEmpty())
                .min(closest);
        if (consistent.isPresent()) {
            Candidate c = consistent.get();
            out.note(c.ruleId, "differs from the catalog in " + mismatch(c, answer) + ", which the vendor does not "
                    + "document: got " + answer.describe() + ", the " + c.reading.profile() + " reading answers "
                    + c.describe());
            return c.ruleId;
        }
        if (readings.stream().allMatch(ReadingVerdict::valid)) {
            return refusedValid(answer, out);
        }
        Optional<Candidate> sameStatus = candidates.stream().filter(c -> !mismatch(c, answer).contains("status"))
                .min(closest);
        if (sameStatus.isPresent()) {
            Candidate c = sameStatus.get();
            String message = "the documented " + documentedMismatch(c, answer) + " differ: got " + answer.describe()
                    + ", documented " + c.describe();
            if (required(c.ruleId)) {
                out.violation(c.ruleId, message);
            } else {
                out.note(c.ruleId, message);
            }
            return c.ruleId;
        }
        for (String id : somewhere) {
            String expected = describe(first(readings, id));
            if (everywhere.contains(id) && required(id)) {
                out.violation(id, "got " + answer.describe() + "; the documented answer is " + expected);
            } else {
                out.note(id, "got " + answer.describe() + ", which no reading of the catalog gives (" + expected + ")");
            }
        }
        return UNEXPLAINED;
    }

    /** A rejection of a request that breaks nothing the proxy can judge, and that no team-data rule explains. */
    private String refusedValid(Answer answer, Findings out) {
        String never = answer.code() != null && NEVER_ON_AN_ESTIMATE.containsKey(answer.code())
                ? NEVER_ON_AN_ESTIMATE.get(answer.code()) : NEVER_ON_AN_ESTIMATE.get(Integer.toString(answer.status()));
        if (never != null) {
            String message = "refused with " + answer.describe() + "; the catalog's reading is that an estimate never "
                    + "answers this (" + catalog.rule(never).text() + ")";
            if (required(never)) {
                out.violation(never, message);
            } else {
                out.note(never, message);
            }
            return never;
        }
        List<String> claimed = new ArrayList<>();
        String attributed = null;
        for (Rule rule : catalog.rules()) {
            if (!claims(rule, answer)) {
                continue;
            }
            claimed.add(rule.id());
            String message = "answered " + answer.describe() + ", which is " + rule.id() + "'s answer, but the "
                    + "request does not break " + rule.id();
            if (required(rule.id())) {
                out.violation(rule.id(), message);
                attributed = attributed == null ? rule.id() : attributed;
            } else {
                out.note(rule.id(), message);
            }
        }
        if (attributed == null) {
            out.violation(PRICE_SHAPE, "refused (" + answer.describe() + ") a request that breaks no rule the proxy "
                    + "can judge; the documented answer is 200 with an estimate");
            attributed = claimed.isEmpty() ? PRICE_SHAPE : claimed.get(0);
        }
        return attributed;
    }

    /** True when the answer is exactly {@code rule}'s outcome under the decision or the alternative reading. */
    private boolean claims(Rule rule, Answer answer) {
        for (Outcome o : new Outcome[] {rule.outcome(), rule.alternativeOutcome()}) {
            if (o != null && o.isError() && o.status() == answer.status() && Objects.equals(o.type(), answer.type())
                    && Objects.equals(o.code(), answer.code()) && params.matches(o.param(), answer.param())) {
                return true;
            }
        }
        return false;
    }

    /** Every answer the readings allow, the default reading's first: judged rules, then team-data rules. */
    private List<Candidate> candidates(List<ReadingVerdict> readings) {
        List<Candidate> out = new ArrayList<>();
        for (int i = 0; i < readings.size(); i++) {
            ReadingVerdict r = readings.get(i);
            for (ApiError e : r.expected()) {
                out.add(new Candidate(e.ruleId(), r, i, e.status(), e.type(), e.code(), e.param(), false,
                        documentedParts(r, e.ruleId())));
            }
            if (!r.fixedBroken().isEmpty()) {
                continue;
            }
            for (String id : r.open()) {
                Outcome o = r.reading().outcomes().outcome(id);
                if (o != null && o.isError()) {
                    out.add(new Candidate(id, r, i, o.status(), o.type(), o.code(), o.param(), true,
                            documentedParts(r, id)));
                }
            }
        }
        return out;
    }

    private Set<String> documentedParts(ReadingVerdict r, String ruleId) {
        Outcome o = r.reading().outcomes().outcome(ruleId);
        Set<String> parts = new LinkedHashSet<>();
        if (o == null) {
            parts.add("status"); // a schema keyword the catalog does not name: the spec's constraint
        } else {
            o.documented().stream().filter(PARTS::contains).forEach(parts::add);
        }
        if (parts.contains("status")) {
            parts.add("type"); // the error taxonomy ties the type to the status
        }
        return parts;
    }

    /**
     * A documented rule that is a security rule or whose status the vendor states: its failures are violations. An
     * inferred rule (security or not) is our reading where the vendor is silent, so its failures are notes.
     */
    boolean required(String ruleId) {
        Optional<Rule> rule = catalog.find(ruleId);
        if (rule.isEmpty()) {
            return true; // a constraint of the spec's schema the catalog does not name
        }
        Rule r = rule.get();
        return r.tier() == Tier.DOCUMENTED && (r.security() || r.outcome() != null
                && r.outcome().isDocumented("status"));
    }

    private static ApiError first(List<ReadingVerdict> readings, String ruleId) {
        for (ReadingVerdict r : readings) {
            ApiError e = r.answerFor(ruleId);
            if (e != null) {
                return e;
            }
        }
        return null;
    }

    private static String describe(ApiError e) {
        return e == null ? "?" : Answer.describe(e.status(), e.type(), e.code(), e.param());
    }

    private static String defaultAnswer(List<ReadingVerdict> readings, Candidate c) {
        ReadingVerdict first = readings.get(0);
        ApiError e = first.answerFor(c.ruleId);
        if (e != null) {
            return describe(e);
        }
        if (!first.valid()) {
            return "another rule's answer, e.g. " + describe(first.expected().get(0));
        }
        return first.open().isEmpty() ? "200" : "200, or the answer of a rule that needs team data "
                + first.open();
    }

    /** The profiles that reject ({@code rejecting}) or accept a rule, e.g. {@code default}. */
    private static String profiles(List<ReadingVerdict> readings, String ruleId, boolean rejecting) {
        return String.join(" and ", readings.stream().filter(r -> r.brokenIds().contains(ruleId) == rejecting)
                .map(ReadingVerdict::profile).toList());
    }

    private Set<String> mismatch(Candidate c, Answer a) {
        Set<String> parts = new LinkedHashSet<>();
        if (!Objects.equals(c.status, a.status())) {
            parts.add("status");
        }
        if (!Objects.equals(c.type, a.type())) {
            parts.add("type");
        }
        if (!Objects.equals(c.code, a.code())) {
            parts.add("code");
        }
        if (c.template ? !params.matches(c.param, a.param()) : !Objects.equals(c.param, a.param())) {
            parts.add("param");
        }
        return parts;
    }

    private Set<String> documentedMismatch(Candidate c, Answer a) {
        Set<String> parts = mismatch(c, a);
        parts.retainAll(c.documented);
        return parts;
    }

    /** One answer a reading allows. {@code param} is exact, or a template for a team-data rule. */
    private record Candidate(String ruleId, ReadingVerdict reading, int readingIndex, Integer status, String type,
                             String code, String param, boolean template, Set<String> documented) {

        String describe() {
            return Answer.describe(status, type, code, template ? "like " + param : param);
        }
    }
}
