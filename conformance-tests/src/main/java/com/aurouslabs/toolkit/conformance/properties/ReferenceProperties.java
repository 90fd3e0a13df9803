package com.aurouslabs.toolkit.conformance.properties;

import com.aurouslabs.toolkit.conformance.Conformance;
import com.aurouslabs.toolkit.conformance.arbitraries.References;
import com.aurouslabs.toolkit.conformance.arbitraries.Requests;
import com.aurouslabs.toolkit.conformance.arbitraries.Tagged;
import com.aurouslabs.toolkit.conformance.config.Fixture;
import com.aurouslabs.toolkit.conformance.http.EstimateCase;
import com.aurouslabs.toolkit.conformance.http.Exchange;
import com.aurouslabs.toolkit.conformance.jqwik.ConformanceHook;
import com.aurouslabs.toolkit.conformance.jqwik.Coverage;
import com.aurouslabs.toolkit.conformance.jqwik.NeedsFixture;
import com.aurouslabs.toolkit.conformance.jqwik.RuleFamilies;
import com.aurouslabs.toolkit.conformance.jqwik.Rules;
import com.aurouslabs.toolkit.conformance.oracle.Expectation;
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

/** reference_image_urls: count, form, length, listed and unlisted blocked hosts, userinfo, file existence. */
@RuleFamilies({"references"})
@AddLifecycleHook(value = ConformanceHook.class, propagateTo = PropagationMode.ALL_DESCENDANTS)
@StatisticsReport(StatisticsReport.StatisticsReportMode.OFF)
class ReferenceProperties {

  @Provide
  Arbitrary<Tagged<List<Object>>> references() {
    return References.list(Conformance.fixtures());
  }

  @Property
  @Rules({
      "REF-MAX-ITEMS", "REF-EMPTY-IS-NONE", "REF-ITEM-FORM", "REF-URL-MAX-LENGTH", "REF-URL-HOST-BLOCKED",
      "REF-URL-HOST-UNLISTED", "REF-URL-NO-USERINFO", "REF-FILE-EXISTS", "REF-FILE-ID-FORM"})
  @Label("every reference entry is checked")
  void reference_lists_are_checked_entry_by_entry(@ForAll("references") Tagged<List<Object>> refs) {
    EstimateCase c = EstimateCase.prompt("a mountain cabin").with("reference_image_urls", refs.value());
    Expectation e = Conformance.expect(c);
    Coverage.collect("list size", refs.tag());
    Coverage.collect("outcome", e.accepted() ? "accepted" : e.ruleIds().get(0));
    boolean listed = e.violates("REF-URL-HOST-BLOCKED");
    boolean unlisted = e.violates("REF-URL-HOST-UNLISTED");
    Coverage.collect("host rules", listed && unlisted ? "both" : listed ? "listed" : unlisted ? "unlisted" : "neither");
    Conformance.check(e.accepted() ? "REF-EMPTY-IS-NONE" : e.ruleIds().get(0), c);
    Coverage.require("list size", "empty", "some", "max", "over-max");
    Coverage.require("outcome", "accepted", "REF-MAX-ITEMS", "REF-ITEM-FORM", "REF-URL-HOST-BLOCKED");
    Coverage.require("host rules", List.of(java.util.Set.of("listed", "both"), java.util.Set.of("unlisted", "both")));
  }

  @Provide
  Arbitrary<String> host() {
    return Arbitraries.of(References.BLOCKED_HOSTS);
  }

  @Provide
  Arbitrary<String> path() {
    return References.path();
  }

  /**
   * One request per blocked host: with as many tries as hosts (the default against the mock) jqwik enumerates the
   * list exhaustively, so every host class is sent, whatever the seed; with fewer tries (a URL) it samples.
   */
  @Property
  @Rules({"REF-URL-HOST-BLOCKED"})
  @Label("the private, loopback, link-local, multicast, reserved and metadata hosts the vendor lists are refused in "
      + "every spelling")
  void blocked_hosts_are_refused_in_every_spelling(@ForAll("host") String host) {
    Conformance.check("REF-URL-HOST-BLOCKED", withReferenceOn(host));
  }

  @Provide
  Arbitrary<String> unlistedHost() {
    return Arbitraries.of(References.UNLISTED_HOSTS);
  }

  /** One request per unlisted host, enumerated like the listed ones; accepting one is a warning (the docs are silent). */
  @Property
  @Rules({"REF-URL-HOST-UNLISTED"})
  @Label("non-public hosts outside the vendor's list (unspecified, shared, site-local, other metadata, local and "
      + "single-label names) are refused too")
  void unlisted_hosts_are_refused_too(@ForAll("unlistedHost") String host) {
    Conformance.check("REF-URL-HOST-UNLISTED", withReferenceOn(host));
  }

  /** A minimal estimate whose only reference is an https URL on {@code host} (the path varies with the host). */
  private static EstimateCase withReferenceOn(String host) {
    return EstimateCase.prompt("a portrait")
        .with("reference_image_urls", List.of("https://" + host + "/p" + Math.floorMod(host.hashCode(), 97) + ".png"));
  }

