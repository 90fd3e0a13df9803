package com.aurouslabs.toolkit.mock.http;

import com.aurouslabs.toolkit.mock.Profile;
import com.aurouslabs.toolkit.mock.defect.Defects;
import com.aurouslabs.toolkit.mock.profile.ProfileDifference;
import com.aurouslabs.toolkit.mock.MockState;
import com.aurouslabs.toolkit.mock.error.ApiError;
import com.aurouslabs.toolkit.mock.fixtures.Fixtures;
import com.aurouslabs.toolkit.mock.fixtures.KeyFixture;
import com.aurouslabs.toolkit.mock.fixtures.TeamFixture;
import com.aurouslabs.toolkit.mock.journal.ApiKeyMasker;
import com.aurouslabs.toolkit.mock.journal.JournalQuery;
import com.aurouslabs.toolkit.mock.ratelimit.RateLimitDecision;
import com.aurouslabs.toolkit.mock.reading.Reading;
import com.aurouslabs.toolkit.mock.rules.BodyRules;
import com.aurouslabs.toolkit.mock.rules.Violation;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.http.HttpMethod;
import java.util.List;
import java.util.Map;

/**
 * Mock-only endpoints: GET /__admin/journal (each request with its headers and body, keys masked), POST
 * /__admin/journal/count and /__admin/journal/find (criteria as {@link JournalQuery}), POST /__admin/reset,
 * GET /__admin/fixtures (every key masked),
 * GET /__admin/profile (the profile and every choice on which the two profiles differ: rule, default,
 * alternative), GET and PUT /__admin/defect ({@code {"defect":"NAME"}}, NONE to clear; test-only). They carry no CORS headers
 * and their preflight is refused (405), so a web page cannot read or change them.
 */
public final class AdminEndpoints {

    public static final String PREFIX = "/__admin/";
    private static final String RULE = "ADMIN";

    private final MockState state;
    private final Fixtures fixtures;
    private final String version;
    private final JsonNode profileBody;

    public AdminEndpoints(MockState state, Fixtures fixtures, String version, Profile profile,
                          List<ProfileDifference> differences) {
        this.state = state;
        // Turned into JSON per GET /__admin/fixtures, not here: Jackson's serializers for the fixture records cost
        // start-up time before the mock listens, and the admin call is rare.
        this.fixtures = fixtures;
        this.version = version;
        ObjectNode body = JsonCodec.objectNode().put("profile", profile.label());
        var list = body.putArray("differences");
        for (ProfileDifference d : differences) {
            list.addObject().put("rule", d.ruleId()).put("default", d.decision()).put("alternative", d.alternative());
        }
        this.profileBody = body;
    }

    /** True for paths under {@value #PREFIX} (no CORS there). */
    public static boolean isAdmin(String path) {
        return path != null && path.startsWith(PREFIX);
    }

    /** The fixtures with every API key masked (built-in keys are printed in the banner anyway). */
    static Fixtures masked(Fixtures fixtures) {
        List<TeamFixture> teams = fixtures.teams().stream()
                .map(t -> new TeamFixture(t.id(), t.pinnedVersion(),
                        t.keys().stream().map(k -> new KeyFixture(ApiKeyMasker.mask(k.key()), k.status())).toList(),
                        t.pricing(), t.characters(), t.files()))
                .toList();
        return new Fixtures(fixtures.rateCard(), teams, fixtures.loras());
    }

    /**
     * Admin calls come from tools and tests, never from web pages: a browser marks every cross-origin (and every
     * same-origin non-GET) request with {@code Origin}, so refusing it keeps a page a developer happens to open
     * from resetting the mock or injecting defects with a plain form post.
     */
    public Outcome refuseBrowser(Reading reading, String requestId, RateLimitDecision rate) {
        return error(reading, ApiError.mockOnly(403, ApiError.AUTHENTICATION, "forbidden_origin",
                "Admin routes do not accept browser requests (an Origin header was sent); call them from a tool.",
                null, RULE), requestId, rate);
    }

