package com.aurouslabs.toolkit.mock.proxy;

import com.aurouslabs.toolkit.mock.http.MockHeaders;
import com.aurouslabs.toolkit.mock.validation.SpecDocument;
import com.aurouslabs.toolkit.openapi.RuleCatalog;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.TextNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import com.networknt.schema.oas.OpenApi30;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The answer half of the validating proxy: the shape of the upstream's answer against the operation's responses in
 * estimate.yaml (read at start: headers with their schemas and the rule each cites, body schemas per status) and the
 * documented invariants the spec cannot state as a schema:
 * <ul>
 *   <li>PRICE-SHAPE: a success is 200 with a body that fits the Estimate schema; PRICE-SUM: the amount is exactly
 *       the sum of the breakdown lines;</li>
 *   <li>ENVELOPE-SHAPE: every other answer is an error envelope that fits the spec's schema; a 5xx is of type
 *       server_error; a {@code doc_url} other than the catalog's base plus the code, and a left-out {@code param},
 *       are notes;</li>
 *   <li>REQUEST-ID: Aurous-Request-Id on every answer, equal to {@code error.request_id} (not a ULID: a note; the
 *       vendor's own examples are not);</li>
 *   <li>the headers the spec requires for the status, checked against their schemas, each under the rule its
 *       description cites (VERSION-ECHO, RATE-LIMIT-HEADERS, RATE-LIMIT-BUCKET for Retry-After);</li>
 *   <li>RATE-LIMIT-HEADERS: Remaining at most Limit, Reset in epoch seconds (within a day of now);
 *       RATE-LIMIT-BUCKET: Remaining 0 on a 429;</li>
 *   <li>VERSION-ECHO: an accepted request that pins a well-formed version gets the version it resolves to back; a
 *       version the spec does not list is a note (the spec may be behind the API).</li>
 * </ul>
 */
final class ResponseContract {

    static final String PRICE_SUM = "PRICE-SUM";
    static final String ENVELOPE_SHAPE = "ENVELOPE-SHAPE";
    static final String REQUEST_ID = "REQUEST-ID";
    static final String VERSION_ECHO = "VERSION-ECHO";
    static final String RATE_LIMIT_HEADERS = "RATE-LIMIT-HEADERS";
    static final String RATE_LIMIT_BUCKET = "RATE-LIMIT-BUCKET";
    private static final String SERVER_ERROR = "server_error";
    private static final Pattern ULID_REQUEST_ID = Pattern.compile("req_[0-7][0-9A-HJKMNP-TV-Z]{25}");
    private static final Pattern RULE_ID = Pattern.compile("\\b([A-Z][A-Z0-9]*(?:-[A-Z0-9]+)+)\\b");
    private static final Pattern INTEGER = Pattern.compile("-?\\d{1,30}");
    private static final long DAY_SECONDS = 86_400;
    private static final int MAX_SCHEMA_MESSAGES = 5;

    /** One header of a response in the spec. */
    private record HeaderContract(String name, boolean required, boolean integer, JsonSchema schema, String ruleId) {
    }

    /** One status of the operation in the spec: its headers and body schema (null when it has none). */
    private record StatusContract(List<HeaderContract> headers, JsonSchema body) {
    }

    private final Map<Integer, StatusContract> statuses;
    private final JsonSchema anyError;
    private final List<String> releasedVersions;
    private final String docUrlBase;
    private final Clock clock;

    ResponseContract(SpecDocument spec, RuleCatalog catalog, Clock clock) {
        this.releasedVersions = spec.releasedVersions();
        this.docUrlBase = catalog.docUrlBase();
        this.clock = clock;
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().losslessNarrowing(true)
                .pathType(PathType.JSON_POINTER).nullableKeywordEnabled(true).build();
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4,
                b -> b.metaSchema(OpenApi30.getInstance()).defaultMetaSchemaIri(OpenApi30.getInstance().getIri()));
        Map<Integer, StatusContract> byStatus = new HashMap<>();
        JsonSchema firstError = null;
        JsonNode responses = spec.responses() == null ? JsonNodeFactory.instance.objectNode() : spec.responses();
        for (Iterator<Map.Entry<String, JsonNode>> it = responses.properties().iterator(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getKey().matches("\\d{3}")) {
                continue;
            }
            int status = Integer.parseInt(e.getKey());
            List<HeaderContract> headers = new ArrayList<>();
            for (Iterator<Map.Entry<String, JsonNode>> h = e.getValue().path("headers").properties().iterator(); h.hasNext(); ) {
                Map.Entry<String, JsonNode> header = h.next();
                JsonNode schema = header.getValue().path("schema");
                headers.add(new HeaderContract(header.getKey(), header.getValue().path("required").asBoolean(false),
                        "integer".equals(schema.path("type").asText()),
                        schema.isObject() ? compile(factory, schema, config) : null,
                        citedRule(header.getValue().path("description").asText(""), catalog)));
            }
            JsonNode body = e.getValue().path("content").path("application/json").path("schema");
            JsonSchema bodySchema = body.isObject() ? compile(factory, body, config) : null;
            if (status >= 400 && firstError == null) {
                firstError = bodySchema;
            }
            byStatus.put(status, new StatusContract(List.copyOf(headers), bodySchema));
        }
        this.statuses = Map.copyOf(byStatus);
        this.anyError = firstError;
    }

    private static JsonSchema compile(JsonSchemaFactory factory, JsonNode schema, SchemaValidatorsConfig config) {
        JsonSchema compiled = factory.getSchema(schema, config);
        compiled.initializeValidators();
        return compiled;
    }

    /** The first catalog rule ID a header's description cites ({@code ... (RATE-LIMIT-HEADERS).}). */
    private static String citedRule(String description, RuleCatalog catalog) {
        Matcher m = RULE_ID.matcher(description);
        while (m.find()) {
            if (catalog.find(m.group(1)).isPresent()) {
                return m.group(1);
            }
        }
        return ENVELOPE_SHAPE;
    }

    /** True when the spec lists this status for the operation. */
    boolean documents(int status) {
        return statuses.containsKey(status);
    }

    void check(RequestVerdict request, Answer a, Findings out) {
        StatusContract contract = request.operation() ? statuses.get(a.status()) : null;
        if (a.success()) {
            success(request, a, contract, out);
        } else {
            error(a, contract, out);
        }
        headers(a, contract, out);
        rateLimit(a, out);
        version(request, a, out);
    }

    private void success(RequestVerdict request, Answer a, StatusContract contract, Findings out) {
        if (a.status() != 200) {
            out.violation(AnswerJudge.PRICE_SHAPE, "HTTP " + a.status() + ": the documented success is 200");
        }
        if (!request.operation()) {
            return;
        }
        if (a.json() == null) {
            out.violation(AnswerJudge.PRICE_SHAPE, "the answer is not JSON");
            return;
        }
        if (contract != null && contract.body() != null) {
            schema(contract.body(), a.json(), AnswerJudge.PRICE_SHAPE, out);
        }
        JsonNode cost = a.json().path("estimated_cost");
        JsonNode amount = cost.path("amount");
        JsonNode breakdown = cost.path("breakdown");
        if (!amount.isNumber() || !breakdown.isObject()) {
            return; // the schema finding says it
        }
        BigDecimal sum = BigDecimal.ZERO;
        for (Iterator<Map.Entry<String, JsonNode>> it = breakdown.properties().iterator(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> line = it.next();
            if (!line.getValue().isNumber()) {
                out.violation(PRICE_SUM, "breakdown." + line.getKey() + " is not a number: " + line.getValue());
                return;
            }
            sum = sum.add(line.getValue().decimalValue());
        }
        if (sum.compareTo(amount.decimalValue()) != 0) {
            out.violation(PRICE_SUM, "amount " + amount.decimalValue().toPlainString()
                    + " is not the sum of the breakdown lines " + breakdown + " (" + sum.toPlainString() + ")");
        }
    }

    private void error(Answer a, StatusContract contract, Findings out) {
        JsonNode error = a.error();
        if (a.json() == null || !error.isObject()) {
            out.violation(ENVELOPE_SHAPE, "HTTP " + a.status() + " without the error envelope {\"error\":{...}}"
                    + (a.json() == null ? " (the body is not JSON)" : ""));
            return;
        }
        JsonSchema schema = contract != null && contract.body() != null ? contract.body() : anyError;
        if (schema != null) {
            schema(schema, a.json(), ENVELOPE_SHAPE, out);
        }
        if (a.status() >= 500 && a.type() != null && !SERVER_ERROR.equals(a.type())) {
            out.violation(ENVELOPE_SHAPE, "HTTP " + a.status() + " of type " + a.type() + "; a server failure is of "
                    + "type " + SERVER_ERROR);
        }
        if (a.code() != null && error.path("doc_url").isTextual()
                && !error.path("doc_url").textValue().equals(docUrlBase + a.code())) {
            out.note(ENVELOPE_SHAPE, "doc_url " + error.path("doc_url").textValue() + " is not " + docUrlBase
                    + a.code() + " (the vendor's pages show several forms)");
        }
        if (!a.paramPresent()) {
            out.note(ENVELOPE_SHAPE, "param is left out (the catalog's alternative reading; its decision sends "
                    + "\"param\": null)");
        }
        String header = a.header(MockHeaders.REQUEST_ID);
        JsonNode id = error.path("request_id");
        if (header != null && id.isTextual() && !header.equals(id.textValue())) {
            out.violation(REQUEST_ID, "Aurous-Request-Id " + header + " differs from error.request_id "
                    + id.textValue());
        }
    }

    private static void schema(JsonSchema schema, JsonNode body, String ruleId, Findings out) {
        int shown = 0;
        for (ValidationMessage m : schema.validate(body)) {
            if (shown++ == MAX_SCHEMA_MESSAGES) {
                break;
            }
            String where = m.getInstanceLocation().toString() + (m.getProperty() == null ? "" : "/" + m.getProperty());
            out.violation(where.contains("request_id") ? REQUEST_ID : ruleId,
                    "the body does not fit the spec's schema: " + m.getMessage());
        }
    }

    private void headers(Answer a, StatusContract contract, Findings out) {
        if (contract == null) {
            // Not a status of the operation: only what every answer carries (REQUEST-ID).
            if (a.header(MockHeaders.REQUEST_ID) == null) {
                out.violation(REQUEST_ID, "Aurous-Request-Id is missing");
            }
        } else {
            for (HeaderContract h : contract.headers()) {
                String value = a.header(h.name());
                if (value == null) {
                    if (h.required()) {
                        out.violation(h.ruleId(), h.name() + " is missing (the spec requires it on HTTP "
                                + a.status() + ")");
                    }
                    continue;
                }
                if (h.schema() != null && !h.schema().validate(headerNode(value, h.integer())).isEmpty()) {
                    out.violation(h.ruleId(), h.name() + " " + shown(value) + " does not fit the spec's schema");
                }
            }
        }
        String id = a.header(MockHeaders.REQUEST_ID);
        if (id != null && !ULID_REQUEST_ID.matcher(id).matches()) {
            out.note(REQUEST_ID, "Aurous-Request-Id " + shown(id) + " is not req_ followed by a 26-character ULID "
                    + "(the vendor's own examples are not either)");
        }
    }

    private static JsonNode headerNode(String value, boolean integer) {
        String v = value.strip();
        if (integer && INTEGER.matcher(v).matches()) {
            return JsonNodeFactory.instance.numberNode(new BigInteger(v));
        }
        return TextNode.valueOf(value);
    }

    private void rateLimit(Answer a, Findings out) {
        Optional<BigInteger> limit = integer(a.header(MockHeaders.RATE_LIMIT));
        Optional<BigInteger> remaining = integer(a.header(MockHeaders.RATE_REMAINING));
        Optional<BigInteger> reset = integer(a.header(MockHeaders.RATE_RESET));
        if (limit.isPresent() && remaining.isPresent() && remaining.get().compareTo(limit.get()) > 0) {
            out.violation(RATE_LIMIT_HEADERS, "X-RateLimit-Remaining " + remaining.get() + " is more than "
                    + "X-RateLimit-Limit " + limit.get());
        }
        if (reset.isPresent()) {
            long now = clock.millis() / 1000;
            BigInteger r = reset.get();
            if (r.subtract(BigInteger.valueOf(now)).abs().compareTo(BigInteger.valueOf(DAY_SECONDS)) > 0) {
                out.violation(RATE_LIMIT_HEADERS, "X-RateLimit-Reset " + r + " is not epoch seconds near now ("
                        + now + ")");
            }
        }
        if (a.status() == 429 && remaining.isPresent() && remaining.get().signum() != 0) {
            out.violation(RATE_LIMIT_BUCKET, "a 429 with X-RateLimit-Remaining " + remaining.get() + " (documented: 0)");
        }
    }

    private void version(RequestVerdict request, Answer a, Findings out) {
        String echoed = a.header(MockHeaders.VERSION);
        if (echoed == null || !request.operation() || !a.success()) {
            return;
        }
        if (!releasedVersions.contains(echoed.strip())) {
            out.note(VERSION_ECHO, "Aurous-Version " + shown(echoed) + " is not a version the spec lists "
                    + releasedVersions + " (the spec may be behind the API)");
        }
        List<String> expected = request.readings().stream().map(ReadingVerdict::resolvedVersion).distinct().toList();
        if (expected.size() == 1 && expected.get(0) != null && !expected.get(0).equals(echoed.strip())) {
            out.violation(VERSION_ECHO, "Aurous-Version " + shown(echoed) + " echoed for a request that pins "
                    + "a version resolving to " + expected.get(0));
        }
    }

    private static Optional<BigInteger> integer(String value) {
        if (value == null || !INTEGER.matcher(value.strip()).matches()) {
            return Optional.empty();
        }
        return Optional.of(new BigInteger(value.strip()));
    }

    private static String shown(String value) {
        return value.length() > 80 ? value.substring(0, 80) + "..." : value;
    }
}
