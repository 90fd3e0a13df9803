package com.aurouslabs.toolkit.mock.http;

import com.aurouslabs.toolkit.mock.Defect;
import com.aurouslabs.toolkit.mock.MockState;
import com.aurouslabs.toolkit.mock.error.ApiError;
import com.aurouslabs.toolkit.mock.error.ErrorEnvelopeFactory;
import com.aurouslabs.toolkit.mock.fixtures.Fixtures;
import com.aurouslabs.toolkit.mock.ratelimit.RateLimitDecision;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.http.HttpMethod;
import java.util.Locale;
import java.util.Map;

/**
 * Mock-only endpoints: GET /__admin/journal, POST /__admin/reset, GET /__admin/fixtures, GET and PUT
 * /__admin/defect ({@code {"defect":"NAME"}}, NONE to clear; test-only).
 */
public final class AdminEndpoints {

    public static final String PREFIX = "/__admin/";
    private static final String RULE = "ADMIN";

    private final MockState state;
    private final Fixtures fixtures;
    private final String version;

    public AdminEndpoints(MockState state, Fixtures fixtures, String version) {
        this.state = state;
        this.fixtures = fixtures;
        this.version = version;
    }

    public Outcome handle(HttpMethod method, String path, byte[] body, String requestId, RateLimitDecision rate) {
        String name = path.substring(PREFIX.length());
        switch (name) {
            case "journal":
                if (method == HttpMethod.GET) {
                    ObjectNode out = JsonCodec.MAPPER.createObjectNode();
                    out.set("requests", JsonCodec.MAPPER.valueToTree(state.journal().entries()));
                    return ok(out, rate);
                }
                break;
            case "reset":
                if (method == HttpMethod.POST) {
                    state.reset();
                    return ok(JsonCodec.MAPPER.createObjectNode().put("reset", true), rate);
                }
                break;
            case "fixtures":
                if (method == HttpMethod.GET) {
                    return ok(JsonCodec.MAPPER.valueToTree(fixtures), rate);
                }
                break;
            case "defect":
                if (method == HttpMethod.GET) {
                    return ok(JsonCodec.MAPPER.createObjectNode().put("defect", state.defect().name()), rate);
                }
                if (method == HttpMethod.PUT || method == HttpMethod.POST) {
                    return setDefect(body, requestId, rate);
                }
                break;
            default:
                return error(ApiError.notFound("ROUTE-NOT-FOUND", null, "No such route: " + path + "."),
                        requestId, rate);
        }
        return error(new ApiError(405, ApiError.INVALID_REQUEST, "method_not_allowed",
                method.name() + " is not allowed on " + path + ".", null, "ROUTE-NOT-FOUND"), requestId, rate);
    }

    private Outcome setDefect(byte[] body, String requestId, RateLimitDecision rate) {
        String requested = null;
        try {
            JsonNode tree = JsonCodec.MAPPER.readTree(body == null ? new byte[0] : body);
            if (tree != null && tree.path("defect").isTextual()) {
                requested = tree.path("defect").textValue();
            }
        } catch (java.io.IOException | RuntimeException e) {
            requested = null;
        }
        Defect defect = null;
        if (requested != null) {
            try {
                defect = Defect.valueOf(requested.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                defect = null;
            }
        }
        if (defect == null) {
            return error(ApiError.invalidFormat(RULE, "defect",
                    "Send {\"defect\":\"NAME\"} with NAME one of " + java.util.Arrays.toString(Defect.values()) + "."),
                    requestId, rate);
        }
        state.defect(defect);
        return ok(JsonCodec.MAPPER.createObjectNode().put("defect", defect.name()), rate);
    }

    private Outcome ok(JsonNode body, RateLimitDecision rate) {
        return new Outcome(200, body, RULE, version, rate, null, null, Map.of(), java.util.List.of(), false);
    }

    private Outcome error(ApiError error, String requestId, RateLimitDecision rate) {
        return new Outcome(error.status(), ErrorEnvelopeFactory.envelope(error, requestId), error.ruleId(), version,
                rate, null, null, Map.of(), java.util.List.of(), false);
    }
}
