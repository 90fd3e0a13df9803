package com.aurouslabs.toolkit.conformance.properties;

import com.aurouslabs.toolkit.conformance.Conformance;
import com.aurouslabs.toolkit.conformance.arbitraries.Characters;
import com.aurouslabs.toolkit.conformance.arbitraries.References;
import com.aurouslabs.toolkit.conformance.arbitraries.Tagged;
import com.aurouslabs.toolkit.conformance.config.Fixture;
import com.aurouslabs.toolkit.conformance.http.EstimateCase;
import com.aurouslabs.toolkit.conformance.http.Exchange;
import com.aurouslabs.toolkit.conformance.jqwik.ConformanceHook;
import com.aurouslabs.toolkit.conformance.jqwik.Coverage;
import com.aurouslabs.toolkit.conformance.jqwik.NeedsFixture;
import com.aurouslabs.toolkit.conformance.jqwik.RuleFamilies;
import com.aurouslabs.toolkit.conformance.jqwik.Rules;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.lifecycle.PropagationMode;
import net.jqwik.api.statistics.StatisticsReport;

/** character_id states, exclusivity with references, and no existence leak between teams. */
@RuleFamilies({"characters"})
@AddLifecycleHook(value = ConformanceHook.class, propagateTo = PropagationMode.ALL_DESCENDANTS)
@StatisticsReport(StatisticsReport.StatisticsReportMode.OFF)
class CharacterProperties {

  /** One id of every character state per try (the try then takes one state, in turn). */
  @Provide
  Arbitrary<List<Tagged<Object>>> characters() {
    return Combinators.combine(Characters.states(Conformance.fixtures())).as(List::copyOf);
  }

  @Provide
  Arbitrary<List<Object>> references() {
    return References.valid(Conformance.fixtures());
  }

  /** Tries of this property so far (jqwik makes one instance of the class per property). */
  private int turn;

  /**
   * How a try sends reference_image_urls, one way per round of states: not at all (every state's own rule first),
   * as a non-empty valid list (CHAR-XOR-REFS), as [].
   */
  private static final List<String> REFERENCES = List.of("absent", "refs", "empty");

  /**
   * Every character state with every way of sending references, in turn (a round of states per way), so each
   * state's rule comes up in the first round and each combination within states x 3 tries, whatever the seed; the
   * ids and reference lists are random.
   */
  @Property
  @Rules({"CHAR-XOR-REFS", "CHAR-READY", "CHAR-NOT-READY", "CHAR-NOT-FOUND", "CHAR-ID-FORM", "REF-EMPTY-IS-NONE"})
  @Label("character states x references (unknown ids are valid ULIDs, so they are looked up)")
  void character_states_combine_with_references_as_documented(@ForAll("characters") List<Tagged<Object>> states,
      @ForAll("references") List<Object> someRefs) {
    int i = turn++;
    Tagged<Object> character = states.get(Math.floorMod(i, states.size()));
    String refsMode = REFERENCES.get(Math.floorMod(i / states.size(), REFERENCES.size()));
    List<Object> refs = refsMode.equals("refs") ? someRefs : List.of();
    EstimateCase c = EstimateCase.prompt("the hero walks into the rain");
    if (character.value() != null) {
      c = c.with("character_id", character.value());
    }
    if (!refsMode.equals("absent")) {
      c = c.with("reference_image_urls", refs);
    }
    Coverage.collect("character x references", character.tag(), refs.isEmpty() ? "no-refs" : "refs");
    String primary = character.value() != null && !refs.isEmpty() ? "CHAR-XOR-REFS" : switch (character.tag()) {
      case "ready" -> "CHAR-READY";
      case "not-ready" -> "CHAR-NOT-READY";
      case "foreign", "unknown" -> "CHAR-NOT-FOUND";
      case "malformed" -> "CHAR-ID-FORM";
      default -> "REF-EMPTY-IS-NONE";
    };
    Conformance.check(primary, c);
    if (Coverage.enforced()) {
      net.jqwik.api.statistics.Statistics.label("character x references").coverage(cov -> {
        List<String> required = Conformance.fixtures().has(Fixture.READY_CHARACTER) ? List.of("ready", "unknown")
            : List.of("unknown");
        for (String s : required) {
          for (String r : List.of("no-refs", "refs")) {
            cov.check(s, r).count((java.util.function.Consumer<Integer>) n -> {
              if (n < 1) {
                throw new AssertionError("coverage: no case of character " + s + " x " + r);
              }
            });
          }
        }
      });
    }
  }

  @Property(tries = 20)
  @NeedsFixture(Fixture.FOREIGN_CHARACTER)
  @Rules({"CHAR-NOT-FOUND"})
  @Label("another team's character and an unknown id give the same 404, apart from request_id")
  void foreign_and_unknown_characters_are_indistinguishable(@ForAll("unknownId") String unknown) {
    Exchange foreign = Conformance.check("CHAR-NOT-FOUND", EstimateCase.prompt("a knight")
        .with("character_id", Conformance.fixtures().require(Fixture.FOREIGN_CHARACTER)));
    Exchange missing = Conformance.check("CHAR-NOT-FOUND", EstimateCase.prompt("a knight")
        .with("character_id", unknown));
    Conformance.invariant("CHAR-NOT-FOUND", foreign.status() != 200 && Exchange.sameAnswer(foreign,
        Conformance.fixtures().require(Fixture.FOREIGN_CHARACTER), missing, unknown),
        "a foreign character's answer differs from an unknown one's (existence leak): " + foreign.summary()
            + " vs " + missing.summary(), foreign, missing);
  }

  /** Unknown ids of the same form as the foreign fixture (char_ + a valid ULID), so only existence differs. */
  @Provide
  Arbitrary<String> unknownId() {
    return com.aurouslabs.toolkit.conformance.arbitraries.Ids.ulid().map(u -> "char_" + u);
  }
}
