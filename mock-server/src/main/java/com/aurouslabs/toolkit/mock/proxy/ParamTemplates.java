package com.aurouslabs.toolkit.mock.proxy;

import com.aurouslabs.toolkit.openapi.Outcome;
import com.aurouslabs.toolkit.openapi.Rule;
import com.aurouslabs.toolkit.openapi.RuleCatalog;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The catalog's param templates ({@code {field}}, {@code {path}}, {@code {missing}},
 * {@code reference_image_urls[{i}]}, or a literal such as {@code size}) as patterns, compiled once: does an answer's
 * {@code error.param} fit a rule's outcome?
 */
final class ParamTemplates {

    private static final Map<String, String> PLACEHOLDERS = Map.of(
            "{i}", "\\d+", "{field}", "[^\\[\\]]+", "{missing}", "[^\\[\\]]+",
            "{path}", "[^\\[\\]]+(?:\\[\\d+\\])?");

    private final Map<String, Pattern> patterns;

    ParamTemplates(RuleCatalog catalog) {
        Map<String, Pattern> compiled = new HashMap<>();
        for (Rule rule : catalog.rules()) {
            for (Outcome o : new Outcome[] {rule.outcome(), rule.alternativeOutcome()}) {
                if (o != null && o.param() != null) {
                    compiled.computeIfAbsent(o.param(), t -> Pattern.compile(regex(t)));
                }
            }
        }
        this.patterns = Map.copyOf(compiled);
    }

    /** True when {@code param} fits {@code template}; a null template fits only a null (or absent) param. */
    boolean matches(String template, String param) {
        if (template == null || param == null) {
            return template == null && param == null;
        }
        Pattern p = patterns.get(template);
        return (p != null ? p : Pattern.compile(regex(template))).matcher(param).matches();
    }

    static String regex(String template) {
        StringBuilder out = new StringBuilder();
        int from = 0;
        while (from < template.length()) {
            int open = template.indexOf('{', from);
            int close = open < 0 ? -1 : template.indexOf('}', open);
            if (open < 0 || close < 0) {
                out.append(Pattern.quote(template.substring(from)));
                break;
            }
            if (open > from) {
                out.append(Pattern.quote(template.substring(from, open)));
            }
            out.append(PLACEHOLDERS.getOrDefault(template.substring(open, close + 1), ".+"));
            from = close + 1;
        }
        return out.toString();
    }
}
