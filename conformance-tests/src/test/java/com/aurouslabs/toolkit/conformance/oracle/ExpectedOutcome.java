package com.aurouslabs.toolkit.conformance.oracle;

import com.aurouslabs.toolkit.conformance.config.Fixture;
import com.aurouslabs.toolkit.conformance.config.Fixtures;
import com.aurouslabs.toolkit.conformance.http.Auth;
import com.aurouslabs.toolkit.conformance.http.EstimateCase;
import com.aurouslabs.toolkit.conformance.spec.RuleCatalog;
import com.aurouslabs.toolkit.conformance.spec.SpecDocument;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The oracle: from the rule catalog and the OpenAPI bounds alone, decides which rule(s) a request breaks and so
 * what any conforming implementation must answer. It never consults the mock. Route (404 other path, 405 other
 * method), body size and authentication come first, in the catalog's {@code evaluation_order}; after them the
 * catalog leaves the order to the implementation, so the version, the content type, the JSON and the body's
 * schema and cross-field rules are alternatives (any one may be reported; a body that is not JSON has no field
 * violations); look-ups (character, file, LoRA) join them only when the body's input is otherwise valid.
 */
public final class ExpectedOutcome {

  /** JavaScript String.prototype.trim's set: WhiteSpace + LineTerminator (PROMPT-NOT-BLANK). */
  private static final String JS_WHITESPACE = " \t\n\u000B\f\r\u00A0\u1680\u2000\u2001\u2002\u2003\u2004\u2005"
      + "\u2006\u2007\u2008\u2009\u200A\u2028\u2029\u202F\u205F\u3000\uFEFF";
  public static final int MAX_BODY_BYTES = 1_048_576;
  private static final int MAX_DEPTH = 32;
  private static final int MAX_NUMBER_DIGITS = 1000;

  private static final List<String> INTEGER_FIELDS = List.of("width", "height", "steps", "count", "seed");
  private static final List<String> NUMBER_FIELDS = List.of("guidance_scale", "cfg_rescale", "denoise_strength");
  private static final java.util.Map<String, String> RANGE_RULE = java.util.Map.of(
      "width", "DIM-RANGE", "height", "DIM-RANGE", "steps", "STEPS-RANGE", "count", "COUNT-RANGE",
      "seed", "SEED-RANGE", "guidance_scale", "GUIDANCE-RANGE", "cfg_rescale", "CFG-RESCALE-RANGE",
      "denoise_strength", "DENOISE-RANGE");

  private final SpecDocument spec;
  private final RuleCatalog catalog;
  private final Fixtures fixtures;
  private final ObjectMapper strict;

