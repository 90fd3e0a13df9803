package com.aurouslabs.toolkit.conformance.oracle;

import com.aurouslabs.toolkit.conformance.config.Fixture;
import com.aurouslabs.toolkit.conformance.config.Fixtures;
import com.aurouslabs.toolkit.conformance.http.Auth;
import com.aurouslabs.toolkit.conformance.http.EstimateCase;
import com.aurouslabs.toolkit.conformance.spec.Rule;
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
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The oracle: from the rule catalog and the OpenAPI document alone, decides which rule(s) a request breaks and so
 * what any conforming implementation may answer. It never consults the mock.
 *
 * <p>Every property of the request schema is judged from the spec at run time: its type, bounds, lengths, enum,
 * pattern, {@code maxItems} and items; which catalog rule a keyword belongs to is the first rule the property's
 * description cites with a matching kind of code (a constraint no catalog rule names is reported as {@code
 * SPEC:field/keyword}). The rules a schema cannot express are conditions here, named by their catalog ID, each
 * once: PROMPT-NOT-BLANK, SIZE-XOR-DIMS, DIM-PAIR, DIM-SNAP-32, CHAR-XOR-REFS, REF-URL-HOST-BLOCKED,
 * REF-URL-HOST-UNLISTED, REF-URL-NO-USERINFO, the look-ups and LORA-MODE, the route, body size, authentication and version rules.
 *
 * <p>Order: the route, the body size and the key are settled first, in that order, in every reading (a body too
 * large for an unauthenticated request may also be answered for the key: a precedence warning); after them the
 * version, content type, JSON and body rules form one group any of which the answer may name; look-ups follow
 * otherwise valid input, and naming one of them first is a precedence warning (that order is this project's
 * decision).
 *
 * <p>Readings: where the docs leave a choice open ({@link Choice}), {@link #decide} evaluates the request under
 * every combination of the choices that matter for it, so an answer following another reading is recognised.
 */
public final class ExpectedOutcome {

  /** JavaScript String.prototype.trim's set: WhiteSpace + LineTerminator (PROMPT-NOT-BLANK, the decision). */
  private static final String JS_WHITESPACE = " \t\n\u000B\f\r\u00A0\u1680\u2000\u2001\u2002\u2003\u2004\u2005"
      + "\u2006\u2007\u2008\u2009\u200A\u2028\u2029\u202F\u205F\u3000\uFEFF";
  /** Whitespace in every reading (the alternative: only these count). */
  private static final String ASCII_WHITESPACE = " \t\r\n";
  /**
   * The id forms of the catalog's *-ID-FORM rules: a ULID is 26 Crockford base32 characters (upper case), the first
   * 0-7; a LoRA id is lora_ followed by Crockford base32 characters. Another string (lower case included) may be
   * looked up or refused as malformed ({@link Choice#MALFORMED_ID}).
   */
  private static final Pattern ULID = Pattern.compile("[0-7][0-9A-HJKMNP-TV-Z]{25}");
  private static final Pattern LORA_ID = Pattern.compile("lora_[0-9A-HJKMNP-TV-Z]+");
  private static final Pattern UUID = Pattern.compile(
      "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", Pattern.CASE_INSENSITIVE);
  private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(?:-[a-z0-9]+)*");
  private static final int MAX_READINGS = 64;

  private final SpecDocument spec;
  private final RuleCatalog catalog;
  private final Fixtures fixtures;
  private final ObjectMapper strict;
  private final int maxBodyBytes;
  private final int maxDepth;
  private final int maxNumberDigits;

  public ExpectedOutcome(SpecDocument spec, RuleCatalog catalog, Fixtures fixtures) {
    this.spec = spec;
    this.catalog = catalog;
    this.fixtures = fixtures;
    this.strict = new ObjectMapper();
    strict.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    // exact numbers, as JSON Schema judges bounds: 1e400 is not Infinity, 1.00000000000000000001 is not 1.0
    strict.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS, DeserializationFeature.USE_BIG_INTEGER_FOR_INTS);
    strict.setNodeFactory(new JsonNodeFactory(true));
    strict.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
        .maxNumberLength(Integer.MAX_VALUE).maxNestingDepth(Integer.MAX_VALUE).build());
    // the limits the catalog states in prose
    this.maxBodyBytes = number(catalog.rule("BODY-TOO-LARGE").text(), "\\((\\d+) bytes\\)");
    this.maxDepth = number(catalog.rule("BODY-JSON").text(), "deeper than (\\d+) levels");
    this.maxNumberDigits = number(catalog.rule("BODY-JSON").text(), "longer than (\\d+) digits");
  }

  private static int number(String text, String regex) {
    Matcher m = Pattern.compile(regex).matcher(text.replaceAll("\\s+", " "));
    if (!m.find()) {
      throw new IllegalStateException("the catalog no longer states /" + regex + "/ in: " + text);
    }
    return Integer.parseInt(m.group(1));
  }

  /** The body size limit of BODY-TOO-LARGE, in bytes (from the catalog). */
  public int maxBodyBytes() {
    return maxBodyBytes;
  }

  public SpecDocument spec() {
    return spec;
  }

  /** The outcome under the decision and under every alternative reading that changes it (decision first). */
  public Expectation decide(EstimateCase c) {
    List<ReadingOutcome> out = new ArrayList<>();
    Deque<Map<Choice, Integer>> todo = new ArrayDeque<>();
    Set<Map<Choice, Integer>> seen = new HashSet<>();
    todo.add(Map.of());
    seen.add(Map.of());
    while (!todo.isEmpty() && out.size() < MAX_READINGS) {
      Map<Choice, Integer> picks = todo.poll();
      Reading r = new Reading(picks);
      ReadingOutcome o = decide(c, r);
      if (out.stream().noneMatch(x -> x.sameAs(o))) {
        out.add(o);
      }
      for (Choice ch : r.touched()) {
        if (picks.containsKey(ch)) {
          continue;
        }
        for (int k = 1; k < ch.options(); k++) {
          Map<Choice, Integer> next = new EnumMap<>(Choice.class);
          next.putAll(picks);
          next.put(ch, k);
          if (seen.add(next)) {
            todo.add(next);
          }
        }
      }
    }
    return new Expectation(List.copyOf(out));
  }

  /** The outcome under one reading. */
  public ReadingOutcome decide(EstimateCase c, Reading r) {
    List<AcceptRule> accept = new ArrayList<>();
    // route: another path is not found; another method on the estimate path is not allowed
    if (!SpecDocument.PATH.equals(c.path())) {
      return reject(r, List.of(List.of(v("ROUTE-NOT-FOUND"))));
    }
    if ("OPTIONS".equals(c.method())) {
      throw new IllegalArgumentException("OPTIONS (CORS preflight) is outside the oracle: " + c);
    }
    if (!"POST".equals(c.method())) {
      return reject(r, List.of(List.of(v("ROUTE-METHOD-NOT-ALLOWED"))));
    }
    Optional<Violation> auth = authentication(c, r, accept);
    // body size (before the body is read, so before or after authentication)
    if (c.bodyText().getBytes(StandardCharsets.UTF_8).length > maxBodyBytes) {
      List<List<Violation>> stages = new ArrayList<>();
      stages.add(List.of(v("BODY-TOO-LARGE")));
      auth.ifPresent(a -> stages.add(List.of(a)));
      return reject(r, stages);
    }
    // After authentication the catalog leaves the order to the implementation: the version, the content type,
    // the JSON and (when the JSON parses) the body's own rules are alternatives, any one of which the answer may
    // name. BODY-JSON still gates the body rules: no JSON, no fields.
    List<Violation> early = new ArrayList<>();
    version(c, r, early, accept);
    String type = c.contentType() == null ? "" : c.contentType().toLowerCase(Locale.ROOT);
    if (!type.split(";")[0].trim().equals("application/json")) {
      early.add(v("BODY-CONTENT-TYPE"));
    }
    // the body as sent on the wire, read exactly
    ObjectNode body = parseStrict(c.bodyText()).orElse(null);
    if (body == null) {
      early.add(v("BODY-JSON"));
    }
    List<Violation> input = new ArrayList<>();
    List<Violation> lookups = new ArrayList<>();
    if (body != null) {
      if (c.extraHeaders().containsKey("Idempotency-Key")) {
        accept.add(new AcceptRule("IDEMPOTENCY-IGNORED", "Idempotency-Key"));
      }
      new Body(body, r, input, lookups, accept).judge();
    }
    List<List<Violation>> stages = new ArrayList<>();
    if (auth.isPresent()) {
      // the key is settled before anything else is read (the catalog's fixed order, in every reading): a request
      // with a bad key is answered for the key, so a body error never stands in for an authentication failure
      stages.add(List.of(auth.get()));
      return reject(r, stages);
    }
    if (!input.isEmpty()) {
      stages.add(concat(early, input));
      if (!lookups.isEmpty()) {
        stages.add(List.copyOf(lookups));
      }
    } else if (!early.isEmpty() || !lookups.isEmpty()) {
      stages.add(concat(early, lookups));
    }
    if (!stages.isEmpty()) {
      return reject(r, stages);
    }
    accept.add(new AcceptRule("PRICE-SHAPE", null));
    ALWAYS_ON_SUCCESS.forEach(id -> accept.add(new AcceptRule(id, null)));
    return new ReadingOutcome(r.picks(), List.of(), dedupe(accept));
  }

  /**
   * Rules every accepted estimate exercises: a valid request is not refused for balance (402), moderation
   * (prompt_blocked / reference_blocked) or the key's scope (403). The verdict blames them by the refusal.
   */
  public static final List<String> ALWAYS_ON_SUCCESS =
      List.of("ESTIMATE-NO-BALANCE-CHECK", "ESTIMATE-NO-MODERATION", "AUTH-ANY-SCOPE");

  /** X-Api-Key decides when sent and not blank; then Bearer; else no key. */
  private Optional<Violation> authentication(EstimateCase c, Reading r, List<AcceptRule> accept) {
    switch (c.auth()) {
      case NONE -> {
        return Optional.of(v("AUTH-MISSING-KEY"));
      }
      case BLANK_KEY -> {
        return Optional.of(r.alternative(Choice.BLANK_KEY) ? v("AUTH-INVALID-KEY") : v("AUTH-MISSING-KEY"));
      }
      case UNKNOWN_KEY, MALFORMED_KEY -> {
        return Optional.of(v("AUTH-INVALID-KEY"));
      }
      case OTHER_SCHEME -> {
        return Optional.of(r.alternative(Choice.OTHER_SCHEME) ? v("AUTH-INVALID-KEY") : v("AUTH-MISSING-KEY"));
      }
      case REVOKED_KEY -> {
        return Optional.of(v("AUTH-REVOKED-KEY"));
      }
      case BAD_KEY_WINS_OVER_BEARER -> {
        if (r.alternative(Choice.HEADER_PRECEDENCE)) {
          accept.add(new AcceptRule("AUTH-HEADER-PRECEDENCE", null));
          return Optional.empty();
        }
        return Optional.of(v("AUTH-HEADER-PRECEDENCE"));
      }
      case BLANK_KEY_WITH_BEARER -> {
        if (r.alternative(Choice.BLANK_KEY)) {
          // the blank X-Api-Key is a key that was sent, and it decides
          return Optional.of(v("AUTH-HEADER-PRECEDENCE"));
        }
        accept.add(new AcceptRule("AUTH-HEADER-PRECEDENCE", null));
        return Optional.empty();
      }
      case BEARER -> accept.add(new AcceptRule("AUTH-BEARER-ALIAS", null));
      case LEGACY_KEY -> accept.add(new AcceptRule("AUTH-LEGACY-OG-KEY", null));
      case KEY_WINS_OVER_BAD_BEARER -> {
        if (r.alternative(Choice.HEADER_PRECEDENCE)) {
          return Optional.of(v("AUTH-HEADER-PRECEDENCE"));
        }
        accept.add(new AcceptRule("AUTH-HEADER-PRECEDENCE", null));
      }
      case API_KEY -> { }
      default -> throw new IllegalStateException(c.auth().name());
    }
    return Optional.empty();
  }

  private void version(EstimateCase c, Reading r, List<Violation> early, List<AcceptRule> accept) {
    if (c.version().isEmpty()) {
      accept.add(new AcceptRule("VERSION-DEFAULT", null));
      return;
    }
    String ver = c.version().get();
    List<String> versions = spec.versions();
    LocalDate newest = LocalDate.parse(versions.get(versions.size() - 1));
    Optional<LocalDate> date = calendarDate(ver);
    if (date.isEmpty() && spec.versionPattern().matcher(ver).matches() && r.alternative(Choice.CALENDAR_DATE)) {
      // the pattern only, then compared as text with the released versions
      if (ver.compareTo(newest.toString()) > 0) {
        early.add(v("VERSION-UNKNOWN"));
      } else {
        accept.add(new AcceptRule("VERSION-PRIOR-DATE", null));
      }
    } else if (date.isEmpty()) {
      early.add(v("VERSION-PATTERN"));
    } else if (date.get().isAfter(newest)) {
      early.add(v("VERSION-UNKNOWN"));
    } else if (!versions.contains(ver)) {
      accept.add(new AcceptRule("VERSION-PRIOR-DATE", null));
    } else {
      accept.add(new AcceptRule("VERSION-ECHO", null));
    }
  }

  /** The body's rules under one reading: the schema of every property, then the rules a schema cannot say. */
  private final class Body {
    private final ObjectNode body;
    private final Reading r;
    private final List<Violation> input;
    private final List<Violation> lookups;
    private final List<AcceptRule> accept;
    /** Fields whose value passed its schema (cross-field rules and look-ups read only these). */
    private final Set<String> valid = new LinkedHashSet<>();

    Body(ObjectNode body, Reading r, List<Violation> input, List<Violation> lookups, List<AcceptRule> accept) {
      this.body = body;
      this.r = r;
      this.input = input;
      this.lookups = lookups;
      this.accept = accept;
    }

    Optional<JsonNode> value(String f) {
      return Optional.ofNullable(body.get(f)).filter(n -> !n.isNull());
    }

    boolean present(String f) {
      return value(f).isPresent();
    }

    void judge() {
      List<String> fields = spec.requestFields();
      body.fieldNames().forEachRemaining(f -> {
        if (!fields.contains(f) && !spec.additionalPropertiesAllowed()) {
          input.add(v("BODY-UNKNOWN-FIELD", f));
        }
      });
      for (String f : spec.requiredFields()) {
        if (!present(f)) {
          input.add(schemaViolation(f, "required", false, f));
        }
      }
      body.properties().forEach(e -> {
        String f = e.getKey();
        if (!fields.contains(f)) {
          return;
        }
        if (e.getValue().isNull()) {
          if (!spec.requiredFields().contains(f)) {
            if (r.alternative(Choice.NULL_FIELD)) {
              input.add(v("BODY-TYPE", f));
            } else {
              accept.add(new AcceptRule("BODY-NULL-AS-ABSENT", f));
            }
          }
          return;
        }
        int before = input.size();
        property(f, spec.property(f), e.getValue(), f, false);
        if (input.size() == before) {
          valid.add(f);
        }
      });
      semantic();
    }

    /** One value against its schema; violations go to {@code input}, passes to {@code accept}. */
    void property(String field, JsonNode schema, JsonNode value, String param, boolean item) {
      String type = schema.path("type").asText("");
      if (!typeMatches(type, value)) {
        input.add(item ? v("BODY-TYPE", param, field) : v("BODY-TYPE", param));
        return;
      }
      switch (type) {
        case "integer", "number" -> number(field, schema, value, param, type.equals("integer"));
        case "string" -> string(field, schema, value.asText(), param, item);
        case "array" -> array(field, schema, value, param);
        default -> { }
      }
    }

    void number(String field, JsonNode schema, JsonNode value, String param, boolean integer) {
      BigDecimal exact = value.decimalValue();
      double d = exact.doubleValue();
      boolean finite = !Double.isInfinite(d);
      BigDecimal asDouble = finite ? new BigDecimal(d) : null;
      SpecDocument.Range range = new SpecDocument.Range(field, decimal(schema, "minimum"), decimal(schema, "maximum"),
          integer);
      boolean exactWhole = whole(exact);
      boolean doubleWhole = finite && whole(asDouble);
      boolean exactIn = range.contains(exact) && exclusive(schema, exact);
      boolean doubleIn = finite && range.containsDouble(d) && exclusive(schema, asDouble);
      boolean useDouble = (exactWhole != doubleWhole || exactIn != doubleIn) && r.alternative(Choice.PRECISION);
      boolean isWhole = useDouble ? doubleWhole : exactWhole;
      boolean in = useDouble ? doubleIn : exactIn;
      boolean snaps = spec.citedRules(field, false).contains("DIM-SNAP-32");
      if (!in && snaps && snapsIntoRange(exact, range) && r.alternative(Choice.RANGE_BEFORE_SNAP)) {
        in = true;
      }
      boolean fractionAccepted = false;
      if (integer) {
        if (!isWhole) {
          if (r.is(Choice.INTEGER, 1)) {
            fractionAccepted = true;
          } else {
            input.add(v("BODY-INTEGER", param));
          }
        } else if (value.isFloatingPointNumber()) {
          if (r.is(Choice.INTEGER, 2)) {
            input.add(v("BODY-INTEGER", param));
          } else {
            accept.add(new AcceptRule("BODY-INTEGER", field));
          }
        }
      }
      if (schema.has("minimum") || schema.has("maximum")) {
        boolean below = range.min() != null && (useDouble ? d <= range.min().doubleValue()
            : exact.compareTo(range.min()) <= 0);
        String kw = schema.has("minimum") && (below || !schema.has("maximum")) ? "minimum" : "maximum";
        if (in) {
          accept.add(new AcceptRule(rule(field, kw, false).id(), field));
        } else {
          input.add(schemaViolation(field, kw, false, param));
        }
      }
      if (in && (isWhole || fractionAccepted) && snaps
          && exact.remainder(BigDecimal.valueOf(spec.snapMultiple())).signum() != 0) {
        accept.add(new AcceptRule("DIM-SNAP-32", field));
      }
    }

    void string(String field, JsonNode schema, String s, String param, boolean item) {
      int cps = s.codePointCount(0, s.length());
      int units = s.length();
      int min = schema.path("minLength").asInt(0);
      int max = schema.path("maxLength").asInt(Integer.MAX_VALUE);
      boolean cpsOk = cps >= min && cps <= max;
      boolean unitsOk = units >= min && units <= max;
      int length = cpsOk != unitsOk && r.alternative(Choice.LENGTH_UNIT) ? units : cps;
      if (schema.has("minLength") || schema.has("maxLength")) {
        if (length >= min && length <= max) {
          accept.add(new AcceptRule(rule(field, schema.has("maxLength") ? "maxLength" : "minLength", item).id(),
              param));
        } else {
          input.add(schemaViolation(field, length < min ? "minLength" : "maxLength", item, param));
        }
      }
      Optional<Pattern> p = spec.pattern(schema);
      if (p.isPresent()) {
        Rule rule = rule(field, "pattern", item);
        boolean matches = p.get().matcher(s).find();
        if (!matches && rule.id().equals("REF-ITEM-FORM")
            && spec.patternIgnoringCase(schema).orElseThrow().matcher(s).find() && r.alternative(Choice.ID_CASE)) {
          matches = true;
        }
        if (matches) {
          accept.add(new AcceptRule(rule.id(), param));
        } else {
          input.add(schemaViolation(field, "pattern", item, param));
        }
      }
      if (schema.has("enum")) {
        boolean listed = false;
        for (JsonNode e : schema.get("enum")) {
          listed |= e.isTextual() && e.asText().equals(s);
        }
        if (listed) {
          accept.add(new AcceptRule(rule(field, "enum", item).id(), param));
        } else {
          input.add(schemaViolation(field, "enum", item, param));
        }
      }
    }

    void array(String field, JsonNode schema, JsonNode arr, String param) {
      if (schema.has("maxItems") || schema.has("minItems")) {
        int max = schema.path("maxItems").asInt(Integer.MAX_VALUE);
        int min = schema.path("minItems").asInt(0);
        if (arr.size() > max || arr.size() < min) {
          input.add(schemaViolation(field, arr.size() > max ? "maxItems" : "minItems", false, param));
        } else {
          accept.add(new AcceptRule(rule(field, schema.has("maxItems") ? "maxItems" : "minItems", false).id(), field));
        }
      }
      JsonNode items = spec.items(field);
      for (int i = 0; i < arr.size(); i++) {
        property(field, items, arr.get(i), field + "[" + i + "]", true);
      }
    }

    /** The rules a schema cannot express. */
    void semantic() {
      prompt();
      negativePrompt();
      List<String> refs = references();
      boolean hasSize = present("size");
      boolean hasW = present("width");
      boolean hasH = present("height");
      if (hasSize && (hasW || hasH)) {
        input.add(v("SIZE-XOR-DIMS", "size"));
      }
      if (hasW != hasH) {
        input.add(v("DIM-PAIR", hasW ? "height" : "width"));
      }
      Optional<String> character = value("character_id").filter(JsonNode::isTextual).map(JsonNode::asText);
      if (character.isPresent() && !refs.isEmpty()) {
        input.add(v("CHAR-XOR-REFS", "character_id"));
      }
      boolean t2i = refs.isEmpty() && character.isEmpty();
      if (t2i && present("denoise_strength")) {
        boolean outOfRange = input.removeIf(x -> x.ruleId().equals("DENOISE-RANGE") && r.alternative(Choice.T2I_DENOISE));
        if (outOfRange || valid.contains("denoise_strength")) {
          accept.add(new AcceptRule("DENOISE-IGNORED-T2I", "denoise_strength"));
        }
      }
      lookups(character, refs);
    }

    void prompt() {
      value("prompt").filter(JsonNode::isTextual).ifPresent(p -> {
        String s = p.asText();
        boolean jsBlank = trim(s, JS_WHITESPACE).isEmpty();
        boolean asciiBlank = trim(s, ASCII_WHITESPACE).isEmpty();
        boolean blank = jsBlank == asciiBlank ? jsBlank : r.alternative(Choice.WHITESPACE) ? asciiBlank : jsBlank;
        if (blank) {
          input.add(v("PROMPT-NOT-BLANK", "prompt"));
        } else {
          accept.add(new AcceptRule("PROMPT-NOT-BLANK", "prompt"));
        }
      });
    }

    void negativePrompt() {
      value("negative_prompt").filter(JsonNode::isTextual).ifPresent(n -> {
        if (valid.contains("negative_prompt") && trim(n.asText(), JS_WHITESPACE).isEmpty()
            && r.alternative(Choice.NEGATIVE_BLANK)) {
          input.add(v("NEG-PROMPT-LENGTH", "negative_prompt"));
        }
      });
    }

    /** Reference entries that are well-formed (for look-ups and exclusivity); SSRF host rules on URLs. */
    List<String> references() {
      Optional<JsonNode> refs = value("reference_image_urls");
      if (refs.isEmpty() || !refs.get().isArray()) {
        return List.of();
      }
      JsonNode arr = refs.get();
      if (arr.isEmpty()) {
        accept.add(new AcceptRule("REF-EMPTY-IS-NONE", "reference_image_urls"));
        return List.of();
      }
      List<String> out = new ArrayList<>();
      for (int i = 0; i < arr.size(); i++) {
        String at = "reference_image_urls[" + i + "]";
        JsonNode item = arr.get(i);
        if (!item.isTextual()) {
          continue;
        }
        String s = item.asText();
        out.add(s);
        boolean formOk = input.stream().noneMatch(x -> x.ruleId().equals("REF-ITEM-FORM") && x.params().contains(at));
        if (!formOk || s.regionMatches(true, 0, "file_", 0, 5)) {
          continue;
        }
        if (HostClassifier.hasUserInfo(s)) {
          input.add(v("REF-URL-NO-USERINFO", at));
        } else {
          accept.add(new AcceptRule("REF-URL-NO-USERINFO", at));
        }
        HostClassifier.Listing host = HostClassifier.listing(s);
        if (host == HostClassifier.Listing.LISTED) {
          input.add(v("REF-URL-HOST-BLOCKED", at));
        } else {
          accept.add(new AcceptRule("REF-URL-HOST-BLOCKED", at));
        }
        if (host == HostClassifier.Listing.UNLISTED) {
          if (r.alternative(Choice.UNLISTED_HOST)) {
            accept.add(new AcceptRule("REF-URL-HOST-UNLISTED", at));
          } else {
            input.add(v("REF-URL-HOST-UNLISTED", at));
          }
        }
      }
      return out;
    }

    /** Look-ups (character, files, LoRA), only for values that passed their schema. */
    void lookups(Optional<String> character, List<String> refs) {
      boolean loraWithoutRefs = false;
      if (valid.contains("lora_id")) {
        String lora = value("lora_id").orElseThrow().asText();
        if (is(Fixture.LORA, lora, false)) {
          accept.add(new AcceptRule("LORA-RESOLVE", "lora_id"));
        } else if (is(Fixture.NO_REFS_LORA, lora, false)) {
          accept.add(new AcceptRule("LORA-RESOLVE", "lora_id"));
          loraWithoutRefs = true;
        } else {
          notFound("LORA-NOT-FOUND", "LORA-ID-FORM", "lora_id", wellFormedLora(lora));
        }
      }
      if (character.isPresent() && valid.contains("character_id")) {
        String id = character.get();
        if (is(Fixture.READY_CHARACTER, id, false)) {
          accept.add(new AcceptRule("CHAR-READY", "character_id"));
        } else if (is(Fixture.NOT_READY_CHARACTER, id, false)) {
          lookups.add(v("CHAR-NOT-READY", "character_id"));
        } else {
          notFound("CHAR-NOT-FOUND", "CHAR-ID-FORM", "character_id", wellFormedId(id, "char_"));
        }
      }
      for (int i = 0; i < refs.size(); i++) {
        String ref = refs.get(i);
        String at = "reference_image_urls[" + i + "]";
        boolean formOk = input.stream().noneMatch(x -> x.params().contains(at));
        if (!formOk || !ref.regionMatches(true, 0, "file_", 0, 5)) {
          continue;
        }
        if (is(Fixture.FILE, ref, true)) {
          accept.add(new AcceptRule("REF-FILE-EXISTS", at));
        } else {
          notFound("REF-FILE-EXISTS", "REF-FILE-ID-FORM", at, wellFormedId(ref, "file_"));
        }
      }
      if (loraWithoutRefs && (!refs.isEmpty() || character.isPresent())) {
        lookups.add(v("LORA-MODE", "lora_id"));
      }
    }

    /**
     * An id no fixture knows: looked up and not found ({@code notFoundRule}). One that is not of its id form is
     * also a case of {@code formRule} (an inferred rule): in the decision it is looked up like any id, so both
     * rules expect the same 404; in the catalog's alternative reading it is refused before any look-up with the
     * alternative's outcome (400), and the look-up rule still refuses it later (accepting it breaks both readings).
     */
    void notFound(String notFoundRule, String formRule, String param, boolean wellFormed) {
      Violation nf = v(notFoundRule, param);
      if (wellFormed) {
        lookups.add(nf);
        return;
      }
      Violation form = v(formRule, param);
      if (r.alternative(Choice.MALFORMED_ID)) {
        input.add(form.asCatalogAlternative());
      } else {
        lookups.add(form);
      }
      lookups.add(nf);
    }

    /** The fixture's value; ignoring case only in the reading that ids are case-insensitive. */
    boolean is(Fixture f, String value, boolean ignoringCase) {
      return fixtures.all(f).stream().anyMatch(x -> x.equals(value)
          || (ignoringCase && x.equalsIgnoreCase(value) && r.alternative(Choice.ID_CASE)));
    }
  }

  private static boolean wellFormedId(String id, String prefix) {
    return (id.startsWith(prefix) && ULID.matcher(id.substring(prefix.length())).matches())
        || UUID.matcher(id).matches();
  }

  private static boolean wellFormedLora(String id) {
    return LORA_ID.matcher(id).matches() || UUID.matcher(id).matches() || SLUG.matcher(id).matches();
  }

  private static boolean typeMatches(String type, JsonNode value) {
    return switch (type) {
      case "string" -> value.isTextual();
      case "integer", "number" -> value.isNumber();
      case "boolean" -> value.isBoolean();
      case "array" -> value.isArray();
      case "object" -> value.isObject();
      default -> true;
    };
  }

  /** Whether a nearest multiple of the snapping grid (either one, for a tie) lies in the range. */
  private boolean snapsIntoRange(BigDecimal v, SpecDocument.Range range) {
    BigDecimal g = BigDecimal.valueOf(spec.snapMultiple());
    BigDecimal down = v.divide(g, 0, java.math.RoundingMode.FLOOR).multiply(g);
    BigDecimal up = down.add(g);
    int cmp = v.subtract(down).compareTo(up.subtract(v));
    return (cmp <= 0 && range.contains(down)) || (cmp >= 0 && range.contains(up));
  }

  private static BigDecimal decimal(JsonNode schema, String kw) {
    return schema.has(kw) && schema.get(kw).isNumber() ? schema.get(kw).decimalValue() : null;
  }

  /** OpenAPI 3.0 boolean exclusiveMinimum/exclusiveMaximum. */
  private static boolean exclusive(JsonNode schema, BigDecimal v) {
    if (schema.path("exclusiveMinimum").asBoolean(false) && schema.has("minimum")
        && v.compareTo(schema.get("minimum").decimalValue()) == 0) {
      return false;
    }
    return !(schema.path("exclusiveMaximum").asBoolean(false) && schema.has("maximum")
        && v.compareTo(schema.get("maximum").decimalValue()) == 0);
  }

  private static boolean whole(BigDecimal d) {
    return d.signum() == 0 || d.stripTrailingZeros().scale() <= 0;
  }

  /** The code a schema keyword's violation calls for. */
  static String codeFor(String keyword) {
    return switch (keyword) {
      case "required" -> "missing_field";
      case "pattern", "enum", "format" -> "invalid_format";
      default -> "value_out_of_range";
    };
  }

  /**
   * The catalog rule of a schema keyword on a property: the first rule the property's description cites whose
   * code is the keyword's kind and whose param is item-level exactly when the value is an array item; else the
   * spec constraint itself ({@code SPEC:field/keyword}).
   */
  Rule rule(String field, String keyword, boolean item) {
    String code = codeFor(keyword);
    for (String id : spec.citedRules(field, item)) {
      if (!catalog.contains(id)) {
        continue;
      }
      Rule rule = catalog.rule(id);
      boolean itemParam = rule.param() != null && rule.param().contains("[");
      if (code.equals(rule.code()) && itemParam == item && rule.param() != null) {
        return rule;
      }
    }
    return catalog.schemaRule(item ? field + "[]" : field, keyword, code);
  }

  /** The rule ID of a schema keyword on a property (e.g. steps, maximum -> STEPS-RANGE). */
  public String ruleId(String field, String keyword) {
    return rule(field, keyword, false).id();
  }

  private Violation schemaViolation(String field, String keyword, boolean item, String param) {
    return violation(rule(field, keyword, item), item ? new String[] {param, field} : new String[] {param});
  }

  private static List<AcceptRule> dedupe(List<AcceptRule> in) {
    return List.copyOf(new LinkedHashSet<>(in));
  }

  private Optional<ObjectNode> parseStrict(String raw) {
    try {
      JsonNode n = strict.readTree(raw);
      if (n == null || !n.isObject() || depth(n) > maxDepth || longNumber(n)) {
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

  private boolean longNumber(JsonNode n) {
    if (n.isNumber()) {
      return n.decimalValue().unscaledValue().abs().toString().length() > maxNumberDigits;
    }
    for (JsonNode child : n) {
      if (longNumber(child)) {
        return true;
      }
    }
    return false;
  }

  private Optional<LocalDate> calendarDate(String v) {
    if (!spec.versionPattern().matcher(v).matches()) {
      return Optional.empty();
    }
    try {
      return Optional.of(LocalDate.of(Integer.parseInt(v.substring(0, 4)), Integer.parseInt(v.substring(5, 7)),
          Integer.parseInt(v.substring(8, 10))));
    } catch (DateTimeException | IndexOutOfBoundsException | NumberFormatException e) {
      return Optional.empty();
    }
  }

  /** {@code s} without leading and trailing characters of {@code set}. */
  static String trim(String s, String set) {
    int start = 0;
    int end = s.length();
    while (start < end && set.indexOf(s.charAt(start)) >= 0) {
      start++;
    }
    while (end > start && set.indexOf(s.charAt(end - 1)) >= 0) {
      end--;
    }
    return s.substring(start, end);
  }

  /** JavaScript's String.prototype.trim (the decision for PROMPT-NOT-BLANK). */
  public static String jsTrim(String s) {
    return trim(s, JS_WHITESPACE);
  }

  /** Only ASCII whitespace trimmed (the alternative reading of PROMPT-NOT-BLANK). */
  public static String asciiTrim(String s) {
    return trim(s, ASCII_WHITESPACE);
  }

  private static List<Violation> concat(List<Violation> a, List<Violation> b) {
    List<Violation> all = new ArrayList<>(a);
    all.addAll(b);
    return List.copyOf(all);
  }

  private static ReadingOutcome reject(Reading r, List<List<Violation>> stages) {
    return new ReadingOutcome(r.picks(), stages.stream().map(List::copyOf).toList(), List.of());
  }

  /** A violation whose param follows the catalog (its literal param, or the given field/index). */
  private Violation v(String ruleId, String... params) {
    return violation(catalog.rule(ruleId), params);
  }

  private static Violation violation(Rule rule, String... params) {
    Set<String> ps = new LinkedHashSet<>();
    if (rule.param() != null && !rule.param().contains("{")) {
      ps.add(rule.param());
    } else if (rule.param() != null) {
      ps.addAll(List.of(params));
    }
    return Violation.of(rule, Set.copyOf(ps));
  }
}
