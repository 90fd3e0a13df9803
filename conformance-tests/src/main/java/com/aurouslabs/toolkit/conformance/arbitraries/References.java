package com.aurouslabs.toolkit.conformance.arbitraries;

import com.aurouslabs.toolkit.conformance.config.Fixture;
import com.aurouslabs.toolkit.conformance.config.Fixtures;
import com.aurouslabs.toolkit.conformance.Conformance;
import net.jqwik.api.Combinators;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Tuple;

/**
 * reference_image_urls entries and lists (0 to maxItems+1 entries): the team's file, unknown file ids, public
 * https URLs, http/ftp/data URLs, private, loopback and metadata hosts of the vendor's SSRF list in many spellings
 * (decimal, octal, hex, IPv6 forms, percent-encoded, trailing dot), non-public hosts outside that list, userinfo, and
 * URLs at and over the length limit.
 */
public final class References {

  /**
   * Hosts the vendor's SSRF list blocks (REF-URL-HOST-BLOCKED, documented), in the spellings attackers use: a
   * failure when accepted.
   */
  public static final List<String> BLOCKED_HOSTS = List.of("127.0.0.1", "localhost", "2130706433", "0x7f.0.0.1",
      "017700000001", "127.1", "0177.0.0.1", "[::1]", "[::ffff:127.0.0.1]", "[::ffff:7f00:1]", "10.0.0.7",
      "172.16.5.4", "192.168.1.10", "169.254.169.254", "metadata.google.internal", "metadata.aws.com",
      "foo.localhost", "[fd00::1]", "[fe80::1]", "%31%32%37.0.0.1", "127.0.0.1.", "224.0.0.1", "255.255.255.255",
      "[64:ff9b::a9fe:a9fe]", "[2002:7f00:1::]", "[::127.0.0.1]", "169.254.170.2", "[fd00:ec2::254]");

  /**
   * Non-public hosts the vendor's list does not name (REF-URL-HOST-UNLISTED, this project's decision): refused by the
   * catalog, a warning when accepted.
   */
  public static final List<String> UNLISTED_HOSTS = List.of("instance-data", "0.0.0.0", "[::]", "100.64.0.1",
      "service.internal", "0", "100.100.100.200", "168.63.129.16", "[fec0::1]", "[ff02::1]", "[100::1]",
      "[::ffff:100.64.0.1]", "metadata", "localhost6", "printer.local", "router.home.arpa", "intranet",
      "256.0.0.1");

  /** Hosts that look suspicious but are public (must NOT be blocked). */
  public static final List<String> PUBLIC_HOSTS = List.of("example.com", "images.example.org", "cdn.example.net",
      "8.8.8.8", "1.1.1.1", "172.32.0.1", "192.169.0.1", "[2606:4700:4700::1111]", "localhost.example.com",
      "internal.example.com", "100.128.0.1");

  private References() {}

  /** A well-formed file id no team has: file_ + a valid ULID. */
  public static Arbitrary<String> unknownFileId() {
    return Ids.ulid().map(s -> "file_" + s);
  }

  /** file_ + 26 Crockford characters that are not a ULID (first above 7): the spec's pattern, but no valid id. */
  public static Arbitrary<String> malformedFileId() {
    return Combinators.combine(Arbitraries.strings().withChars("89ABCDEFGHJKMNPQRSTVWXYZ").ofLength(1),
        Arbitraries.strings().withChars(Ids.CROCKFORD).ofLength(25)).as((a, b) -> "file_" + a + b);
  }

  public static Arbitrary<String> path() {
    return Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(10).map(s -> "/" + s + ".png");
  }