  public ExpectedOutcome(SpecDocument spec, RuleCatalog catalog, Fixtures fixtures) {
    this.spec = spec;
    this.catalog = catalog;
    this.fixtures = fixtures;
    this.strict = new ObjectMapper();
    strict.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    // exact numbers, as JSON Schema judges bounds: 1e400 is not Infinity, 1.00000000000000000001 is not 1.0
    strict.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS, DeserializationFeature.USE_BIG_INTEGER_FOR_INTS);
    strict.setNodeFactory(JsonNodeFactory.withExactBigDecimals(true));
    strict.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
        .maxNumberLength(Integer.MAX_VALUE).maxNestingDepth(Integer.MAX_VALUE).build());
  }

  public Expectation decide(EstimateCase c) {
    List<String> accept = new ArrayList<>();
    // route: another path is not found; another method on the estimate path is not allowed
    if (!SpecDocument.PATH.equals(c.path())) {
      return reject(v("ROUTE-NOT-FOUND"));
    }
    if ("OPTIONS".equals(c.method())) {
      throw new IllegalArgumentException("OPTIONS (CORS preflight) is outside the oracle: " + c);
    }
    if (!"POST".equals(c.method())) {
      return reject(v("ROUTE-METHOD-NOT-ALLOWED"));
    }
    // body size (before the body is read, so before authentication)
    if (c.bodyText().getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_BODY_BYTES) {
      return reject(v("BODY-TOO-LARGE"));
    }
    // authentication: X-Api-Key decides when sent and not blank; then Bearer; else no key
    switch (c.auth()) {
      case NONE, BLANK_KEY -> { return reject(v("AUTH-MISSING-KEY")); }
      case UNKNOWN_KEY, MALFORMED_KEY -> { return reject(v("AUTH-INVALID-KEY")); }
      case REVOKED_KEY -> { return reject(v("AUTH-REVOKED-KEY")); }
      case BAD_KEY_WINS_OVER_BEARER -> { return reject(v("AUTH-HEADER-PRECEDENCE")); }
      case BEARER -> accept.add("AUTH-BEARER-ALIAS");
      case LEGACY_KEY -> accept.add("AUTH-LEGACY-OG-KEY");
      case KEY_WINS_OVER_BAD_BEARER, BLANK_KEY_WITH_BEARER -> accept.add("AUTH-HEADER-PRECEDENCE");
      case API_KEY -> { }
      default -> throw new IllegalStateException(c.auth().name());
    }
    // After authentication (and the rate limit) the catalog leaves the order to the implementation: the
    // version, the content type, the JSON and (when the JSON parses) the body's own rules are alternatives,
    // any one of which the answer may name. BODY-JSON still gates the body rules: no JSON, no fields.
    List<Violation> early = new ArrayList<>();
    if (c.version().isPresent()) {
      String ver = c.version().get();
      Optional<LocalDate> date = calendarDate(ver);
      List<String> versions = spec.versions();
      LocalDate newest = LocalDate.parse(versions.get(versions.size() - 1));
      if (date.isEmpty()) {
        early.add(v("VERSION-PATTERN"));
      } else if (date.get().isAfter(newest)) {
        early.add(v("VERSION-UNKNOWN"));
      } else if (!versions.contains(ver)) {
        accept.add("VERSION-PRIOR-DATE");
      }
    } else {
      accept.add("VERSION-DEFAULT");
    }
    String type = c.contentType() == null ? "" : c.contentType().toLowerCase(Locale.ROOT);
    if (!type.split(";")[0].trim().equals("application/json")) {
      early.add(v("BODY-CONTENT-TYPE"));
    }
    ObjectNode body;
    if (c.isRaw()) {
      Optional<ObjectNode> parsed = parseStrict(c.bodyText());
      if (parsed.isEmpty()) {
        early.add(v("BODY-JSON"));
        return new Expectation(List.copyOf(early), List.of());
      }
      body = parsed.get();
    } else {
      body = c.body();
    }
    if (!c.extraHeaders().isEmpty() && c.extraHeaders().containsKey("Idempotency-Key")) {
      accept.add("IDEMPOTENCY-IGNORED");
    }
    return decideBody(EstimateCase.ofBody(body), accept, early);
  }

  /** The body's rules, with {@code early} (version, content type) as further alternatives. */
  private Expectation decideBody(EstimateCase c, List<String> accept, List<Violation> early) {
    List<Violation> input = new ArrayList<>();
    List<String> fields = spec.requestFields();
    c.body().fieldNames().forEachRemaining(f -> {
      if (!fields.contains(f)) {
        input.add(v("BODY-UNKNOWN-FIELD", f));
      }
    });
    c.body().fields().forEachRemaining(e -> {
      if (e.getValue().isNull() && !e.getKey().equals("prompt") && fields.contains(e.getKey())) {
        add(accept, "BODY-NULL-AS-ABSENT");
      }
    });
    prompt(c, input, accept);
    negativePrompt(c, input);
    for (String f : List.of("lora_id", "character_id")) {
      c.value(f).filter(n -> !n.isTextual()).ifPresent(n -> input.add(v("BODY-TYPE", f)));
    }
    for (String f : INTEGER_FIELDS) {
      c.value(f).ifPresent(n -> numeric(f, n, true, input, accept));
    }
    for (String f : NUMBER_FIELDS) {
      c.value(f).ifPresent(n -> numeric(f, n, false, input, accept));
    }
    c.value("size").ifPresent(n -> {
      if (!n.isTextual()) {
        input.add(v("BODY-TYPE", "size"));
      } else if (!spec.sizePresets().contains(n.asText())) {
        input.add(v("SIZE-ENUM", "size"));
      }
    });
    c.value("enhance_prompt").filter(n -> !n.isBoolean()).ifPresent(n -> input.add(v("BODY-TYPE", "enhance_prompt")));
    c.value("webhook_url").ifPresent(n -> {
      if (!n.isTextual()) {
        input.add(v("BODY-TYPE", "webhook_url"));
      } else {
        Pattern p = spec.pattern(spec.property("webhook_url")).orElseThrow();
        String s = n.asText();
        if (s.codePointCount(0, s.length()) > spec.maxLength("webhook_url")) {
          input.add(v("WEBHOOK-URL-MAX-LENGTH", "webhook_url"));
        }
        if (!p.matcher(s).find()) {
          input.add(v("WEBHOOK-URL", "webhook_url"));
        }
      }
    });
    List<String> refs = references(c, input, accept);

    // cross-field rules
    boolean hasSize = c.value("size").isPresent();
    boolean hasW = c.value("width").isPresent();
    boolean hasH = c.value("height").isPresent();
    if (hasSize && (hasW || hasH)) {
      input.add(v("SIZE-XOR-DIMS", "size"));
    }
    if (hasW != hasH) {
      input.add(v("DIM-PAIR", hasW ? "height" : "width"));
    }
    Optional<String> character = c.value("character_id").filter(JsonNode::isTextual).map(JsonNode::asText);
    if (character.isPresent() && !refs.isEmpty()) {
      input.add(v("CHAR-XOR-REFS", "character_id"));
    }
    if (!input.isEmpty()) {
      return new Expectation(concat(early, input), List.of());
    }

    // look-ups, only for otherwise valid input
    List<Violation> lookups = new ArrayList<>();
    Optional<String> lora = c.value("lora_id").map(JsonNode::asText);
    boolean loraWithoutRefs = false;
    if (lora.isPresent()) {
      if (is(Fixture.LORA, lora.get())) {
        accept.add("LORA-RESOLVE");
      } else if (is(Fixture.NO_REFS_LORA, lora.get())) {
        accept.add("LORA-RESOLVE");
        loraWithoutRefs = true;
      } else {
        lookups.add(v("LORA-NOT-FOUND", "lora_id"));
      }
    }
    if (character.isPresent()) {
      String id = character.get();
      if (is(Fixture.READY_CHARACTER, id)) {
        accept.add("CHAR-READY");
      } else if (is(Fixture.NOT_READY_CHARACTER, id)) {
        lookups.add(v("CHAR-NOT-READY", "character_id"));
      } else {
        lookups.add(v("CHAR-NOT-FOUND", "character_id"));
      }
    }
    for (int i = 0; i < refs.size(); i++) {
      String r = refs.get(i);
      if (r.startsWith("file_") && !is(Fixture.FILE, r)) {
        lookups.add(v("REF-FILE-EXISTS", "reference_image_urls[" + i + "]"));
      }
    }
    if (loraWithoutRefs && (!refs.isEmpty() || character.isPresent())) {
      lookups.add(v("LORA-MODE", "lora_id"));
    }
    if (!early.isEmpty() || !lookups.isEmpty()) {
      return new Expectation(concat(early, lookups), List.of());
    }
    if (c.value("denoise_strength").isPresent() && refs.isEmpty() && character.isEmpty()) {
      accept.add("DENOISE-IGNORED-T2I");
    }
    accept.add("PRICE-SHAPE");
    accept.addAll(ALWAYS_ON_SUCCESS);
    return new Expectation(List.of(), List.copyOf(accept));
  }

  /**
   * Rules every accepted estimate exercises: a valid request is not refused for balance (402), moderation
   * (prompt_blocked / reference_blocked) or the key's scope (403). Judge blames them by the refusal's status.
   */
  public static final List<String> ALWAYS_ON_SUCCESS =
      List.of("ESTIMATE-NO-BALANCE-CHECK", "ESTIMATE-NO-MODERATION", "AUTH-ANY-SCOPE");

  private void prompt(EstimateCase c, List<Violation> input, List<String> accept) {
    Optional<JsonNode> p = c.value("prompt");
    if (p.isEmpty()) {
      input.add(v("PROMPT-REQUIRED", "prompt"));
      return;
    }
    if (!p.get().isTextual()) {
      input.add(v("BODY-TYPE", "prompt"));
      return;
    }
    String s = p.get().asText();
    int cps = s.codePointCount(0, s.length());
    if (cps < spec.minLength("prompt") || cps > spec.maxLength("prompt")) {
      input.add(v("PROMPT-LENGTH", "prompt"));
    }
    if (jsTrim(s).isEmpty()) {
      input.add(v("PROMPT-NOT-BLANK", "prompt"));
    }
  }

  private void negativePrompt(EstimateCase c, List<Violation> input) {
    c.value("negative_prompt").ifPresent(n -> {
      if (!n.isTextual()) {
        input.add(v("BODY-TYPE", "negative_prompt"));
        return;
      }
      String s = n.asText();
      int cps = s.codePointCount(0, s.length());
      if (cps < spec.minLength("negative_prompt") || cps > spec.maxLength("negative_prompt")) {
        input.add(v("NEG-PROMPT-LENGTH", "negative_prompt"));
      }
    });
  }

  private void numeric(String f, JsonNode n, boolean integer, List<Violation> input, List<String> accept) {
    if (!n.isNumber()) {
      input.add(v("BODY-TYPE", f));
      return;
    }
    BigDecimal d = n.decimalValue();
    boolean whole = d.stripTrailingZeros().scale() <= 0;
    if (integer && !whole) {
      input.add(v("BODY-INTEGER", f));
    } else if (integer && n.isFloatingPointNumber()) {
      add(accept, "BODY-INTEGER");
    }
    if (!spec.range(f).contains(d)) {
      input.add(v(RANGE_RULE.get(f), f));
    } else if ((f.equals("width") || f.equals("height")) && whole
        && d.remainder(BigDecimal.valueOf(spec.snapMultiple())).signum() != 0) {
      add(accept, "DIM-SNAP-32");
    }
  }

  private List<String> references(EstimateCase c, List<Violation> input, List<String> accept) {
    Optional<JsonNode> refs = c.value("reference_image_urls");
    if (refs.isEmpty()) {
      return List.of();
    }
    if (!refs.get().isArray()) {
      input.add(v("BODY-TYPE", "reference_image_urls"));
      return List.of();
    }
    JsonNode arr = refs.get();
    if (arr.isEmpty()) {
      accept.add("REF-EMPTY-IS-NONE");
      return List.of();
    }
    if (arr.size() > spec.maxItems("reference_image_urls")) {
      input.add(v("REF-MAX-ITEMS", "reference_image_urls"));
    }
    JsonNode items = spec.items("reference_image_urls");
    Pattern form = spec.pattern(items).orElseThrow();
    int maxLength = items.path("maxLength").asInt(Integer.MAX_VALUE);
    List<String> out = new ArrayList<>();
    for (int i = 0; i < arr.size(); i++) {
      String at = "reference_image_urls[" + i + "]";
      JsonNode item = arr.get(i);
      if (!item.isTextual()) {
        input.add(v("BODY-TYPE", at, "reference_image_urls"));
        continue;
      }
      String s = item.asText();
      out.add(s);
      if (s.codePointCount(0, s.length()) > maxLength) {
        input.add(v("REF-URL-MAX-LENGTH", at));
      }
      if (!form.matcher(s).find()) {
        input.add(v("REF-ITEM-FORM", at));
        continue;
      }
      if (!s.startsWith("file_")) {
        if (HostClassifier.hasUserInfo(s)) {
          input.add(v("REF-URL-NO-USERINFO", at));
        }
        if (HostClassifier.isBlocked(s)) {
          input.add(v("REF-URL-HOST-BLOCKED", at));
        }
      }
    }
    return out;
  }

  private boolean is(Fixture f, String value) {
    return fixtures.get(f).map(value::equals).orElse(false);
  }

  private Optional<ObjectNode> parseStrict(String raw) {
    try {
      JsonNode n = strict.readTree(raw);
      if (n == null || !n.isObject() || depth(n) > MAX_DEPTH || longNumber(n)) {
        return Optional.empty();
      }
      // trailing content after the object is malformed JSON
      try (var p = strict.getFactory().createParser(raw)) {
        p.readValueAsTree();
        if (p.nextToken() != null) {
          return Optional.empty();
        }
      }
      return Optional.of((ObjectNode) n);
    } catch (Exception e) {
      return Optional.empty();
    }
  }

  private static int depth(JsonNode n) {
    int d = 0;
    for (JsonNode child : n) {
      d = Math.max(d, depth(child));
    }
    return n.isContainerNode() ? d + 1 : 0;
  }

  private static boolean longNumber(JsonNode n) {
    if (n.isNumber()) {
      return n.decimalValue().unscaledValue().abs().toString().length() > MAX_NUMBER_DIGITS;
    }
    for (JsonNode child : n) {
      if (longNumber(child)) {
        return true;
      }
    }
    return false;
  }

  static Optional<LocalDate> calendarDate(String v) {
    if (!SpecDocument.get().versionPattern().matcher(v).matches()) {
      return Optional.empty();
    }
    try {
      return Optional.of(LocalDate.of(Integer.parseInt(v.substring(0, 4)), Integer.parseInt(v.substring(5, 7)),
          Integer.parseInt(v.substring(8, 10))));
    } catch (DateTimeException e) {
      return Optional.empty();
    }
  }

  public static String jsTrim(String s) {
    int start = 0;
    int end = s.length();
    while (start < end && JS_WHITESPACE.indexOf(s.charAt(start)) >= 0) {
      start++;
    }
    while (end > start && JS_WHITESPACE.indexOf(s.charAt(end - 1)) >= 0) {
      end--;
    }
    return s.substring(start, end);
  }

  private static List<Violation> concat(List<Violation> a, List<Violation> b) {
    List<Violation> all = new ArrayList<>(a);
    all.addAll(b);
    return List.copyOf(all);
  }

  private static void add(List<String> list, String id) {
    if (!list.contains(id)) {
      list.add(id);
    }
  }

  private Expectation reject(Violation v) {
    return new Expectation(List.of(v), List.of());
  }

  /** A violation whose param follows the catalog (its literal param, or the given field/index). */
  private Violation v(String ruleId, String... params) {
    var rule = catalog.rule(ruleId);
    Set<String> ps = new LinkedHashSet<>();
    if (rule.param() != null && !rule.param().contains("{")) {
      ps.add(rule.param());
    } else if (rule.param() != null) {
      ps.addAll(List.of(params));
    }
    return new Violation(rule, Set.copyOf(ps));
  }
}
