package com.aurouslabs.toolkit.conformance.arbitraries;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Resource ids. "Unknown" ids are well-formed (a valid ULID: 26 Crockford base32 characters, the first 0-7; or a
 * version-4 UUID), so a look-up rule is tested by a look-up; malformed ids are their own class, since an
 * implementation may refuse them as malformed (400) instead of looking them up (404).
 */
public final class Ids {

  static final String CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

  private Ids() {}

  /** A valid ULID (its first character 0-7, so it fits 128 bits). */
  public static Arbitrary<String> ulid() {
    return Combinators.combine(Arbitraries.strings().withChars("01234567").ofLength(1),
        Arbitraries.strings().withChars(CROCKFORD).ofLength(25)).as(String::concat);
  }

  /** A version-4 UUID (a legacy id form the docs accept for characters and LoRAs). */
  public static Arbitrary<String> uuid() {
    return Arbitraries.randomValue(r -> new java.util.UUID(r.nextLong() & 0xFFFFFFFFFFFF0FFFL | 0x4000L,
        r.nextLong() & 0x3FFFFFFFFFFFFFFFL | 0x8000000000000000L).toString());
  }

  /** Not a ULID: first character above 7 (more than 128 bits), too short, or a letter Crockford excludes. */
  public static Arbitrary<String> malformedUlid() {
    return Arbitraries.oneOf(
        Combinators.combine(Arbitraries.strings().withChars("89ABCDEFGHJKMNPQRSTVWXYZ").ofLength(1),
            Arbitraries.strings().withChars(CROCKFORD).ofLength(25)).as(String::concat),
        Arbitraries.strings().withChars(CROCKFORD).ofMinLength(3).ofMaxLength(12),
        Arbitraries.of("01HXMQ7Z3K8Y2NABCDEFGHJKMU", "not-an-id", "01HXMQ7Z3K8Y2NABCDEFGHJKM!"));
  }
}
