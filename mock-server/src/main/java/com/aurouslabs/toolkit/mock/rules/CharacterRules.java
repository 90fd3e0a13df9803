package com.aurouslabs.toolkit.mock.rules;

import com.aurouslabs.toolkit.mock.Defect;
import com.aurouslabs.toolkit.mock.error.ApiError;
import com.aurouslabs.toolkit.mock.fixtures.FixtureIndex.OwnedCharacter;
import java.util.List;
import java.util.Optional;

/** Family "characters": CHAR-XOR-REFS, CHAR-NOT-FOUND, CHAR-NOT-READY, CHAR-READY. */
public final class CharacterRules implements RuleFamily {

    /** Same text for unknown and other-team ids: the body never tells whether the id exists. */
    static final String NOT_FOUND_MESSAGE = "No such character for this team.";

    @Override
    public List<RuleCheck> checks() {
        return List.of(
                RuleCheck.of("CHAR-XOR-REFS", CharacterRules::characterXorReferences),
                RuleCheck.of("CHAR-NOT-FOUND", CharacterRules::characterExists),
                RuleCheck.of("CHAR-NOT-READY", CharacterRules::characterReady),
                RuleCheck.accepting("CHAR-READY"));
    }

    static Optional<ApiError> characterXorReferences(RuleContext c) {
        if (c.defectIs(Defect.MISS_CHARACTER_REF_EXCLUSION) || !c.has("character_id") || !c.hasReferences()) {
            return Optional.empty();
        }
        return Optional.of(ApiError.invalidRequest("CHAR-XOR-REFS", "mutually_exclusive_input", "character_id",
                "Send either character_id or reference_image_urls, not both."));
    }

    static Optional<ApiError> characterExists(RuleContext c) {
        String id = c.text("character_id");
        if (id == null) {
            return Optional.empty();
        }
        Optional<OwnedCharacter> found = c.fixtures().character(id);
        if (found.isPresent() && found.get().teamId().equals(c.teamId())) {
            return Optional.empty();
        }
        if (found.isPresent() && c.defectIs(Defect.LEAK_FOREIGN_CHARACTER)) {
            return Optional.of(ApiError.notFound("CHAR-NOT-FOUND", "character_id",
                    "Character " + id + " belongs to another team."));
        }
        return Optional.of(ApiError.notFound("CHAR-NOT-FOUND", "character_id", NOT_FOUND_MESSAGE));
    }

    static Optional<ApiError> characterReady(RuleContext c) {
        String id = c.text("character_id");
        if (id == null) {
            return Optional.empty();
        }
        return c.fixtures().character(id)
                .filter(owned -> owned.teamId().equals(c.teamId()) && !owned.character().ready())
                .map(owned -> ApiError.invalidRequest("CHAR-NOT-READY", "character_not_ready", "character_id",
                        "Character " + id + " is " + owned.character().status() + ", not ready."));
    }
}
