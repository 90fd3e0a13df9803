package com.aurouslabs.toolkit.conformance.spec;

import com.aurouslabs.toolkit.openapi.Outcome;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The rule catalog ({@code openapi/rules.yaml}) as the suite reads it: a view over the openapi artifact's {@link
 * com.aurouslabs.toolkit.openapi.RuleCatalog}, which alone parses the file. Besides the catalog's rules it answers
 * for schema rules of the spec that no catalog rule names ({@link #schemaRuleId}): a constraint of a property the
 * spec gained after the catalog was written.
 */
public final class RuleCatalog {

  public static final String RESOURCE = com.aurouslabs.toolkit.openapi.RuleCatalog.RESOURCE;
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

  /** The catalog in the openapi jar ({@link com.aurouslabs.toolkit.openapi.RuleCatalog#bundled()}). */
  public static RuleCatalog classpath() {
    return of(com.aurouslabs.toolkit.openapi.RuleCatalog.bundled());
  }

  /** The suite's view of a catalog the openapi artifact read. */
  public static RuleCatalog of(com.aurouslabs.toolkit.openapi.RuleCatalog catalog) {
    Map<String, Rule> rules = new LinkedHashMap<>();
    for (com.aurouslabs.toolkit.openapi.Rule r : catalog.rules()) {
      rules.putIfAbsent(r.id(), rule(r));
    }
    return new RuleCatalog(rules, catalog.docUrlBase(),
        !catalog.alternativeEvaluationOrder().equals(catalog.evaluationOrder()));
  }

  private static Rule rule(com.aurouslabs.toolkit.openapi.Rule r) {
    Outcome o = r.outcome() == null ? new Outcome(null, null, null, null, null, null, List.of()) : r.outcome();
    Rule.Alternative alternative = r.alternativeIfAny().filter(a -> !a.isNone()).map(a -> {
      Outcome alt = a.applyTo(o);
      return new Rule.Alternative(a.text(), alt.status(), alt.type(), alt.code(), alt.param(), a.setsPart("param"),
          a.changesCondition());
    }).orElse(null);
    return new Rule(r.id(), r.family(), r.isDocumented() ? Rule.Tier.DOCUMENTED : Rule.Tier.INFERRED, r.security(),
        r.text(), o.status(), o.type(), o.code(), o.param(), Set.copyOf(o.documented()), r.decision(), alternative);
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
