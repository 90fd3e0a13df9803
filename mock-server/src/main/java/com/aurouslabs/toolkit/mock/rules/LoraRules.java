package com.aurouslabs.toolkit.mock.rules;

import com.aurouslabs.toolkit.mock.error.ApiError;
import com.aurouslabs.toolkit.mock.fixtures.LoraFixture;
import java.util.List;
import java.util.Optional;

/** Family "loras": LORA-RESOLVE (id, slug or legacy UUID), LORA-NOT-FOUND, LORA-MODE. */
public final class LoraRules implements RuleFamily {

    /** Same text for unknown, inactive and other-team LoRAs (no existence leak). */
    static final String NOT_FOUND_MESSAGE = "No such LoRA for this team.";

    @Override
    public List<RuleCheck> checks() {
        return List.of(
                RuleCheck.accepting("LORA-RESOLVE"),
                RuleCheck.of("LORA-NOT-FOUND", LoraRules::loraVisible),
                RuleCheck.of("LORA-MODE", LoraRules::loraSupportsMode));
    }

    static Optional<LoraFixture> resolve(RuleContext c) {
        String ref = c.text("lora_id");
        return ref == null ? Optional.empty() : c.fixtures().lora(ref).filter(l -> l.visibleTo(c.teamId()));
    }

    static Optional<ApiError> loraVisible(RuleContext c) {
        if (c.text("lora_id") == null || resolve(c).isPresent()) {
            return Optional.empty();
        }
        return Optional.of(ApiError.notFound("LORA-NOT-FOUND", "lora_id", NOT_FOUND_MESSAGE));
    }

    static Optional<ApiError> loraSupportsMode(RuleContext c) {
        boolean imageToImage = c.hasReferences() || c.has("character_id");
        return resolve(c)
                .filter(l -> imageToImage && !l.supportsReferences())
                .map(l -> ApiError.invalidRequest("LORA-MODE", "unsupported_lora_for_mode", "lora_id",
                        "LoRA " + c.text("lora_id") + " does not support reference images or characters."));
    }
}
