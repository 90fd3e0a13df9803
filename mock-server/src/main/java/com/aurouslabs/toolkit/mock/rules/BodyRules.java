package com.aurouslabs.toolkit.mock.rules;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Family "body": BODY-TOO-LARGE (the limit; enforced while reading), BODY-CONTENT-TYPE, BODY-JSON (one
 * well-formed UTF-8 JSON object: no duplicate keys, nesting at most 32, numbers at most 1000 characters, no
 * trailing data; the one place that builds its violation, also for HTTP the server cannot read),
 * BODY-NULL-AS-ABSENT (explicit nulls removed before the schema runs, or rejected, as its choice says) and
 * IDEMPOTENCY-IGNORED (the header is never replayed; its choice says whether its length is checked).
 */
public final class BodyRules {

    public static final int MAX_BODY_BYTES = 1_048_576;
    public static final int MAX_NESTING_DEPTH = 32;
    public static final int MAX_NUMBER_LENGTH = 1000;
    static final String NULL_AS_ABSENT = "BODY-NULL-AS-ABSENT";
    static final String IDEMPOTENCY = "IDEMPOTENCY-IGNORED";
    private static final int MAX_IDEMPOTENCY_KEY = 256;

    private static final ObjectMapper STRICT_JSON = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder()
                            .maxNestingDepth(MAX_NESTING_DEPTH)
                            .maxNumberLength(MAX_NUMBER_LENGTH)
                            .build())
                    .build())
            // Duplicate keys, at any depth, fail while the tree is built (the object node reports the replaced
            // value): the parser's own duplicate detection kept a hash set per object of every request.
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonParser.Feature.ALLOW_COMMENTS)
            .build();

    private final boolean nullsRejected;
    private final boolean idempotencyKeyChecked;

    public BodyRules(Choices choices) {
        this.nullsRejected = choices.is(NULL_AS_ABSENT, "explicit_null", "rejected", "absent");
        this.idempotencyKeyChecked = choices.is(IDEMPOTENCY, "key_length", "checked", "unchecked");
    }

    public List<RuleCheck> checks() {
        return List.of(
                RuleCheck.onHeaders(IDEMPOTENCY, this::idempotencyKey),
                RuleCheck.onHeaders("BODY-CONTENT-TYPE", c -> contentType(c.call().contentType())),
                RuleCheck.onHeaders("BODY-JSON", this::parseInto),
                RuleCheck.of(NULL_AS_ABSENT, BodyRules::firstNull));
    }

    /** BODY-TOO-LARGE, answered while the body is read (the HTTP layer's part of the family). */
    public static Violation tooLarge() {
        return Violation.of("BODY-TOO-LARGE").with("limit", MAX_BODY_BYTES);
    }

    /** BODY-JSON for a request the HTTP layer cannot read as HTTP/1.x at all. */
    public static Violation notHttp(String detail) {
        return Violation.of("BODY-JSON").with("detail", detail);
    }

    private Optional<Violation> idempotencyKey(RuleContext c) {
        String key = c.call().idempotencyKey();
        if (!idempotencyKeyChecked || key == null || (!key.isEmpty() && key.length() <= MAX_IDEMPOTENCY_KEY)) {
            return Optional.empty();
        }
        return Optional.of(Violation.of(IDEMPOTENCY));
    }

    /** BODY-CONTENT-TYPE: application/json, parameters such as charset allowed. */
    static Optional<Violation> contentType(String contentType) {
        if (contentType != null) {
            int semi = contentType.indexOf(';');
            String mediaType = (semi >= 0 ? contentType.substring(0, semi) : contentType).strip();
            if (mediaType.toLowerCase(Locale.ROOT).equals("application/json")) {
                return Optional.empty();
            }
        }
        return Optional.of(Violation.of("BODY-CONTENT-TYPE"));
    }

    private Optional<Violation> parseInto(RuleContext c) {
        byte[] bytes = c.call().body();
        if (bytes == null || bytes.length == 0) {
            return json("the body is empty");
        }
        if (!isValidUtf8(bytes)) {
            return json("the body is not valid UTF-8");
        }
        JsonNode tree;
        try {
            tree = STRICT_JSON.readTree(bytes);
        } catch (IOException | RuntimeException e) {
            return json("the body is not valid JSON");
        }
        if (tree == null || !tree.isObject()) {
            return json("the body is not a JSON object");
        }
        c.body(nullsRejected ? (ObjectNode) tree : withoutNulls((ObjectNode) tree));
        return Optional.empty();
    }

    private static Optional<Violation> json(String detail) {
        return Optional.of(Violation.of("BODY-JSON").with("detail", detail));
    }

    /** BODY-NULL-AS-ABSENT when nulls are rejected: the first property sent as null (none left otherwise). */
    private static Optional<Violation> firstNull(RuleContext c) {
        for (Iterator<Map.Entry<String, JsonNode>> it = c.body().properties().iterator(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getValue().isNull()) {
                return Optional.of(Violation.of(NULL_AS_ABSENT).with("field", e.getKey()));
            }
        }
        return Optional.empty();
    }

    /** BODY-NULL-AS-ABSENT: removes top-level explicit nulls (prompt null then fails as PROMPT-REQUIRED). */
    static ObjectNode withoutNulls(ObjectNode body) {
        List<String> nulls = null;
        for (Iterator<Map.Entry<String, JsonNode>> it = body.properties().iterator(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getValue().isNull()) {
                if (nulls == null) {
                    nulls = new ArrayList<>();
                }
                nulls.add(e.getKey());
            }
        }
        if (nulls != null) {
            body.remove(nulls);
        }
        return body;
    }

    static boolean isValidUtf8(byte[] bytes) {
        boolean ascii = true;
        for (byte b : bytes) {
            if (b < 0) {
                ascii = false;
                break;
            }
        }
        if (ascii) {
            return true;
        }
        try {
            StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