  /** Lengths around the spec's maxLength of an entry (enumerated exhaustively). */
  @Provide
  Arbitrary<Integer> lengthAroundMax() {
    int max = Conformance.run().spec().items("reference_image_urls").path("maxLength").asInt();
    return Arbitraries.integers().between(max - 2, max + 2);
  }

  @Property(tries = 10)
  @Rules({"REF-URL-MAX-LENGTH"})
  @Label("a reference URL is accepted up to the spec's maxLength and refused past it")
  void reference_urls_are_bounded_by_the_spec_length(@ForAll("lengthAroundMax") int length,
      @ForAll boolean second) {
    String prefix = "https://example.com/";
    String url = prefix + "a".repeat(length - prefix.length());
    List<Object> refs = second ? List.of("https://example.com/first.png", url) : List.of(url);
    Conformance.check("REF-URL-MAX-LENGTH", EstimateCase.prompt("a portrait").with("reference_image_urls", refs));
  }

  @Provide
  Arbitrary<EstimateCase> valid() {
    return Requests.validBase();
  }

  @Property(tries = 20)
  @Rules({"REF-EMPTY-IS-NONE", "CHAR-XOR-REFS"})
  @Label("an empty reference_image_urls is the same as none, next to character_id too")
  void an_empty_reference_list_is_the_same_as_none(@ForAll("valid") EstimateCase base, @ForAll boolean character) {
    EstimateCase c = base.without("reference_image_urls");
    if (character && Conformance.fixtures().has(Fixture.READY_CHARACTER)) {
      c = c.with("character_id", Conformance.fixtures().require(Fixture.READY_CHARACTER));
    }
    Exchange none = Conformance.check("REF-EMPTY-IS-NONE", c);
    Exchange empty = Conformance.check("REF-EMPTY-IS-NONE", c.with("reference_image_urls", List.of()));
    Conformance.invariant("REF-EMPTY-IS-NONE", none.status() == empty.status()
        && (none.status() != 200 || Exchange.sameValue(none.json().path("estimated_cost"),
        empty.json().path("estimated_cost"))), "an empty reference_image_urls was answered otherwise than none: "
        + none.summary() + " vs " + empty.summary(), none, empty);
  }

  /** A well-formed unknown file id and one of the spec's form that is no ULID, per try (taken in turn). */
  @Provide
  Arbitrary<List<String>> fileIds() {
    return Combinators.combine(References.unknownFileId(), References.malformedFileId()).as(List::of);
  }

  /** Tries of the file-id property so far (jqwik makes one instance of the class per property). */
  private int fileTurn;

  @Property(tries = 10)
  @Rules({"REF-FILE-EXISTS", "REF-FILE-ID-FORM"})
  @Label("an unknown file id is looked up (404); one of the spec's form that is no ULID is looked up too, or "
      + "refused as malformed")
  void unknown_and_malformed_file_ids_are_refused(@ForAll("fileIds") List<String> ids) {
    String id = ids.get(Math.floorMod(fileTurn++, ids.size()));
    Conformance.check(fileTurn % 2 == 1 ? "REF-FILE-EXISTS" : "REF-FILE-ID-FORM", EstimateCase.prompt("a portrait")
        .with("reference_image_urls", List.of(id)));
  }

  @Provide
  Arbitrary<String> unusableFile() {
    return Arbitraries.of(Conformance.fixtures().all(Fixture.UNUSABLE_FILE));
  }

  @Provide
  Arbitrary<String> unknownFile() {
    return References.unknownFileId();
  }

  @Property(tries = 10)
  @NeedsFixture(Fixture.UNUSABLE_FILE)
  @Rules({"REF-FILE-EXISTS"})
  @Label("another team's file and an expired file give the same 404 as an unknown file id, apart from request_id")
  void unusable_files_are_indistinguishable_from_unknown_ones(@ForAll("unusableFile") String unusable,
      @ForAll("unknownFile") String unknown) {
    Exchange a = Conformance.check("REF-FILE-EXISTS", EstimateCase.prompt("a portrait")
        .with("reference_image_urls", List.of(unusable)));
    Exchange b = Conformance.check("REF-FILE-EXISTS", EstimateCase.prompt("a portrait")
        .with("reference_image_urls", List.of(unknown)));
    Conformance.invariant("REF-FILE-EXISTS", a.status() != 200 && Exchange.sameAnswer(a, unusable, b, unknown),
        "an unusable file's answer differs from an unknown one's (existence leak): " + a.summary() + " vs "
            + b.summary(), a, b);
  }

  @Provide
  Arbitrary<String> publicHost() {
    return Arbitraries.of(References.PUBLIC_HOSTS);
  }

  @Property
  @Rules({"REF-URL-HOST-BLOCKED"})
  @Label("public https hosts that merely look internal are accepted")
  void public_hosts_are_accepted(@ForAll("publicHost") String host, @ForAll("path") String path) {
    Conformance.check("REF-URL-HOST-BLOCKED", EstimateCase.prompt("a portrait")
        .with("reference_image_urls", List.of("https://" + host + path)));
  }
}
