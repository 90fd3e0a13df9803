package com.aurouslabs.toolkit.mock.validation;

/**
 * One schema finding, named by rule: {@code keyword} is the JSON Schema keyword that failed, {@code field} the
 * top-level property, {@code itemIndex} the array entry (or -1), {@code code} the code to use only when the rule
 * ID is not in rules.yaml (a property a {@code --spec} adds), {@code constraint} and {@code expected} what the
 * schema asks, in words.
 */
public record SchemaViolation(String keyword, String field, int itemIndex, String code, String ruleId,
                              String constraint, String expected) {

    /** {@code field}, or {@code field[i]} for an array entry. */
    public String path() {
        return itemIndex >= 0 ? field + "[" + itemIndex + "]" : field;
    }
}
