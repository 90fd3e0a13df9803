package com.aurouslabs.toolkit.mock.rules;

import java.util.List;
import java.util.Optional;

/**
 * Family "prompt": PROMPT-NOT-BLANK (PROMPT-REQUIRED, PROMPT-LENGTH and NEG-PROMPT-LENGTH are the schema's). What
 * counts as whitespace is the rule's choice: the JavaScript String.prototype.trim set, or ASCII whitespace only.
 * An empty prompt is a length problem (PROMPT-LENGTH), not a blank one.
 */
public final class PromptRules {

    static final String NOT_BLANK = "PROMPT-NOT-BLANK";

    private final boolean asciiOnly;

    public PromptRules(Choices choices) {
        this.asciiOnly = choices.is(NOT_BLANK, "whitespace", "ascii", "javascript_trim");
    }

    public List<RuleCheck> checks() {
        return List.of(RuleCheck.of(NOT_BLANK, this::notBlank));
    }

    Optional<Violation> notBlank(RuleContext c) {
        String prompt = c.text("prompt");
        if (prompt == null || prompt.isEmpty() || !isBlank(prompt)) {
            return Optional.empty();
        }
        return Optional.of(Violation.of(NOT_BLANK).with("field", "prompt"));
    }

    boolean isBlank(String s) {
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (asciiOnly ? !isAsciiWhitespace(ch) : !isJavaScriptWhitespace(ch)) {
                return false;
            }
        }
        return true;
    }

    /** True when {@code String.prototype.trim()} of JavaScript would leave nothing. */
    public static boolean isJavaScriptBlank(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (!isJavaScriptWhitespace(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** ECMAScript WhiteSpace and LineTerminator: TAB VT FF SP NBSP ZWNBSP, Unicode Zs, LF CR LS PS. */
    static boolean isJavaScriptWhitespace(char ch) {
        switch (ch) {
            case '\t': case '\n': case '\u000B': case '\f': case '\r': case ' ':
            case '\u00A0': case '\uFEFF': case '\u2028': case '\u2029':
                return true;
            default:
                return Character.getType(ch) == Character.SPACE_SEPARATOR;
        }
    }

    /** Space, tab, line feed, vertical tab, form feed, carriage return. */
    static boolean isAsciiWhitespace(char ch) {
        return ch == ' ' || ch == '\t' || ch == '\n' || ch == '\u000B' || ch == '\f' || ch == '\r';
    }
}
