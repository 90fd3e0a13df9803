package com.aurouslabs.toolkit.openapi;

import com.aurouslabs.toolkit.openapi.RuleCatalog.Document;
import com.aurouslabs.toolkit.openapi.RuleCatalog.Order;
import com.aurouslabs.toolkit.openapi.RuleCatalog.SchemaFindingOrder;
import com.aurouslabs.toolkit.openapi.RuleCatalog.SchemaOrders;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the catalog's JSON twin ({@link JsonTwin}) into the same records Jackson's data binding makes of rules.yaml,
 * with jackson-core's streaming parser and the node classes only: no {@code ObjectMapper}, whose first creation
 * (serializer and deserializer factories, a date format and the locale data behind it) and whose record binding were
 * the longest step on the mock's start-up path (issue 11 item 7). Same strictness as the YAML reader: an unknown key,
 * an unknown enum value or a value of the wrong shape fails, naming where. {@code JsonTwinTest} checks that both
 * readers give equal catalogs.
 */
final class CatalogJson {

    private static final JsonFactory FACTORY = new JsonFactory();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private CatalogJson() {
    }

    static Document read(InputStream json) throws IOException {
        JsonNode root;
        try (JsonParser parser = FACTORY.createParser(json)) {
            root = tree(parser, parser.nextToken());
            if (parser.nextToken() != null) {
                throw new IOException("trailing content after the catalog");
            }
        }
        ObjectNode doc = object(root, "catalog", Set.of("catalog_version", "doc_url_base", "catalog_only", "sources",
                "evaluation_order", "rules"));
        List<Rule> rules = null;
        JsonNode ruleNodes = doc.get("rules");
        if (present(ruleNodes)) {
            rules = new ArrayList<>();
            for (JsonNode r : array(ruleNodes, "rules")) {
                rules.add(rule(r));
            }
        }
        return new Document(intValue(doc.get("catalog_version"), "catalog_version"),
                string(doc.get("doc_url_base"), "doc_url_base"), strings(doc.get("catalog_only"), "catalog_only"),
                stringMap(doc.get("sources"), "sources"), order(doc.get("evaluation_order")), rules);
    }

    private static Order order(JsonNode node) {
        if (!present(node)) {
            return null;
        }
        ObjectNode o = object(node, "evaluation_order", Set.of("fixed", "decision", "alternative", "schema_findings"));
        SchemaOrders findings = null;
        JsonNode f = o.get("schema_findings");
        if (present(f)) {
            ObjectNode s = object(f, "schema_findings", Set.of("decision", "alternative"));
            findings = new SchemaOrders(findingOrder(s.get("decision")), findingOrder(s.get("alternative")));
        }
        return new Order(strings(o.get("fixed"), "fixed"), strings(o.get("decision"), "decision"),
                strings(o.get("alternative"), "alternative"), findings);
    }

    private static Rule rule(JsonNode node) {
        ObjectNode r = object(node, "rule", Set.of("id", "family", "tier", "vendor_docs", "security", "source", "rule",
                "decision", "choices", "outcome", "alternative"));
        String id = string(r.get("id"), "rule id");
        String where = "rule " + id;
        JsonNode security = r.get("security");
        if (security != null && !security.isBoolean()) {
            throw shape(where + " security", "true or false");
        }
        return new Rule(id, string(r.get("family"), where + " family"), tier(r.get("tier"), where),
                vendorDocs(r.get("vendor_docs"), where), security != null && security.booleanValue(),
                strings(r.get("source"), where + " source"), string(r.get("rule"), where + " rule"),
                string(r.get("decision"), where + " decision"), stringMap(r.get("choices"), where + " choices"),
                outcome(r.get("outcome"), where), alternative(r.get("alternative"), where));
    }

    private static Outcome outcome(JsonNode node, String where) {
        if (!present(node)) {
            return null;
        }
        ObjectNode o = object(node, where + " outcome", Set.of("status", "type", "code", "param", "header", "message",
                "documented"));
        JsonNode status = o.get("status");
        return new Outcome(present(status) ? intValue(status, where + " status") : null,
                string(o.get("type"), where + " type"), string(o.get("code"), where + " code"),
                string(o.get("param"), where + " param"), string(o.get("header"), where + " header"),
                string(o.get("message"), where + " message"), strings(o.get("documented"), where + " documented"));
    }

    private static Alternative alternative(JsonNode node, String where) {
        if (!present(node)) {
            return null;
        }
        ObjectNode a = object(node, where + " alternative", Set.of("text", "outcome", "choices", "schema", "none"));
        return new Alternative(string(a.get("text"), where + " alternative text"),
                nodeMap(a.get("outcome"), where + " alternative outcome"),
                stringMap(a.get("choices"), where + " alternative choices"),
                nodeMap(a.get("schema"), where + " alternative schema"), string(a.get("none"), where + " none"));
    }

    private static Tier tier(JsonNode node, String where) {
        return named(node, where + " tier", "documented", Tier.DOCUMENTED, "inferred", Tier.INFERRED);
    }

