package com.aurouslabs.toolkit.conformance.check;

import com.aurouslabs.toolkit.conformance.oracle.Choice;
import com.aurouslabs.toolkit.conformance.spec.Rule;
import com.aurouslabs.toolkit.conformance.spec.RuleCatalog;
import java.util.ArrayList;
import java.util.List;

/**
 * The README's "What fails and what warns" table, rendered from the catalog ({@code tier}, {@code security},
 * {@code outcome.documented}) through {@link VerdictPolicy#documented} and from {@link Choice}: one row per rule,
 * grouped by family. {@code WhatFailsAndWhatWarnsTest} keeps the README equal to it.
 */
public final class VerdictTable {

  public static final String START = "<!-- what-fails-and-what-warns: generated from rules.yaml by VerdictTable; "
      + "WhatFailsAndWhatWarnsTest checks it -->";
  public static final String END = "<!-- end of what-fails-and-what-warns -->";

  private VerdictTable() {}

  public static String markdown(RuleCatalog catalog) {
    StringBuilder md = new StringBuilder(START).append("\n\n");
    md.append("| family | rule | tier | fails when (documented) | warns when (inferred) |\n|---|---|---|---|---|\n");
    List<String> families = new ArrayList<>();
    catalog.all().forEach(r -> {
      if (!families.contains(r.family())) {
        families.add(r.family());
      }
    });
    for (String family : families) {
      for (Rule r : catalog.all()) {
        if (!r.family().equals(family)) {
          continue;
        }
        md.append("| ").append(family).append(" | ").append(r.id()).append(" | ").append(r.tier().name()
            .toLowerCase(java.util.Locale.ROOT)).append(r.security() ? ", security" : "").append(" | ")
            .append(String.join("; ", fails(r))).append(" | ").append(String.join("; ", warns(r))).append(" |\n");
      }
    }
    return md.append('\n').append(END).append('\n').toString();
  }

  static List<String> fails(Rule r) {
    List<String> out = new ArrayList<>();
    if (r.rejects()) {
      if (VerdictPolicy.documented(r, "status-class")) {
        out.add(r.security() ? "the blocked input is accepted" : "accepted");
      }
      parts(r, true, out);
    } else if (r.status() != null) {
      if (VerdictPolicy.documented(r, "status-class")) {
        out.add("refused, or its statement does not hold over the answers");
      }
    } else {
      if (r.documents("header")) {
        out.add("a header missing or malformed");
      }
      if (r.documents("type") || r.documents("code")) {
        out.add("type or code missing or not in the taxonomy");
      }
      if (VerdictPolicy.documented(r, "rule") && !r.documents("header")) {
        out.add(r.id().equals("NO-SERVER-ERROR") ? "a 5xx or no answer to client input" : "the answer breaks it");
      }
    }
    return out.isEmpty() ? List.of("never") : out;
  }

  static List<String> warns(Rule r) {
    List<String> out = new ArrayList<>();
    if (r.rejects()) {
      if (!VerdictPolicy.documented(r, "status-class")) {
        out.add(r.security() ? "the blocked input is accepted" : "accepted");
      }
      parts(r, false, out);
      out.add("another evaluation order");
    } else if (r.status() != null && !VerdictPolicy.documented(r, "status-class")) {
      out.add("refused, or its statement does not hold over the answers");
    } else if (r.status() == null) {
      if (r.id().equals("ENVELOPE-SHAPE")) {
        out.add("param absent instead of null; doc_url in another form");
      }
    }
    for (Choice c : Choice.values()) {
      if (c.ruleIds().contains(r.id())) {
        StringBuilder sb = new StringBuilder(c.point()).append(": ");
        for (int i = 1; i < c.options(); i++) {
          sb.append(i > 1 ? ", or " : "").append(c.option(i));
        }
        out.add(sb.append(" (decision: ").append(c.decision()).append(')').toString());
      }
    }
    return out.isEmpty() ? List.of("never") : out;
  }

  private static void parts(Rule r, boolean documented, List<String> out) {
    if (r.status() != null && VerdictPolicy.documented(r, "status") == documented) {
      out.add("status not " + r.status());
    }
    if (r.type() != null && r.documents("type") == documented) {
      out.add("type not " + r.type());
    }
    if (r.code() != null && r.documents("code") == documented) {
      out.add("code not " + r.code());
    }
    if (r.documents("param") == documented && !(documented && r.param() == null)) {
      out.add("param not " + (r.param() == null ? "null" : r.param().replace("{", "&#123;").replace("}", "&#125;")));
    }
  }
}
