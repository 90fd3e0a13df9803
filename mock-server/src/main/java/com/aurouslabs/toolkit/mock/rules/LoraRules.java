package com.aurouslabs.toolkit.mock.rules;

import com.aurouslabs.toolkit.mock.fixtures.LoraFixture;
import java.util.List;
import java.util.Optional;

/**
 * Family "loras": LORA-RESOLVE (id, slug or legacy UUID of an active LoRA visible to the team), LORA-ID-FORM (a
 * malformed reference is looked up like any, or rejected, as its choice says), LORA-NOT-FOUND (unknown, inactive
 * and other-team LoRAs answered alike), LORA-MODE.
 */
public final class LoraRules {

    static final String ID_FORM = "LORA-ID-FORM";
    static final String FIELD = "lora_id";

    private final boolean rejectMalformed;

    public LoraRules(Choices choices) {
        this.rejectMalformed = choices.is(ID_FORM, "malformed", "reject", "look_up");
    }

    public List<RuleCheck> checks() {
        return List.of(
                RuleCheck.of(ID_FORM, this::idForm),
                RuleCheck.of("LORA-NOT-FOUND", LoraRules::loraVisible),
                RuleCheck.of("LORA-MODE", LoraRules::loraSupportsMode));
    }

    /** The LoRA the request names, when it is active and visible to the caller's team (LORA-RESOLVE). */
    static Optional<LoraFixture> resolve(RuleContext c) {
        String ref = c.text(FIELD);
        return ref == null ? Optional.empty() : c.fixtures().lora(ref).filter(l -> l.visibleTo(c.teamId()));
    }

    Optional<Violation> idForm(RuleContext c) {
        String ref = c.text(FIELD);
        if (!rejectMalformed || ref == null || IdForms.isLoraReference(ref)) {
            return Optional.empty();
        }
        return Optional.of(Violation.of(ID_FORM).with("field", FIELD));
    }

    static Optional<Violation> loraVisible(RuleContext c) {
        if (c.text(FIELD) == null || resolve(c).isPresent()) {
            return Optional.empty();
        }
        return Optional.of(Violation.of("LORA-NOT-FOUND").with("field", FIELD));
    }

    static Optional<Violation> loraSupportsMode(RuleContext c) {
        boolean imageToImage = c.hasReferences() || c.has("character_id");
        return resolve(c)
                .filter(l -> imageToImage && !l.supportsReferences())
                .map(l -> Violation.of("LORA-MODE").with("field", FIELD).with("value", c.text(FIELD)));
    }
}
