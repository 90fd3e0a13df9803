package com.aurouslabs.toolkit.mock.proxy;

import com.aurouslabs.toolkit.mock.error.ApiError;
import com.aurouslabs.toolkit.mock.http.EstimateCall;
import com.aurouslabs.toolkit.mock.http.MockHeaders;
import com.aurouslabs.toolkit.mock.http.RouteRules;
import com.aurouslabs.toolkit.mock.journal.ApiKeyMasker;
import com.aurouslabs.toolkit.mock.reading.Reading;
import com.aurouslabs.toolkit.mock.rules.BodyRules;
import com.aurouslabs.toolkit.mock.rules.RuleCheck;
import com.aurouslabs.toolkit.mock.rules.RuleContext;
import com.aurouslabs.toolkit.mock.rules.TeamDataUnavailable;
import com.aurouslabs.toolkit.mock.rules.Violation;
import com.aurouslabs.toolkit.mock.validation.SpecDocument;
import com.aurouslabs.toolkit.openapi.RuleCatalog;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The request half of the validating proxy: a dry run of the mock's own checks (the same {@link RuleCheck}s, in
 * the catalog's order, with the catalog's outcomes) under both clean readings, on a context without team data.
 * Nothing is consumed: RATE-LIMIT-BUCKET asks for the team first and so never takes a token, and no fixture is looked
 * up. A check that needs team data (whether the key is valid or revoked, the bucket, the caller's characters, files
 * and LoRAs) is reported as open instead of judged. Unlike the mock, every check runs (not only up to the first
 * finding): the order after the fixed steps is not documented, so the upstream may report any broken rule.
 */
final class RequestJudge {

    private static final String VERSION_FAMILY = "version";

    private final List<Reading> readings;
    private final RuleCatalog catalog;

    /** @param readings the clean default reading first, then the clean alternative one */
    RequestJudge(List<Reading> readings, RuleCatalog catalog) {
        this.readings = List.copyOf(readings);
        this.catalog = catalog;
    }

    RequestVerdict judge(ProxiedRequest request) {
        String apiKey = request.header(MockHeaders.API_KEY);
        String authorization = request.header(MockHeaders.AUTHORIZATION);
        Set<String> secrets = new LinkedHashSet<>();
        String presented = null;
        for (Reading reading : readings) {
            String key = reading.auth().presentedKey(apiKey, authorization);
            if (key != null && !key.isEmpty()) {
                secrets.add(key);
                presented = presented == null ? key : presented;
            }
        }
        for (String raw : new String[] {apiKey, authorization}) {
            if (raw != null && !raw.isBlank()) {
                secrets.add(raw.strip());
            }
        }
        String masked = ApiKeyMasker.mask(presented);
        List<String> secretList = List.copyOf(secrets);
        if (!SpecDocument.ESTIMATE_PATH.equals(request.path())) {
            return RequestVerdict.outside(request.method() + " " + request.path()
                    + " is outside the contract (POST " + SpecDocument.ESTIMATE_PATH + ")", masked, secretList);
        }
        if ("OPTIONS".equals(request.method())) {
            return RequestVerdict.outside("a CORS preflight: the upstream's CORS answer is not part of the contract",
                    masked, secretList);
        }
        boolean post = "POST".equals(request.method());
        List<ReadingVerdict> verdicts = new ArrayList<>(readings.size());
        for (Reading reading : readings) {
            verdicts.add(post ? judge(reading, request, apiKey, authorization) : notAllowed(reading, request));
        }
        return new RequestVerdict(true, post, null, List.copyOf(verdicts), masked, secretList);
    }

    private static ReadingVerdict notAllowed(Reading reading, ProxiedRequest request) {
        ApiError error = reading.outcomes().resolve(Violation.of(RouteRules.METHOD_NOT_ALLOWED)
                .with("method", request.method()).with("path", request.path()));
        return new ReadingVerdict(reading, List.of(error), List.of(), List.of(), null);
    }

    private ReadingVerdict judge(Reading reading, ProxiedRequest request, String apiKey, String authorization) {
        byte[] body = request.body();
        if (body.length > BodyRules.MAX_BODY_BYTES) {
            return new ReadingVerdict(reading, List.of(reading.outcomes().resolve(BodyRules.tooLarge())), List.of(),
                    List.of(), null);
        }
        String version = request.header(MockHeaders.VERSION);
        EstimateCall call = new EstimateCall(null, apiKey, authorization, version, request.header("Content-Type"),
                request.header(MockHeaders.IDEMPOTENCY_KEY), null, body, false);
        RuleContext context = RuleContext.withoutTeamData(call, reading.auth().presentedKey(apiKey, authorization),
                reading.emptyArrayIsReferences());
        List<ApiError> fixed = new ArrayList<>();
        List<ApiError> broken = new ArrayList<>();
        List<String> open = new ArrayList<>();
        for (RuleCheck check : reading.rules().fixed()) {
            run(reading, check, context, fixed, open);
            if (!fixed.isEmpty()) {
                return new ReadingVerdict(reading, List.copyOf(fixed.subList(0, 1)), List.of(), List.copyOf(open),
                        null);
            }
        }
        for (RuleCheck check : reading.rules().ordered()) {
            if (check.readsBody() && context.body() == null) {
                continue; // the body is not one JSON object (BODY-JSON): nothing to read
            }
            run(reading, check, context, broken, open);
        }
        boolean versionBroken = broken.stream().anyMatch(e -> catalog.find(e.ruleId())
                .map(r -> VERSION_FAMILY.equals(r.family())).orElse(false));
        String resolved = version != null && !versionBroken ? reading.versions().resolve(version, null) : null;
        return new ReadingVerdict(reading, List.of(), List.copyOf(broken), List.copyOf(open), resolved);
    }

    private static void run(Reading reading, RuleCheck check, RuleContext context, List<ApiError> broken,
                            List<String> open) {
        try {
            for (Violation v : check.checkAll(context)) {
                broken.add(reading.outcomes().resolve(v));
            }
        } catch (TeamDataUnavailable e) {
            open.add(check.ruleId());
        }
    }
}
