package com.aurouslabs.toolkit.conformance.oracle;

import java.util.List;

/**
 * A point the vendor's docs leave open, where an implementation may choose differently from this project and
 * still honour every documented rule. Option 0 is this project's decision (what the catalog and the default
 * mock do); the others are documented-compatible alternatives. The oracle asks a {@link Reading} for the option
 * only where the choice changes the outcome, and {@link ExpectedOutcome#decide} explores every alternative so an
 * answer that follows one of them is a WARNING on the rule it concerns ({@link #ruleIds()}), never a failure.
 */
public enum Choice {
  WHITESPACE(List.of("PROMPT-NOT-BLANK"), "what makes a prompt blank",
      "Unicode whitespace (the JavaScript String.trim set) counts as blank",
      "only ASCII space, tab, CR and LF count as blank"),
  NEGATIVE_BLANK(List.of("NEG-PROMPT-LENGTH"), "a whitespace-only negative_prompt",
      "is allowed (only its length is checked)", "is rejected like a blank prompt"),
  INTEGER(List.of("BODY-INTEGER"), "what counts as a whole number",
      "1024.0 is accepted, 1024.5 is rejected", "fractions are accepted (rounded, or snapped for dimensions)",
      "1024.0 is rejected too (only integer literals)"),
  PRECISION(List.of("GUIDANCE-RANGE", "CFG-RESCALE-RANGE", "DENOISE-RANGE", "BODY-INTEGER"), "how JSON numbers are read",
      "exactly, as JSON Schema judges them (1.00000000000000000001 is above 1)",
      "as IEEE-754 doubles (1.00000000000000000001 is 1.0)"),
  LENGTH_UNIT(List.of("PROMPT-LENGTH", "NEG-PROMPT-LENGTH", "REF-URL-MAX-LENGTH", "WEBHOOK-URL-MAX-LENGTH"),
      "what a character is in a length limit",
      "a Unicode code point, as JSON Schema counts", "a UTF-16 code unit, as JavaScript counts"),
  BLANK_KEY(List.of("AUTH-MISSING-KEY", "AUTH-HEADER-PRECEDENCE"), "a blank X-Api-Key header",
      "counts as not sent (401 missing_api_key; a Bearer token then decides)",
      "is an invalid key (401 invalid_api_key)"),
  OTHER_SCHEME(List.of("AUTH-HEADER-PRECEDENCE"), "an Authorization header of another scheme than Bearer",
      "counts as no key (401 missing_api_key)", "is an invalid key (401 invalid_api_key)"),
  MALFORMED_ID(List.of("CHAR-ID-FORM", "REF-FILE-ID-FORM", "LORA-ID-FORM"),
      "a character, file or LoRA id not of the form its *-ID-FORM rule states",
      "is looked up and not found (404)", "is refused as malformed before any look-up (400)"),
  ID_CASE(List.of("REF-ITEM-FORM"), "the case of a file id", "must be upper case, as the spec's pattern says",
      "does not matter (ULIDs are case-insensitive)"),
  T2I_DENOISE(List.of("DENOISE-RANGE"), "denoise_strength on a text-to-image request",
      "is range-checked, then ignored", "is ignored without a range check"),
  SNAP_TIE(List.of("DIM-SNAP-32"), "a dimension exactly between two multiples of 32",
      "rounds up", "rounds down (or to even)"),
  RANGE_BEFORE_SNAP(List.of("DIM-RANGE"), "the dimension range",
      "is checked on the value as sent (1010 is rejected)",
      "is checked after snapping (1010 snaps to 1024 and is accepted)"),
  HEADER_PRECEDENCE(List.of("AUTH-HEADER-PRECEDENCE"), "X-Api-Key and Authorization: Bearer sent together",
      "X-Api-Key decides", "the Bearer token decides"),
  NULL_FIELD(List.of("BODY-NULL-AS-ABSENT"), "an explicit null on an optional field",
      "means the field is omitted", "is a value of the wrong type (400)"),
  CALENDAR_DATE(List.of("VERSION-PATTERN"), "an Aurous-Version that matches the pattern but is no calendar date",
      "is malformed (400)", "is compared as text with the released versions (2026-02-30 is a prior date)"),
  UNLISTED_HOST(List.of("REF-URL-HOST-UNLISTED"), "a non-public reference host the vendor's SSRF list does not name "
      + "(0.0.0.0, 100.64.0.1, 100.100.100.200, [fec0::1], metadata, *.internal, a single-label name, ...)",
      "is refused like a listed one (400)", "is accepted (only the listed hosts are blocked)");

  private final List<String> ruleIds;
  private final String point;
  private final List<String> options;

  Choice(List<String> ruleIds, String point, String... options) {
    this.ruleIds = ruleIds;
    this.point = point;
    this.options = List.of(options);
  }

  /** The catalog rules whose inferred part this choice is. */
  public List<String> ruleIds() {
    return ruleIds;
  }

  /** What is left open, e.g. "what makes a prompt blank". */
  public String point() {
    return point;
  }

  public int options() {
    return options.size();
  }

  /** Option {@code i} in words; 0 is the decision. */
  public String option(int i) {
    return options.get(i);
  }

  public String decision() {
    return options.get(0);
  }
}
