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
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** The rule catalog ({@code openapi/rules.yaml}), read with Jackson YAML. */
public final class RuleCatalog {

  public static final String RESOURCE = "openapi/rules.yaml";
  private static final RuleCatalog INSTANCE = load();

  private final Map<String, Rule> rules;
  private final String docUrlBase;

  private RuleCatalog(Map<String, Rule> rules, String docUrlBase) {
    this.rules = rules;
    this.docUrlBase = docUrlBase;
  }

  public static RuleCatalog get() {
    return INSTANCE;
  }

  private static RuleCatalog load() {
    try (InputStream in = SpecDocument.resource(RESOURCE)) {
      JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(in);
      Map<String, Rule> rules = new LinkedHashMap<>();
      for (JsonNode r : root.path("rules")) {
        JsonNode o = r.path("outcome");
        Set<String> documented = new LinkedHashSet<>();
        o.path("documented").forEach(d -> documented.add(d.asText()));
        Rule rule = new Rule(r.path("id").asText(), r.path("family").asText(),
            Rule.Tier.valueOf(r.path("tier").asText().toUpperCase(Locale.ROOT)),
            r.path("security").asBoolean(false), r.path("rule").asText(),
            o.has("status") ? o.get("status").asInt() : null, text(o, "type"), text(o, "code"),
            text(o, "param"), Set.copyOf(documented));
        rules.put(rule.id(), rule);
      }
      return new RuleCatalog(rules, root.path("doc_url_base").asText());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
  }

  private static String text(JsonNode o, String field) {
    JsonNode n = o.path(field);
    return n.isMissingNode() || n.isNull() ? null : n.asText();
  }

  public Rule rule(String id) {
    Rule r = rules.get(id);
    if (r == null) {
      throw new IllegalArgumentException("rule " + id + " is not in " + RESOURCE);
    }
    return r;
  }

  public boolean contains(String id) {
    return rules.containsKey(id);
  }

  public Collection<Rule> all() {
    return rules.values();
  }

  public String docUrlBase() {
    return docUrlBase;
  }
}
