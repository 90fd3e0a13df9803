package com.aurouslabs.toolkit.conformance.arbitraries;

import com.aurouslabs.toolkit.conformance.Conformance;
import com.aurouslabs.toolkit.conformance.spec.SpecDocument;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * prompt / negative_prompt strings with the length bounds of the spec, counted in code points: exact min/max,
 * max+1, empty, whitespace-only (the JavaScript trim set; and ASCII-only, blank in every reading), astral
 * characters (2 UTF-16 units, 1 code point) at
 * the maximum, combining marks and right-to-left text. {@code null} value = field absent.
 */
public final class Prompts {

  /** Whitespace in String.prototype.trim's set, including Unicode spaces and line terminators. */
  public static final String WHITESPACE = " \t\n\u000B\f\r\u00A0\u1680\u2000\u2003\u200A\u2028\u2029\u202F\u205F"
      + "\u3000\uFEFF";
  /** Whitespace in every reading of "whitespace" (a prompt of only these is blank whatever the implementation). */
  public static final String ASCII_WHITESPACE = " \t\r\n";

  private Prompts() {}

  public static Arbitrary<Tagged<Object>> prompt() {
    return text("prompt", true);
  }

  public static Arbitrary<Tagged<Object>> negativePrompt() {
    return text("negative_prompt", false);
  }

  static Arbitrary<Tagged<Object>> text(String field, boolean required) {
    int min = Conformance.run().spec().minLength(field);
    int max = Conformance.run().spec().maxLength(field);
    Arbitrary<String> words = Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(12)
        .list().ofMinSize(1).ofMaxSize(12).map(l -> String.join(" ", l));
    Arbitrary<String> blank = Arbitraries.strings().withChars(WHITESPACE).ofMinLength(1).ofMaxLength(20);
    Arbitrary<String> asciiBlank = Arbitraries.strings().withChars(ASCII_WHITESPACE).ofMinLength(1).ofMaxLength(20);
    return Arbitraries.frequencyOf(
        Tuple.of(8, words.map(s -> Numbers.t("normal", s))),
        Tuple.of(4, Arbitraries.just(Numbers.t("max", "a".repeat(max)))),
        Tuple.of(4, Arbitraries.just(Numbers.t("max+1", "b".repeat(max + 1)))),
        Tuple.of(3, Arbitraries.just(Numbers.t("max-astral", "\uD83C\uDF05".repeat(max)))),
        Tuple.of(3, Arbitraries.just(Numbers.t("max+1-astral", "\uD83C\uDF05".repeat(max + 1)))),
        Tuple.of(3, Arbitraries.just(Numbers.t("min", "x".repeat(Math.max(min, 1))))),
        Tuple.of(4, Arbitraries.just(Numbers.t("empty", ""))),
        Tuple.of(6, blank.map(s -> Numbers.t("whitespace-only", s))),
        Tuple.of(4, asciiBlank.map(s -> Numbers.t("ascii-whitespace-only", s))),
        Tuple.of(3, Combinators.combine(blank, words).as((b, w) -> Numbers.t("padded", b + w + b))),
        Tuple.of(3, Arbitraries.of("Cafe\u0301 au lait", "\u0645\u0631\u062D\u0628\u0627 sunset", "\u65E5\u306E\u51FA",
            "a\u0000b", "\uD83D\uDC69\u200D\uD83D\uDE80 astronaut").map(s -> Numbers.t("unicode", s))),
        Tuple.of(required ? 3 : 2, Arbitraries.just(Numbers.t("absent", null))),
        Tuple.of(2, Arbitraries.just(Numbers.t("null", com.fasterxml.jackson.databind.node.NullNode.getInstance()))),
        Tuple.of(1, Numbers.wrongType()));
  }
}
