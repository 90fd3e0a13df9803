package com.aurouslabs.toolkit.mock.rules;

import com.aurouslabs.toolkit.mock.fixtures.FixtureIndex.OwnedCharacter;
import java.util.List;
import java.util.Optional;

/**
 * Family "characters": CHAR-XOR-REFS, CHAR-ID-FORM (a malformed id is looked up like any, or rejected, as its
 * choice says), CHAR-NOT-FOUND (unknown and other-team ids answered alike), CHAR-NOT-READY, CHAR-READY.
 */
public final class CharacterRules {

    static final String ID_FORM = "CHAR-ID-FORM";
    static final String FIELD = "character_id";

    private final boolean rejectMalformed;

    public CharacterRules(Choices choices) {
        this.rejectMalformed = choices.is(ID_FORM, "malformed", "reject", "look_up");
    }

    public List<RuleCheck> checks() {
        return List.of(
                RuleCheck.of("CHAR-XOR-REFS", CharacterRules::characterXorReferences),
                RuleCheck.of(ID_FORM, this::idForm),
                RuleCheck.of("CHAR-NOT-FOUND", CharacterRules::characterExists),
                RuleCheck.of("CHAR-NOT-READY", CharacterRules::characterReady));
    }

    static Optional<Violation> characterXorReferences(RuleContext c) {
        if (!c.has(FIELD) || !c.hasReferences()) {
            return Optional.empty();
        }
        return Optional.of(Violation.of("CHAR-XOR-REFS"));
    }

    Optional<Violation> idForm(RuleContext c) {
        String id = c.text(FIELD);
        if (!rejectMalformed || id == null || IdForms.isCharacterId(id)) {
            return Optional.empty();
        }
        return Optional.of(Violation.of(ID_FORM).with("field", FIELD));
    }

    static Optional<Violation> characterExists(RuleContext c) {
        String id = c.text(FIELD);
        if (id == null) {
            return Optional.empty();
        }
        Optional<OwnedCharacter> found = c.fixtures().character(id);
        if (found.isPresent() && found.get().teamId().equals(c.teamId())) {
            return Optional.empty();
        }
        return Optional.of(Violation.of("CHAR-NOT-FOUND").with("field", FIELD));
    }

    static Optional<Violation> characterReady(RuleContext c) {
        String id = c.text(FIELD);
        if (id == null) {
            return Optional.empty();
        }
        return c.fixtures().character(id)
                .filter(owned -> owned.teamId().equals(c.teamId()) && !owned.character().ready())
                .map(owned -> Violation.of("CHAR-NOT-READY").with("field", FIELD).with("value", id)
                        .with("status", owned.character().status()));
    }
}
