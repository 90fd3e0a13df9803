package com.aurouslabs.toolkit.mock.journal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Which journal entries a count or find asks for (the body of {@code POST /__admin/journal/count} and
 * {@code /find}, like WireMock's {@code /__admin/requests/count}): every criterion given must hold; none given matches
 * every entry.
 * <ul>
 *   <li>{@code rule}, {@code method} (both case-insensitive), {@code path}, {@code status}, {@code team},
 *       {@code request_id}: equal to the entry's;</li>
 *   <li>{@code headers}: {@code {"Name": "value"}}, each header present with that value (names case-insensitive;
 *       credentials compare in their masked form, {@code al_live_****});</li>
 *   <li>{@code body_contains}: a substring of the recorded body text;</li>
 *   <li>{@code body_json}: a JSON value the body contains: an object matches when each of its fields is in the body
 *       with a matching value (other fields may be there too), an array matches an array of the same length element
 *       by element, numbers match by value ({@code 2048} = {@code 2048.0}).</li>
 * </ul>
 */
public final class JournalQuery implements Predicate<JournalEntry> {

    /** The criteria a query may hold, in the order of the docs. */
    public static final Set<String> CRITERIA = Set.of("rule", "status", "method", "path", "team", "request_id",
            "headers", "body_contains", "body_json");

    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<Predicate<JournalEntry>> checks;

    private JournalQuery(List<Predicate<JournalEntry>> checks) {
        this.checks = List.copyOf(checks);
    }

    /** The query that matches every entry. */
    public static JournalQuery all() {
        return new JournalQuery(List.of());
    }

    /**
     * Reads criteria from JSON (null or {} = every entry).
     *
     * @throws IllegalArgumentException naming the criterion that is unknown or has the wrong type
     */
    public static JournalQuery parse(JsonNode criteria) {
        if (criteria == null || criteria.isNull() || criteria.isMissingNode()) {
            return all();
        }
        if (!criteria.isObject()) {
            throw new IllegalArgumentException("send a JSON object of criteria (" + known() + ")");
        }
        List<Predicate<JournalEntry>> checks = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = criteria.properties().iterator(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> c = it.next();
            JsonNode v = c.getValue();
            switch (c.getKey()) {
                case "rule" -> {
                    String rule = text(c.getKey(), v);
                    checks.add(e -> rule.equalsIgnoreCase(e.rule()));
                }
                case "method" -> {
                    String method = text(c.getKey(), v);
                    checks.add(e -> method.equalsIgnoreCase(e.method()));
                }
                case "path" -> {
                    String path = text(c.getKey(), v);
                    checks.add(e -> path.equals(e.path()));
                }
                case "team" -> {
                    String team = text(c.getKey(), v);
                    checks.add(e -> team.equals(e.team()));
                }
                case "request_id" -> {
                    String id = text(c.getKey(), v);
                    checks.add(e -> id.equals(e.requestId()));
                }
                case "status" -> {
                    if (!v.canConvertToInt() || !v.isIntegralNumber()) {
                        throw new IllegalArgumentException("status must be a whole number, e.g. 400");
                    }
                    int status = v.intValue();
                    checks.add(e -> e.status() == status);
                }
                case "headers" -> {
                    if (!v.isObject()) {
                        throw new IllegalArgumentException("headers must be an object of name to value");
                    }
                    Map<String, String> wanted = new LinkedHashMap<>();
                    for (Iterator<Map.Entry<String, JsonNode>> h = v.properties().iterator(); h.hasNext(); ) {
                        Map.Entry<String, JsonNode> header = h.next();
                        wanted.put(header.getKey(), text("headers." + header.getKey(), header.getValue()));
                    }
                    checks.add(e -> wanted.entrySet().stream()
                            .allMatch(w -> w.getValue().equals(e.header(w.getKey()))));
                }
                case "body_contains" -> {
                    String part = text(c.getKey(), v);
                    checks.add(e -> e.body() != null && e.body().contains(part));
                }
                case "body_json" -> checks.add(e -> bodyContains(e, v));
                default -> throw new IllegalArgumentException("unknown criterion '" + c.getKey() + "'; use "
                        + known());
            }
        }
        return new JournalQuery(checks);
    }

    @Override
    public boolean test(JournalEntry entry) {
        for (Predicate<JournalEntry> check : checks) {
            if (!check.test(entry)) {
                return false;
            }
        }
        return true;
    }

    private static String known() {
        return "rule, status, method, path, team, request_id, headers, body_contains, body_json";
    }

    private static String text(String name, JsonNode v) {
        if (!v.isTextual()) {
            throw new IllegalArgumentException(name + " must be a string");
        }
        return v.textValue();
    }

    private static boolean bodyContains(JournalEntry entry, JsonNode wanted) {
        String body = entry.body();
        if (body == null || entry.bodyTruncated()) {
            return false;
        }
        JsonNode actual;
        try {
            actual = JSON.readTree(body);
        } catch (IOException e) {
            return false;
        }
        return actual != null && subset(wanted, actual);
    }

    /** True when {@code actual} holds {@code wanted}: object fields as a subset, arrays element by element. */
    static boolean subset(JsonNode wanted, JsonNode actual) {
        if (wanted.isObject()) {
            if (!actual.isObject()) {
                return false;
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = wanted.properties().iterator(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> f = it.next();
                JsonNode there = actual.get(f.getKey());
                if (there == null || !subset(f.getValue(), there)) {
                    return false;
                }
            }
            return true;
        }
        if (wanted.isArray()) {
            if (!actual.isArray() || actual.size() != wanted.size()) {
                return false;
            }
            for (int i = 0; i < wanted.size(); i++) {
                if (!subset(wanted.get(i), actual.get(i))) {
                    return false;
                }
            }
            return true;
        }
        if (wanted.isNumber() && actual.isNumber()) {
            return wanted.decimalValue().compareTo(actual.decimalValue()) == 0;
        }
        return wanted.equals(actual);
    }

    @Override
    public String toString() {
        return "JournalQuery[" + checks.size() + " criteria]";
    }
}
