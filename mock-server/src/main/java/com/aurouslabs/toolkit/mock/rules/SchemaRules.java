package com.aurouslabs.toolkit.mock.rules;

import com.aurouslabs.toolkit.mock.validation.BodySchemaValidator;
import com.aurouslabs.toolkit.mock.validation.SchemaViolation;
import com.aurouslabs.toolkit.openapi.RuleCatalog;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The {@value RuleCatalog#SCHEMA_STEP} step of the evaluation order: the schema rules of estimate.yaml (PROMPT-*,
 * NEG-PROMPT-LENGTH, SIZE-ENUM, DIM-RANGE, the *-RANGE rules, WEBHOOK-*, REF-MAX-ITEMS, REF-ITEM-FORM,
 * REF-URL-MAX-LENGTH, BODY-TYPE, BODY-INTEGER, BODY-UNKNOWN-FIELD), each finding named by its rule.
 */
public final class SchemaRules {

    private final BodySchemaValidator schema;
    private final ReferenceRules references;

    public SchemaRules(BodySchemaValidator schema, ReferenceRules references) {
        this.schema = schema;
        this.references = references;
    }

    public List<RuleCheck> checks() {
        return List.of(new RuleCheck() {
            @Override
            public String ruleId() {
                return RuleCatalog.SCHEMA_STEP;
            }

            @Override
            public Optional<Violation> check(RuleContext context) {
                List<SchemaViolation> found = schema.validate(context.body());
                return found.isEmpty() ? Optional.empty() : Optional.of(toViolation(found.get(0), context));
            }

            @Override
            public List<Violation> checkAll(RuleContext context) {
                List<Violation> out = new ArrayList<>();
                for (SchemaViolation v : schema.validate(context.body())) {
                    out.add(toViolation(v, context));
                }
                return out;
            }

            @Override
            public String toString() {
                return RuleCatalog.SCHEMA_STEP;
            }
        });
    }

    private Violation toViolation(SchemaViolation v, RuleContext c) {
        boolean required = "required".equals(v.keyword());
        Violation out = Violation.of(v.ruleId())
                .with("field", v.field())
                .with("path", v.path())
                .with("i", v.itemIndex() >= 0 ? v.itemIndex() : null)
                .with("constraint", v.constraint())
                .with("expected", v.expected())
                .fallback(new Violation.FallbackOutcome(v.code(), "{path}",
                        required ? "{field} is required." : "{param} must be {constraint}."));
        if ("REF-ITEM-FORM".equals(v.ruleId()) && v.itemIndex() >= 0) {
            JsonNode entry = c.body().path(v.field()).path(v.itemIndex());
            out.with("detail", references.itemFormDetail(entry.isTextual() ? entry.textValue() : null));
        }
        return out;
    }
}