    private static VendorDocs vendorDocs(JsonNode node, String where) {
        return named(node, where + " vendor_docs", "silent", VendorDocs.SILENT, "contradictory",
                VendorDocs.CONTRADICTORY);
    }

    private static SchemaFindingOrder findingOrder(JsonNode node) {
        return named(node, "schema_findings", "property_order", SchemaFindingOrder.PROPERTY_ORDER,
                "reverse_property_order", SchemaFindingOrder.REVERSE_PROPERTY_ORDER);
    }

    /** An enum written by its {@code @JsonProperty} name: one of two, or null when absent. */
    private static <E extends Enum<E>> E named(JsonNode node, String where, String firstName, E first,
                                               String secondName, E second) {
        String value = string(node, where);
        if (value == null) {
            return null;
        }
        if (value.equals(firstName)) {
            return first;
        }
        if (value.equals(secondName)) {
            return second;
        }
        throw shape(where, firstName + " or " + secondName + ", not " + value);
    }

    // ---- shapes, as Jackson's binding reads them: a scalar becomes a String, null stays null

    private static boolean present(JsonNode node) {
        return node != null && !node.isNull();
    }

    private static ObjectNode object(JsonNode node, String where, Set<String> known) {
        if (!(node instanceof ObjectNode o)) {
            throw shape(where, "an object");
        }
        for (Iterator<String> it = o.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!known.contains(key)) {
                throw new IllegalArgumentException("rules catalog: unknown key '" + key + "' in " + where);
            }
        }
        return o;
    }

    private static ArrayNode array(JsonNode node, String where) {
        if (!(node instanceof ArrayNode a)) {
            throw shape(where, "a list");
        }
        return a;
    }

    private static String string(JsonNode node, String where) {
        if (!present(node)) {
            return null;
        }
        if (!node.isValueNode()) {
            throw shape(where, "a text");
        }
        return node.asText();
    }

    private static int intValue(JsonNode node, String where) {
        if (!present(node)) {
            return 0;
        }
        if (node.isIntegralNumber() && node.canConvertToInt()) {
            return node.intValue();
        }
        if (node.isTextual()) {
            try {
                return Integer.parseInt(node.textValue().strip());
            } catch (NumberFormatException e) {
                throw shape(where, "a whole number");
            }
        }
        throw shape(where, "a whole number");
    }

    private static List<String> strings(JsonNode node, String where) {
        if (!present(node)) {
            return null;
        }
        List<String> out = new ArrayList<>();
        for (JsonNode item : array(node, where)) {
            out.add(string(item, where));
        }
        return out;
    }

    private static Map<String, String> stringMap(JsonNode node, String where) {
        Map<String, JsonNode> nodes = nodeMap(node, where);
        if (nodes == null) {
            return null;
        }
        Map<String, String> out = new LinkedHashMap<>();
        nodes.forEach((k, v) -> out.put(k, string(v, where + "." + k)));
        return out;
    }

    private static Map<String, JsonNode> nodeMap(JsonNode node, String where) {
        if (!present(node)) {
            return null;
        }
        if (!(node instanceof ObjectNode o)) {
            throw shape(where, "an object");
        }
        Map<String, JsonNode> out = new LinkedHashMap<>();
        o.properties().forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    private static IllegalArgumentException shape(String where, String expected) {
        return new IllegalArgumentException("rules catalog: " + where + " must be " + expected);
    }

    // ---- the tree, as ObjectMapper.readTree builds it without USE_BIG_DECIMAL_FOR_FLOATS (floats are doubles)

    private static JsonNode tree(JsonParser p, JsonToken token) throws IOException {
        if (token == null) {
            throw new IOException("the catalog is empty");
        }
        switch (token) {
            case START_OBJECT: {
                ObjectNode o = NODES.objectNode();
                for (JsonToken t = p.nextToken(); t != JsonToken.END_OBJECT; t = p.nextToken()) {
                    String name = p.currentName();
                    if (o.replace(name, tree(p, p.nextToken())) != null) {
                        throw new IOException("duplicate key '" + name + "' in the catalog");
                    }
                }
                return o;
            }
            case START_ARRAY: {
                ArrayNode a = NODES.arrayNode();
                for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
                    a.add(tree(p, t));
                }
                return a;
            }
            case VALUE_STRING:
                return NODES.textNode(p.getText());
            case VALUE_NUMBER_INT:
                return switch (p.getNumberType()) {
                    case INT -> NODES.numberNode(p.getIntValue());
                    case LONG -> NODES.numberNode(p.getLongValue());
                    default -> NODES.numberNode(p.getBigIntegerValue());
                };
            case VALUE_NUMBER_FLOAT:
                return NODES.numberNode(p.getDoubleValue());
            case VALUE_TRUE:
                return NODES.booleanNode(true);
            case VALUE_FALSE:
                return NODES.booleanNode(false);
            case VALUE_NULL:
                return NODES.nullNode();
            default:
                throw new IOException("unexpected " + token + " in the catalog");
        }
    }
}