    public Outcome handle(Reading reading, HttpMethod method, String path, byte[] body, String requestId,
                          RateLimitDecision rate) {
        String name = path.substring(PREFIX.length());
        String allow;
        switch (name) {
            case "journal":
                if (method == HttpMethod.GET) {
                    ObjectNode out = JsonCodec.objectNode();
                    out.set("requests", JsonCodec.tree(state.journal().entries()));
                    return ok(out, rate);
                }
                allow = "GET";
                break;
            case "journal/count":
            case "journal/find":
                if (method == HttpMethod.POST) {
                    return query(reading, name.endsWith("count"), body, requestId, rate);
                }
                allow = "POST";
                break;
            case "reset":
                if (method == HttpMethod.POST) {
                    state.reset();
                    return ok(JsonCodec.objectNode().put("reset", true), rate);
                }
                allow = "POST";
                break;
            case "fixtures":
                if (method == HttpMethod.GET) {
                    return ok(JsonCodec.tree(masked(fixtures)), rate);
                }
                allow = "GET";
                break;
            case "profile":
                if (method == HttpMethod.GET) {
                    return ok(profileBody, rate);
                }
                allow = "GET";
                break;
            case "defect":
                if (method == HttpMethod.GET) {
                    return ok(JsonCodec.objectNode().put("defect", state.defect()), rate);
                }
                if (method == HttpMethod.PUT) {
                    return setDefect(reading, body, requestId, rate);
                }
                allow = "GET, PUT";
                break;
            default:
                return error(reading, reading.outcomes().resolve(Violation.of(RouteRules.NOT_FOUND)
                        .with("method", method.name()).with("path", path)), requestId, rate);
        }
        return error(reading, reading.outcomes().resolve(Violation.of(RouteRules.METHOD_NOT_ALLOWED)
                .with("method", method.name()).with("path", path)), requestId, rate).withHeader("Allow", allow);
    }

    /** BODY-TOO-LARGE on an admin route (answered before the body ends). */
    public Outcome tooLarge(Reading reading, String requestId, RateLimitDecision rate) {
        return error(reading, reading.outcomes().resolve(BodyRules.tooLarge()), requestId, rate);
    }

    /** {@code POST /__admin/journal/count} ({@code {"count": N}}) and {@code /find} ({@code {"requests": [...]}}). */
    private Outcome query(Reading reading, boolean count, byte[] body, String requestId, RateLimitDecision rate) {
        JournalQuery query;
        try {
            JsonNode criteria = body == null || body.length == 0 ? null : JsonCodec.read(body);
            query = JournalQuery.parse(criteria);
        } catch (java.io.IOException e) {
            return error(reading, ApiError.mockOnly(400, ApiError.INVALID_REQUEST, "invalid_format",
                    "Send the criteria as a JSON object, e.g. {\"rule\":\"SIZE-XOR-DIMS\",\"status\":400}.", null,
                    RULE), requestId, rate);
        } catch (IllegalArgumentException e) {
            return error(reading, ApiError.mockOnly(400, ApiError.INVALID_REQUEST, "invalid_format",
                    "Journal criteria: " + e.getMessage() + ".", null, RULE), requestId, rate);
        }
        if (count) {
            return ok(JsonCodec.objectNode().put("count", state.journal().count(query)), rate);
        }
        ObjectNode out = JsonCodec.objectNode();
        out.set("requests", JsonCodec.tree(state.journal().find(query)));
        return ok(out, rate);
    }

    private Outcome setDefect(Reading reading, byte[] body, String requestId, RateLimitDecision rate) {
        String requested = null;
        try {
            JsonNode tree = JsonCodec.read(body == null ? new byte[0] : body);
            if (tree != null && tree.path("defect").isTextual()) {
                requested = tree.path("defect").textValue();
            }
        } catch (java.io.IOException | RuntimeException e) {
            requested = null;
        }
        if (requested != null) {
            try {
                state.defect(requested);
                return ok(JsonCodec.objectNode().put("defect", state.defect()), rate);
            } catch (IllegalArgumentException e) {
                requested = null;
            }
        }
        return error(reading, ApiError.mockOnly(400, ApiError.INVALID_REQUEST, "invalid_format",
                "Send {\"defect\":\"NAME\"} with NAME NONE or one of " + Defects.names() + ".", "defect", RULE),
                requestId, rate);
    }

    private Outcome ok(JsonNode body, RateLimitDecision rate) {
        return new Outcome(200, body, RULE, version, rate, null, null, Map.of(), java.util.List.of(), false);
    }

    private Outcome error(Reading reading, ApiError error, String requestId, RateLimitDecision rate) {
        return new Outcome(error.status(), reading.envelopes().envelope(error, requestId), error.ruleId(), version,
                rate, null, null, Map.of(), java.util.List.of(), false);
    }
}
