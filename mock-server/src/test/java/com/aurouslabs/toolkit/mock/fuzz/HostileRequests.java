package com.aurouslabs.toolkit.mock.fuzz;

import com.aurouslabs.toolkit.mock.support.Keys;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The hostile requests of the fuzz campaign, as raw HTTP/1.1 bytes. {@link #generate(long, int)} is a pure
 * function of the seed and the case index. A case says whether a 200 can be right ({@code mayBeValid}: mutations
 * of valid bodies, edge numbers in valid places) or whether the request must be refused whatever the mock does.
 */
public final class HostileRequests {

    /** One request: a kind (for the counts), its bytes, whether 200 may be right, whether it needs its own socket. */
    public record Case(String kind, byte[] bytes, boolean mayBeValid, boolean freshConnection) {
    }

    static final String PATH = "/v1/images/estimate";

    private static final String[] VALID_BODIES = {
        "{\"prompt\":\"a red fox\"}",
        "{\"prompt\":\"a red fox\",\"enhance_prompt\":true,\"count\":2}",
        "{\"prompt\":\"city at night\",\"width\":1056,\"height\":2048,\"steps\":30,\"guidance_scale\":7.5,"
                + "\"seed\":42}",
        "{\"prompt\":\"portrait\",\"character_id\":\"char_01HXMQ7Z3K8Y2NABCDEFGHJKMR\",\"size\":\"4k_2_3\"}",
        "{\"prompt\":\"still life\",\"reference_image_urls\":[\"file_01HXMQ7Z3K8Y2NABCDEFGHJKMN\","
                + "\"https://example.com/ref2.jpg\"],\"lora_id\":\"cinematic-gold\",\"denoise_strength\":0.6}",
        "{\"prompt\":\"sketch\",\"negative_prompt\":\"blurry\",\"lora_id\":\"pixel-sketch\",\"cfg_rescale\":0.7,"
                + "\"webhook_url\":\"https://example.com/hook\"}",
    };

    private static final String[] FIELDS = {"prompt", "negative_prompt", "lora_id", "character_id", "width", "height",
        "steps", "guidance_scale", "cfg_rescale", "denoise_strength", "seed", "size", "count", "enhance_prompt",
        "webhook_url", "reference_image_urls"};
    private static final String[] NUMERIC_FIELDS = {"width", "height", "steps", "guidance_scale", "cfg_rescale",
        "denoise_strength", "seed", "count"};

    /** JSON value literals, including numbers Jackson and the schema must survive. */
    private static final String[] EDGE_NUMBERS = {"1e400", "-1e400", "-0", "-0.0", "0e0", "1e-400", "-1e-400",
        "12345678901234567890", "-12345678901234567890", "99999999999999999999999", "9007199254740992",
        "9007199254740991", "1024.0", "1024.5", "1.0e3", "4096", "4097", "2147483648", "-2147483649", "0.1", "30",
        "30.000000000000001", "1E+2", "0.0000000000000000000000001", "1" + "0".repeat(400), "0." + "0".repeat(500)
        + "1", "1e2147483648", "5e-324", "1.7976931348623157e308"};
    private static final String[] HOSTILE_VALUES = {"null", "true", "false", "\"\"", "\" \"", "\"1024\"", "\"NaN\"",
        "\"Infinity\"", "[]", "{}", "[1]", "{\"a\":1}", "\"\\u0000\"", "\"\\ud800\"", "\"\\uDFFF\\uD800\"",
        "\"<script>\"", "\"' OR 1=1 --\"", "\"../../etc/passwd\"", "\"%00\"", "\"\u202eevil\"", "\"\ud83e\udd8a\"",
        "\"file_01HXMQ7Z3K8Y2NABCDEFGHJKMN\"", "\"char_01JDBETA64PF15JPCCXNGD3REA\"", "\"beta-house-style\"",
        "[\"https://127.0.0.1/\"]", "[\"https://user@example.com/\"]", "[\"http://example.com/\"]",
        "[\"https://[::1]/\",\"https://example.com/\"]", "[\"file_01JD0000000000000000000000\"]",
        "[\"https://0x7f.1/\"]", "[1,2,3]", "[null]", "[[]]"};
    private static final String[] NON_NUMBERS = {"\"1024\"", "\"NaN\"", "\"1e3\"", "true", "[]", "{}", "\"\"",
        "\"0x400\"", "\"-0\""};
    private static final String[] BAD_KEYS = {"", "x", "al_live_", "al_live_" + "a".repeat(63),
        "al_live_" + "a".repeat(65), "al_live_" + "A".repeat(64), "og_", "Bearer " + Keys.ALPHA, Keys.ALPHA_REVOKED,
        "al_test_" + "a".repeat(64), "al_live_" + "a".repeat(63) + "\u00e4", "null", "undefined", "' OR 1=1 --",
        "al_live_" + "a".repeat(32) + " " + "a".repeat(32), "%61l_live_" + "a".repeat(62)};
    private static final String[] BAD_VERSIONS = {"abc", "2026-13-01", "2026-02-30", "2026-00-10", "9999-12-31",
        "2026-05-15x", "2026/05/15", "26-05-15", "2026-5-15", "20260515", "2026-05-15,2026-05-15", "latest",
        "-1", "2026-05-15T00:00:00Z", "\u0662\u0660\u0662\u0666-05-15", "0000-00-00", "2026-05-32"};
    private static final String[] WRONG_CONTENT_TYPES = {"text/plain", "application/xml", "multipart/form-data",
        "application/x-www-form-urlencoded", "application/jsonx", "application/json-patch+json", "json",
        "application/", "/json", "*/*", "text/json", "application/octet-stream", "application/problem+json"};
    private static final String[] RAW_GARBAGE_LINES = {"GARBAGE", "POST", "POST " + PATH, "POST " + PATH + " HTTP/9.9",
        "POST " + PATH + " FTP/1.1", "\u0000\u0001\u0002", "POST  " + PATH + "  HTTP/1.1", "PO ST / HTTP/1.1",
        "POST " + PATH + " HTTP/1.1\r\nNoColonHeader", "POST " + PATH + " HTTP/1.1\r\n: empty-name",
        "POST " + PATH + " HTTP/1.1\r\nContent-Length: -5", "POST " + PATH + " HTTP/1.1\r\nContent-Length: abc",
        "POST " + PATH + " HTTP/1.1\r\nContent-Length: 1\r\nContent-Length: 2",
        "POST " + PATH + " HTTP/1.1\r\nTransfer-Encoding: chunked\r\nContent-Length: 3",
        "POST " + PATH + " HTTP/1.1\r\nTransfer-Encoding: gzip"};

    private HostileRequests() {
    }

    public static Case generate(long seed, int index) {
        Random r = new Random(seed * 0x9E3779B97F4A7C15L + index);
        int pick = r.nextInt(1000);
        if (pick < 260) {
            return mutatedValidBody(r);
        } else if (pick < 360) {
            return edgeNumber(r);
        } else if (pick < 410) {
            return json("string-for-number", set(validBody(r), pickOf(r, NUMERIC_FIELDS), pickOf(r, NON_NUMBERS)),
                    false);
        } else if (pick < 460) {
            return duplicateKeys(r);
        } else if (pick < 530) {
            String body = validBody(r);
            return json("truncated-json", body.substring(0, r.nextInt(body.length() - 1) + 1), false);
        } else if (pick < 600) {
            return brokenJson(r);
        } else if (pick < 640) {
            return deeplyNested(r);
        } else if (pick < 690) {
            return bytesCase("random-bytes", randomBytes(r, r.nextInt(2048) + 1), "application/json", false);
        } else if (pick < 740) {
            return invalidUtf8(r);
        } else if (pick < 790) {
            return contentType(r);
        } else if (pick < 820) {
            return longHeader(r);
        } else if (pick < 880) {
            return badKey(r);
        } else if (pick < 920) {
            return http("bad-version", "POST", PATH, headers("X-Api-Key", Keys.ALPHA, "Content-Type",
                    "application/json", "Aurous-Version", pickOf(r, BAD_VERSIONS)), bytes(validBody(r)), false,
                    false);
        } else if (pick < 950) {
            return wrongRoute(r);
        } else if (pick < 985) {
            return rawGarbage(r);
        } else if (pick < 995) {
            return emptyOrWhitespaceBody(r);
        } else {
            return oversized(r);
        }
    }

    // ------------------------------------------------------------------------------------------- generators

    private static Case mutatedValidBody(Random r) {
        String body = validBody(r);
        int mutations = 1 + r.nextInt(3);
        for (int i = 0; i < mutations; i++) {
            switch (r.nextInt(5)) {
                case 0 -> body = set(body, pickOf(r, FIELDS), pickOf(r, HOSTILE_VALUES));
                case 1 -> body = set(body, pickOf(r, FIELDS), pickOf(r, EDGE_NUMBERS));
                case 2 -> body = set(body, "unknown_" + r.nextInt(3), "1");
                case 3 -> body = set(body, "prompt", "\"" + "p".repeat(r.nextInt(4100)) + "\"");
                default -> body = remove(body, pickOf(r, FIELDS));
            }
        }
        return json("mutated-valid-body", body, true);
    }

    private static Case edgeNumber(Random r) {
        return json("edge-number", set(validBody(r), pickOf(r, NUMERIC_FIELDS), pickOf(r, EDGE_NUMBERS)), true);
    }

    private static Case duplicateKeys(Random r) {
        String body = validBody(r);
        List<String> members = members(body.substring(1, body.length() - 1));
        String member = members.get(r.nextInt(members.size()));
        String field = member.substring(0, member.indexOf("\":") + 2);
        String value = r.nextBoolean() ? member.substring(field.length()) : pickOf(r, HOSTILE_VALUES);
        return json("duplicate-keys", body.substring(0, body.length() - 1) + "," + field + value + "}", false);
    }

    private static Case brokenJson(Random r) {
        byte[] body = bytes(validBody(r));
        int edits = 1 + r.nextInt(4);
        String specials = "{}[],:\"\\' \u0000\t\n";
        for (int i = 0; i < edits; i++) {
            body[r.nextInt(body.length)] = (byte) (r.nextInt(3) == 0 ? r.nextInt(256)
                    : specials.charAt(r.nextInt(specials.length())));
        }
        String[] suffixes = {"", "", "}", "]", ",", " {}", "\u0000", "/* c */", "null", "{\"prompt\":\"y\"}"};
        byte[] suffix = bytes(pickOf(r, suffixes));
        return bytesCase("broken-json", concat(body, suffix), "application/json", true);
    }

    private static Case deeplyNested(Random r) {
        int depth = new int[] {10, 31, 32, 33, 64, 500, 5000, 50_000}[r.nextInt(8)];
        boolean arrays = r.nextBoolean();
        String open = arrays ? "[" : "{\"a\":";
        String close = arrays ? "]" : "}";
        String nested = open.repeat(depth) + "1" + close.repeat(depth);
        String body = switch (r.nextInt(3)) {
            case 0 -> nested;
            case 1 -> "{\"prompt\":\"x\",\"reference_image_urls\":" + (arrays ? nested : "[" + nested + "]") + "}";
            default -> "{\"prompt\":\"x\",\"lora_id\":" + nested + "}";
        };
        return json("deeply-nested", body, false);
    }

    private static Case invalidUtf8(Random r) {
        byte[][] bad = {{(byte) 0xff}, {(byte) 0xc3, 0x28}, {(byte) 0xc0, (byte) 0xaf}, {(byte) 0xed, (byte) 0xa0,
            (byte) 0x80}, {(byte) 0xf8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80}, {(byte) 0xe2, (byte) 0x82},
            {(byte) 0xf4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, {(byte) 0x80}, {(byte) 0xfe, (byte) 0xff}};
        byte[] seq = bad[r.nextInt(bad.length)];
        String where = pickOf(r, new String[] {"prompt", "key", "outside"});
        byte[] body = switch (where) {
            case "prompt" -> concat(bytes("{\"prompt\":\"a "), seq, bytes(" fox\"}"));
            case "key" -> concat(bytes("{\"prompt\":\"x\",\""), seq, bytes("\":1}"));
            default -> concat(seq, bytes("{\"prompt\":\"x\"}"));
        };
        // A decoder that maps bad bytes to U+FFFD could legitimately price the prompt case; the others break JSON.
        return bytesCase("invalid-utf8-" + where, body, "application/json", where.equals("prompt"));
    }

    private static Case contentType(Random r) {
        Map<String, String> h = headers("X-Api-Key", Keys.ALPHA);
        if (r.nextInt(4) != 0) {
            h.put("Content-Type", pickOf(r, WRONG_CONTENT_TYPES));
        }
        return http("wrong-or-missing-content-type", "POST", PATH, h, bytes(validBody(r)), false, false);
    }

    private static Case longHeader(Random r) {
        int length = new int[] {1_000, 4_000, 7_000, 9_000, 16_000, 40_000}[r.nextInt(6)];
        String value = "k".repeat(length);
        String name = pickOf(r, new String[] {"X-Api-Key", "Aurous-Version", "Authorization", "X-Padding"});
        Map<String, String> h = headers("X-Api-Key", Keys.ALPHA, "Content-Type", "application/json");
        if (name.equals("Authorization")) {
            h.remove("X-Api-Key");
            h.put(name, "Bearer " + value);
        } else {
            h.put(name, value);
        }
        boolean fits = length < 8_000;
        // Under the header limit, a long X-Padding header is harmless; everything else must be refused.
        return http("long-header", "POST", PATH, h, bytes(validBody(r)), fits && name.equals("X-Padding"), !fits);
    }

    private static Case badKey(Random r) {
        Map<String, String> h = headers("Content-Type", "application/json");
        switch (r.nextInt(4)) {
            case 0 -> h.put("X-Api-Key", pickOf(r, BAD_KEYS));
            case 1 -> h.put("Authorization", "Bearer " + pickOf(r, BAD_KEYS));
            case 2 -> {
                // X-Api-Key decides over Bearer (AUTH-HEADER-PRECEDENCE); an empty one is left out here.
                h.put("X-Api-Key", BAD_KEYS[1 + r.nextInt(BAD_KEYS.length - 1)]);
                h.put("Authorization", "Bearer " + Keys.ALPHA);
            }
            default -> h.put("Authorization", pickOf(r, new String[] {"Basic " + Keys.ALPHA, Keys.ALPHA, "Bearer",
                "Bearer  ", "bearer" + Keys.ALPHA, "Token " + Keys.ALPHA}));
        }
        return http("bad-api-key", "POST", PATH, h, bytes(validBody(r)), false, false);
    }

    private static Case wrongRoute(Random r) {
        Map<String, String> h = headers("X-Api-Key", Keys.ALPHA, "Content-Type", "application/json");
        if (r.nextBoolean()) {
            String method = pickOf(r, new String[] {"GET", "PUT", "DELETE", "PATCH", "HEAD_"});
            return http("wrong-method", method.equals("HEAD_") ? "TRACE" : method, PATH, h, bytes(validBody(r)),
                    false, false);
        }
        String path = pickOf(r, new String[] {"/", "/v1/images/estimate/", "/v1/images/ESTIMATE", "/v1/images",
            "/v2/images/estimate", "/%2e%2e/%2e%2e/etc/passwd", "/v1/images/%00",
            "/v1/images/estimate%20", "//v1//images//estimate", "/" + "a".repeat(3000)});
        return http("wrong-path", "POST", path, h, bytes(validBody(r)), false, false);
    }

    private static Case rawGarbage(Random r) {
        String line;
        if (r.nextBoolean()) {
            line = pickOf(r, RAW_GARBAGE_LINES);
        } else {
            StringBuilder sb = new StringBuilder();
            int n = 1 + r.nextInt(200);
            for (int i = 0; i < n; i++) {
                char c = (char) (r.nextInt(0x7e - 0x20) + 0x20);
                sb.append(c);
            }
            line = sb.toString();
        }
        // A terminating chunk follows, so a head the server does accept never leaves it waiting for a body.
        byte[] bytes = bytes(line + "\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n0\r\n\r\n");
        return new Case("malformed-http", bytes, false, true);
    }

    private static Case emptyOrWhitespaceBody(Random r) {
        String body = pickOf(r, new String[] {"", " ", "\n", "null", "0", "\"x\"", "[]", "{}", "[{\"prompt\":\"x\"}]",
            "\ufeff{\"prompt\":\"x\"}"});
        return json("empty-or-non-object", body, body.startsWith("\ufeff"));
    }

    private static Case oversized(Random r) {
        int size = (1 << 20) + 1 + r.nextInt(64 * 1024);
        byte[] body = new byte[size];
        byte[] prefix = bytes("{\"prompt\":\"");
        System.arraycopy(prefix, 0, body, 0, prefix.length);
        java.util.Arrays.fill(body, prefix.length, size - 2, (byte) 'p');
        body[size - 2] = '"';
        body[size - 1] = '}';
        Map<String, String> h = headers("X-Api-Key", Keys.ALPHA, "Content-Type", "application/json");
        if (r.nextBoolean()) {
            return http("oversized-body", "POST", PATH, h, body, false, false);
        }
        h.put("Transfer-Encoding", "chunked");
        ByteArrayOutputStream chunked = new ByteArrayOutputStream(size + 1024);
        for (int off = 0; off < size; off += 65_536) {
            int n = Math.min(65_536, size - off);
            chunked.writeBytes(bytes(Integer.toHexString(n) + "\r\n"));
            chunked.write(body, off, n);
            chunked.writeBytes(bytes("\r\n"));
        }
        chunked.writeBytes(bytes("0\r\n\r\n"));
        return new Case("oversized-body-chunked", request("POST", PATH, h, null, chunked.toByteArray()), false, false);
    }

    // ------------------------------------------------------------------------------------------- helpers

    private static String validBody(Random r) {
        return pickOf(r, VALID_BODIES);
    }

    /** Sets (or appends) a top-level field by text, so literals like 1e400 reach the server unchanged. */
    static String set(String body, String field, String literal) {
        String removed = remove(body, field);
        String inner = removed.substring(1, removed.length() - 1);
        return "{" + inner + (inner.isEmpty() ? "" : ",") + "\"" + field + "\":" + literal + "}";
    }

    /** Removes a top-level field of one of the flat valid bodies (values hold no commas outside arrays). */
    static String remove(String body, String field) {
        List<String> kept = new ArrayList<>();
        for (String member : members(body.substring(1, body.length() - 1))) {
            if (!member.startsWith("\"" + field + "\":")) {
                kept.add(member);
            }
        }
        return "{" + String.join(",", kept) + "}";
    }

    private static List<String> members(String inner) {
        List<String> out = new ArrayList<>();
        int depth = 0;
        boolean inString = false;
        int start = 0;
        for (int i = 0; i < inner.length(); i++) {
            char c = inner.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '[' || c == '{') {
                depth++;
            } else if (c == ']' || c == '}') {
                depth--;
            } else if (c == ',' && depth == 0) {
                out.add(inner.substring(start, i));
                start = i + 1;
            }
        }
        if (start < inner.length()) {
            out.add(inner.substring(start));
        }
        return out;
    }

    private static Case json(String kind, String body, boolean mayBeValid) {
        return bytesCase(kind, bytes(body), "application/json", mayBeValid);
    }

    private static Case bytesCase(String kind, byte[] body, String contentType, boolean mayBeValid) {
        return http(kind, "POST", PATH, headers("X-Api-Key", Keys.ALPHA, "Content-Type", contentType), body,
                mayBeValid, false);
    }

    private static Case http(String kind, String method, String path, Map<String, String> headers, byte[] body,
            boolean mayBeValid, boolean fresh) {
        return new Case(kind, request(method, path, headers, body.length, body), mayBeValid, fresh);
    }

    private static byte[] request(String method, String path, Map<String, String> headers, Integer contentLength,
            byte[] body) {
        StringBuilder head = new StringBuilder(method).append(' ').append(path).append(" HTTP/1.1\r\n")
                .append("Host: 127.0.0.1\r\n");
        headers.forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
        if (contentLength != null) {
            head.append("Content-Length: ").append(contentLength).append("\r\n");
        }
        head.append("\r\n");
        // Header values go out as UTF-8 bytes, so non-ASCII keys arrive as raw (non-Latin-1-clean) octets.
        return concat(head.toString().getBytes(StandardCharsets.UTF_8), body);
    }

    private static Map<String, String> headers(String... pairs) {
        Map<String, String> h = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            h.put(pairs[i], pairs[i + 1]);
        }
        return h;
    }

    private static byte[] randomBytes(Random r, int n) {
        byte[] b = new byte[n];
        r.nextBytes(b);
        return b;
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    private static <T> T pickOf(Random r, T[] values) {
        return values[r.nextInt(values.length)];
    }
}
