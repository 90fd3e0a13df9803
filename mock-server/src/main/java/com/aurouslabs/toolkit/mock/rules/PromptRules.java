package com.aurouslabs.toolkit.mock.rules;

import com.aurouslabs.toolkit.mock.Defect;
import com.aurouslabs.toolkit.mock.error.ApiError;
import java.util.List;
import java.util.Optional;

/** Family "prompt": PROMPT-NOT-BLANK (PROMPT-REQUIRED, PROMPT-LENGTH and NEG-PROMPT-LENGTH are the schema's). */
public final class PromptRules implements RuleFamily {

    @Override
    public List<RuleCheck> checks() {
        return List.of(RuleCheck.of("PROMPT-NOT-BLANK", PromptRules::notBlank));
    }

    static Optional<ApiError> notBlank(RuleContext c) {
        String prompt = c.text("prompt");
        if (prompt == null || c.defectIs(Defect.ACCEPT_BLANK_PROMPT) || !isJavaScriptBlank(prompt)) {
            return Optional.empty();
        }
        return Optional.of(ApiError.invalidRequest("PROMPT-NOT-BLANK", "value_out_of_range", "prompt",
                "prompt must contain at least one non-whitespace character."));
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
}