  /** One entry, tagged with its class. */
  public static Arbitrary<Tagged<Object>> entry(Fixtures fixtures) {
    int maxLength = Conformance.run().spec().items("reference_image_urls").path("maxLength").asInt(2048);
    String prefix = "https://example.com/";
    List<Tuple.Tuple2<Integer, Arbitrary<Tagged<Object>>>> f = new ArrayList<>();
    fixtures.get(Fixture.FILE).ifPresent(id -> f.add(Tuple.of(6, Arbitraries.just(Numbers.t("file", id)))));
    f.add(Tuple.of(3, unknownFileId().map(id -> Numbers.t("unknown-file", id))));
    f.add(Tuple.of(1, malformedFileId().map(id -> Numbers.t("malformed-file", id))));
    f.add(Tuple.of(8, Arbitraries.of(PUBLIC_HOSTS).flatMap(h -> path().map(p -> Numbers.t("https-public",
        "https://" + h + p)))));
    f.add(Tuple.of(4, Arbitraries.of(PUBLIC_HOSTS).flatMap(h -> path().map(p -> Numbers.t("http",
        "http://" + h + p)))));
    f.add(Tuple.of(2, Arbitraries.of("ftp://example.com/a.png", "data:image/png;base64,iVBORw0KGgo=",
        "file:///etc/passwd", "gopher://example.com/", "example.com/a.png", "//example.com/a.png",
        "FILE_01HXMQ7Z3K8Y2NABCDEFGHJKMN", "file_01hxmq7z3k8y2nabcdefghjkmn", "https://exa mple.com/a.png")
        .map(s -> Numbers.t("bad-form", s))));
    f.add(Tuple.of(8, Arbitraries.of(BLOCKED_HOSTS).flatMap(h -> path().map(p -> Numbers.t("blocked-host",
        "https://" + h + p)))));
    f.add(Tuple.of(4, Arbitraries.of(UNLISTED_HOSTS).flatMap(h -> path().map(p -> Numbers.t("unlisted-host",
        "https://" + h + p)))));
    f.add(Tuple.of(3, Arbitraries.of("user:pass@example.com", "evil@example.com", "example.com@127.0.0.1")
        .map(a -> Numbers.t("userinfo", "https://" + a + "/a.png"))));
    f.add(Tuple.of(3, Arbitraries.just(Numbers.t("length-max", prefix + "a".repeat(maxLength - prefix.length())))));
    f.add(Tuple.of(3, Arbitraries.just(Numbers.t("length-max+1",
        prefix + "a".repeat(maxLength + 1 - prefix.length())))));
    f.add(Tuple.of(1, Arbitraries.of((Object) 42, true).map(v -> Numbers.t("wrong-type", v))));
    return Arbitraries.frequencyOf(f.toArray(Tuple.Tuple2[]::new));
  }

  /**
   * A list of 0 to maxItems+1 entries, tagged by size class. Lists at and over the limit hold valid entries only, so
   * REF-MAX-ITEMS is the one rule they exercise (another broken entry would be named first and hide it).
   */
  public static Arbitrary<Tagged<List<Object>>> list(Fixtures fixtures) {
    int maxItems = Conformance.run().spec().maxItems("reference_image_urls");
    Arbitrary<Tagged<List<Object>>> some = Arbitraries.integers().between(1, maxItems - 1)
        .flatMap(n -> entry(fixtures).list().ofSize(n)).map(entries -> {
          List<Object> values = new ArrayList<>();
          entries.forEach(e -> values.add(e.value()));
          return new Tagged<>("some", values);
        });
    return Arbitraries.frequencyOf(
        Tuple.of(3, Arbitraries.just(new Tagged<>("empty", List.of()))),
        Tuple.of(8, some),
        Tuple.of(3, validOfSize(fixtures, maxItems).map(v -> new Tagged<>("max", v))),
        Tuple.of(3, validOfSize(fixtures, maxItems + 1).map(v -> new Tagged<>("over-max", v))));
  }

  static Arbitrary<List<Object>> validOfSize(Fixtures fixtures, int n) {
    return validEntry(fixtures).list().ofSize(n);
  }

  static Arbitrary<Object> validEntry(Fixtures fixtures) {
    Arbitrary<Object> e = Arbitraries.of(PUBLIC_HOSTS).flatMap(h -> path().map(p -> (Object) ("https://" + h + p)));
    if (fixtures.has(Fixture.FILE)) {
      e = Arbitraries.oneOf(e, Arbitraries.just(fixtures.require(Fixture.FILE)));
    }
    return e;
  }

  /** Lists of valid, accepted entries only (the team's file, public https URLs), 1 to maxItems. */
  public static Arbitrary<List<Object>> valid(Fixtures fixtures) {
    int maxItems = Conformance.run().spec().maxItems("reference_image_urls");
    return validEntry(fixtures).list().ofMinSize(1).ofMaxSize(maxItems);
  }
}
