package com.aurouslabs.toolkit.mock.rules;

import com.aurouslabs.toolkit.mock.error.ApiError;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
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

/**
 * Family "body": BODY-TOO-LARGE (the limit, enforced while reading), BODY-CONTENT-TYPE, BODY-JSON (one
 * well-formed UTF-8 JSON object: no duplicate keys, nesting at most 32, numbers at most 1000 characters, no
 * trailing data), BODY-NULL-AS-ABSENT (explicit nulls removed before the schema runs).
 */
public final class BodyRules {

    public static final int MAX_BODY_BYTES = 1_048_576;
    public static final int MAX_NESTING_DEPTH = 32;
    public static final int MAX_NUMBER_LENGTH = 1000;

    /** A body that parsed into an object, or the error. */
    public record ParsedBody(ObjectNode body, ApiError error) {
    }

    private static final ObjectMapper STRICT_JSON = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder()
                            .maxNestingDepth(MAX_NESTING_DEPTH)
                            .maxNumberLength(MAX_NUMBER_LENGTH)
                            .build())
                    .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                    .build())
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonParser.Feature.ALLOW_COMMENTS)
            .build();

    private BodyRules() {
    }

    public static ApiError tooLarge() {
        return new ApiError(413, ApiError.INVALID_REQUEST, "request_too_large",
                "The request body is larger than " + MAX_BODY_BYTES + " bytes.", null, "BODY-TOO-LARGE");
    }

    /** BODY-CONTENT-TYPE: application/json, parameters such as charset allowed; null when fine. */
    public static ApiError contentType(String contentType) {
        if (contentType != null) {
            int semi = contentType.indexOf(';');
            String mediaType = (semi >= 0 ? contentType.substring(0, semi) : contentType).strip();
            if (mediaType.toLowerCase(Locale.ROOT).equals("application/json")) {
                return null;
            }
        }
        return ApiError.invalidFormat("BODY-CONTENT-TYPE", null, "The body must be sent as application/json.");
    }

    public static ParsedBody parse(byte[] bytes) {
        if (bytes.length == 0) {
            return failure("The request body is empty; send a JSON object.");
        }
        if (!isValidUtf8(bytes)) {
            return failure("The request body is not valid UTF-8.");
        }
        JsonNode tree;
        try {
            tree = STRICT_JSON.readTree(bytes);
        } catch (IOException | RuntimeException e) {
            return failure("The request body is not valid JSON.");
        }
        if (tree == null || !tree.isObject()) {
            return failure("The request body must be a JSON object.");
        }
        return new ParsedBody(withoutNulls((ObjectNode) tree), null);
    }

    private static ParsedBody failure(String message) {
        return new ParsedBody(null, ApiError.invalidFormat("BODY-JSON", null, message));
    }

    /** BODY-NULL-AS-ABSENT: removes top-level explicit nulls (prompt null then fails as PROMPT-REQUIRED). */
    static ObjectNode withoutNulls(ObjectNode body) {
        List<String> nulls = null;
        for (Iterator<Map.Entry<String, JsonNode>> it = body.fields(); it.hasNext(); ) {
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
