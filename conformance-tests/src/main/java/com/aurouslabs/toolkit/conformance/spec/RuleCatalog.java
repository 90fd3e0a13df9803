package com.aurouslabs.toolkit.conformance.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The rule catalog ({@code openapi/rules.yaml}), read with Jackson YAML (keys the suite does not use are ignored).
 * Besides the catalog's rules it answers for schema rules of the spec that no catalog rule names ({@link
 * #schemaRuleId}): a constraint of a property the spec gained after the catalog was written.
 */
public final class RuleCatalog {

  public static final String RESOURCE = "openapi/rules.yaml";
  /** Prefix of the IDs of spec constraints that no catalog rule names, e.g. {@code SPEC:quality/maximum}. */
  public static final String SCHEMA_PREFIX = "SPEC:";

  private final Map<String, Rule> rules;
  private final Map<String, Rule> schemaRules = new ConcurrentHashMap<>();
  private final String docUrlBase;

  private final boolean alternativeOrder;

  private RuleCatalog(Map<String, Rule> rules, String docUrlBase, boolean alternativeOrder) {
    this.rules = rules;
    this.docUrlBase = docUrlBase;
    this.alternativeOrder = alternativeOrder;
  }

  /** The catalog on the test classpath (dependency com.aurouslabs.toolkit:openapi). */
  public static RuleCatalog classpath() {
    try (InputStream in = RuleCatalog.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is not on the test classpath (dependency com.aurouslabs.toolkit:openapi)");
      }
      JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(in);
      Map<String, Rule> rules = new LinkedHashMap<>();
      for (JsonNode r : root.path("rules")) {
        JsonNode o = r.path("outcome");
        Set<String> documented = new LinkedHashSet<>();
        o.path("documented").forEach(d -> documented.add(d.asText()));
        Rule rule = new Rule(r.path("id").asText(), r.path("family").asText(),
            Rule.Tier.valueOf(r.path("tier").asText().toUpperCase(Locale.ROOT)),
            r.path("security").asBoolean(false), r.path("rule").asText(),
            o.has("status") && !o.get("status").isNull() ? o.get("status").asInt() : null, text(o, "type"),
            text(o, "code"), text(o, "param"), Set.copyOf(documented), text(r, "decision"), alternative(r, o));
        rules.put(rule.id(), rule);
      }
      JsonNode order = root.path("evaluation_order");
      return new RuleCatalog(rules, root.path("doc_url_base").asText(), order.has("alternative")
          && !order.path("alternative").equals(order.path("decision")));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
  }

  /** The rule's outcome under its catalog alternative: the parts the alternative names replace the rule's. */
  private static Rule.Alternative alternative(JsonNode r, JsonNode o) {
    JsonNode alt = r.path("alternative");
    if (!alt.isObject() || alt.has("none")) {
      return null;
    }
    JsonNode a = alt.path("outcome");
    Integer status = a.has("status") ? (a.get("status").isNull() ? null : a.get("status").asInt())
        : o.has("status") && !o.get("status").isNull() ? o.get("status").asInt() : null;
    return new Rule.Alternative(text(alt, "text"), status, a.has("type") ? text(a, "type") : text(o, "type"),
        a.has("code") ? text(a, "code") : text(o, "code"), a.has("param") ? text(a, "param") : text(o, "param"),
        a.has("param"), alt.has("choices") || alt.has("schema"));
  }

  private static String text(JsonNode o, String field) {
    JsonNode n = o.path(field);
    return n.isMissingNode() || n.isNull() ? null : n.asText();
  }

  /** A catalog rule, or the synthesized rule of a spec constraint ({@link #SCHEMA_PREFIX}). */
  public Rule rule(String id) {
    Rule r = rules.get(id);
    if (r == null && id.startsWith(SCHEMA_PREFIX)) {
      r = schemaRules.get(id);
    }
    if (r == null) {
      throw new IllegalArgumentException("rule " + id + " is not in " + RESOURCE);
    }
    return r;
  }

  /**
   * The rule of a constraint of the spec that no catalog rule names: documented (the contract states it), answered
   * 400 invalid_request with the code the keyword's kind calls for, on the field; only the status is the vendor's.
   */
  public Rule schemaRule(String field, String keyword, String code) {
    String id = schemaRuleId(field, keyword);
    return schemaRules.computeIfAbsent(id, k -> new Rule(k, "spec", Rule.Tier.DOCUMENTED, false,
        "The value of " + field + " satisfies the '" + keyword + "' constraint of estimate.yaml (no catalog rule "
            + "names it).", 400, "invalid_request", code, "{field}", Set.of("status"), null, null));
  }

  public static String schemaRuleId(String field, String keyword) {
    return SCHEMA_PREFIX + field + "/" + keyword;
  }

  public boolean contains(String id) {
    return rules.containsKey(id) || schemaRules.containsKey(id);
  }

  /** The catalog's rules, in catalog order. */
  public Collection<Rule> all() {
    return rules.values();
  }

  /** Spec constraints met so far that no catalog rule names. */
  public List<Rule> schemaRules() {
    return schemaRules.values().stream().sorted(java.util.Comparator.comparing(Rule::id)).toList();
  }

  /** Whether the catalog gives another evaluation order as its alternative reading. */
  public boolean alternativeOrder() {
    return alternativeOrder;
  }

  public String docUrlBase() {
    return docUrlBase;
  }
}
