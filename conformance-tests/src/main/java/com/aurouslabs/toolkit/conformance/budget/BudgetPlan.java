package com.aurouslabs.toolkit.conformance.budget;

import com.aurouslabs.toolkit.conformance.config.Fixture;
import com.aurouslabs.toolkit.conformance.config.Fixtures;
import com.aurouslabs.toolkit.conformance.http.Auth;
import com.aurouslabs.toolkit.conformance.http.EstimateCase;
import com.aurouslabs.toolkit.conformance.oracle.ExpectedOutcome;
import com.aurouslabs.toolkit.conformance.spec.SpecDocument;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The fixed plan of budget mode: boundary-first cases for every rule (fields and bounds from the spec), one case per
 * SSRF host class, then a pairwise covering set over the request's main factors, for the pricing invariants.
 * Deterministic, so its size is known before the first request.
 */
public final class BudgetPlan {

  /** A planned request and the rule it is there for. */
  public record Step(String rule, EstimateCase request, String factors) {}

  /** One host of each class REF-URL-HOST-BLOCKED names (each its own request, so no class hides another). */
  static final List<String> BLOCKED_HOST_CLASSES = List.of("127.0.0.1", "[::1]", "localhost", "foo.localhost",
      "10.0.0.7", "172.16.5.4", "192.168.1.10", "2130706433", "0x7f.0.0.1", "0177.0.0.1", "127.1",
      "[::ffff:127.0.0.1]", "[fd00::1]", "[fe80::1]", "169.254.169.254", "[fd00:ec2::254]", "metadata.google.internal",
      "metadata.aws.com", "224.0.0.1", "%31%30.0.0.1");

  /** One host of each class REF-URL-HOST-UNLISTED names (outside the vendor's list; accepting one warns). */
  static final List<String> UNLISTED_HOST_CLASSES = List.of("100.100.100.200", "168.63.129.16", "instance-data",
      "0.0.0.0", "100.64.0.1", "service.internal", "intranet", "[fec0::1]");

  private BudgetPlan() {}

  static EstimateCase p() {
    return EstimateCase.prompt("A golden sunset over mountains");
  }

  public static List<Step> boundaries(Fixtures fx, SpecDocument spec, ExpectedOutcome oracle) {
    List<Step> s = new ArrayList<>();
    List<String> dims = spec.fieldsCiting("DIM-PAIR");
    String size = spec.fieldsCiting("SIZE-ENUM").get(0);
    String w = dims.get(0);
    String h = dims.get(1);
    long wMin = spec.range(w).minLong();
    long wMax = spec.range(w).maxLong();
    for (String dim : dims) {
      String other = dim.equals(w) ? h : w;
      for (Object v : List.of(wMin - 1, wMin, wMax, wMax + 1)) {
        s.add(new Step("DIM-RANGE", p().with(dim, v).with(other, wMin), dim + "=" + v));
      }
    }
    // every other bounded number property of the spec, at and just past its bounds
    for (String f : spec.requestFields()) {
      String type = spec.type(f);
      if (dims.contains(f) || !(type.equals("integer") || type.equals("number")) || !spec.bounded(f)) {
        continue;
      }
      SpecDocument.Range r = spec.range(f);
      String rule = oracle.ruleId(f, r.max() != null ? "maximum" : "minimum");
      List<Object> values = new ArrayList<>();
      if (r.min() != null) {
        values.add(r.integer() ? (Object) r.min().subtract(BigDecimal.ONE).toBigInteger() : r.min().subtract(new BigDecimal("0.01")));
        values.add(r.min());
      }
      if (r.max() != null) {
        values.add(r.max());
        values.add(r.integer() ? (Object) r.max().add(BigDecimal.ONE).toBigInteger() : r.max().add(new BigDecimal("0.01")));
      }
      for (Object v : values) {
        s.add(new Step(rule, p().with(f, v), f + "=" + v));
      }
    }
    String steps = spec.fieldsCiting("STEPS-RANGE").get(0);
    String count = spec.fieldsCiting("COUNT-RANGE").get(0);
    s.add(new Step("BODY-INTEGER", p().with(steps, new BigDecimal("30.0")), "steps=30.0"));
    s.add(new Step("BODY-INTEGER", p().with(count, new BigDecimal("1.5")), "count=1.5"));
    s.add(new Step("CFG-RESCALE-RANGE", p().rawBody("{\"prompt\":\"a lake\",\"cfg_rescale\":1.00000000000000000001}",
        "application/json"), "cfg_rescale a hair above 1 (1.0 to a double parser)"));
    int max = spec.maxLength("prompt");
    s.add(new Step("PROMPT-REQUIRED", p().without("prompt"), "no prompt"));
    s.add(new Step("PROMPT-LENGTH", p().with("prompt", ""), "empty"));
    s.add(new Step("PROMPT-LENGTH", p().with("prompt", "\uD83C\uDF05".repeat(max)), "max astral"));
    s.add(new Step("PROMPT-LENGTH", p().with("prompt", "a".repeat(max + 1)), "max+1"));
    s.add(new Step("PROMPT-NOT-BLANK", p().with("prompt", "  \t\n "), "blank (ASCII whitespace)"));
    s.add(new Step("PROMPT-NOT-BLANK", p().with("prompt", " \u3000\n\u00A0"), "blank (Unicode whitespace)"));
    s.add(new Step("NEG-PROMPT-LENGTH", p().with("negative_prompt", ""), "neg empty"));
    s.add(new Step("NEG-PROMPT-LENGTH", p().with("negative_prompt", "   "), "neg blank"));
    s.add(new Step("NEG-PROMPT-LENGTH", p().with("negative_prompt", "n".repeat(spec.maxLength("negative_prompt") + 1)),
        "neg max+1"));
    s.add(new Step("SIZE-ENUM", p().with(size, spec.enumValues(size).get(0)), "preset"));
    s.add(new Step("SIZE-ENUM", p().with(size, "hd_square"), "old name"));
    s.add(new Step("SIZE-XOR-DIMS", p().with(size, spec.enumValues(size).get(0)).with(w, wMin).with(h, wMin),
        "size+dims"));
    s.add(new Step("SIZE-XOR-DIMS", p().with(size, spec.enumValues(size).get(0)).with(w, wMin), "size+width"));
    s.add(new Step("DIM-PAIR", p().with(w, wMin), "lone width"));
    s.add(new Step("DIM-PAIR", p().with(h, wMax), "lone height"));
    int grid = spec.snapMultiple();
    s.add(new Step("DIM-SNAP-32", p().with(w, wMin + 1).with(h, wMin + grid / 2), "non-multiple, tie"));
    s.add(new Step("DIM-SNAP-32", p().with(w, wMax - 1).with(h, wMin + grid + grid / 2 - 1), "non-multiples"));
    s.add(new Step("BODY-INTEGER", p().with(w, new BigDecimal(wMin).setScale(1)).with(h, wMin), "width=1024.0"));
    s.add(new Step("BODY-INTEGER", p().with(w, new BigDecimal(wMin).add(new BigDecimal("0.5"))).with(h, wMin),
        "width=1024.5"));
    // references
    int maxItems = spec.maxItems("reference_image_urls");
    int maxLen = spec.items("reference_image_urls").path("maxLength").asInt();
    String u = "https://example.com/";
    s.add(new Step("REF-EMPTY-IS-NONE", p().with("reference_image_urls", List.of()), "[]"));
    s.add(new Step("REF-MAX-ITEMS", p().with("reference_image_urls", urls(maxItems)), "max items"));
    s.add(new Step("REF-MAX-ITEMS", p().with("reference_image_urls", urls(maxItems + 1)), "max+1 items"));
    for (String bad : List.of("http://example.com/a.png", "data:image/png;base64,iVBORw0KGgo=", "ftp://example.com/a.png",
        "example.com/a.png")) {
      s.add(new Step("REF-ITEM-FORM", p().with("reference_image_urls", List.of(bad)), bad));
    }
    s.add(new Step("REF-URL-MAX-LENGTH", p().with("reference_image_urls", List.of(u + "a".repeat(maxLen - u.length()))),
        "url max"));
    s.add(new Step("REF-URL-MAX-LENGTH", p().with("reference_image_urls",
        List.of(u + "a".repeat(maxLen + 1 - u.length()))), "url max+1"));
    for (String host : BLOCKED_HOST_CLASSES) {
      s.add(new Step("REF-URL-HOST-BLOCKED", p().with("reference_image_urls", List.of("https://" + host + "/a.png")),
          host));
    }
    for (String host : UNLISTED_HOST_CLASSES) {
      s.add(new Step("REF-URL-HOST-UNLISTED", p().with("reference_image_urls", List.of("https://" + host + "/a.png")),
          host));
    }
    s.add(new Step("REF-URL-HOST-BLOCKED", p().with("reference_image_urls", List.of("https://192.169.0.1/a.png")),
        "public host that looks private"));
    s.add(new Step("REF-URL-NO-USERINFO", p().with("reference_image_urls", List.of("https://u:p@example.com/a.png")),
        "userinfo"));
    s.add(new Step("REF-FILE-EXISTS", p().with("reference_image_urls", List.of("file_01JZZZZZZZZZZZZZZZZZZZZZZZ")),
        "unknown file (valid ULID)"));
    s.add(new Step("REF-FILE-ID-FORM", p().with("reference_image_urls", List.of("file_ZZZZZZZZZZZZZZZZZZZZZZZZZZ")),
        "malformed file id (not a ULID)"));
    fx.get(Fixture.FILE).ifPresent(f -> s.add(new Step("REF-FILE-EXISTS", p().with("reference_image_urls", List.of(f)),
        "team file")));
    for (String f : fx.all(Fixture.UNUSABLE_FILE)) {
      s.add(new Step("REF-FILE-EXISTS", p().with("reference_image_urls", List.of(f)), "unusable file " + f));
    }
    // characters
    fx.all(Fixture.READY_CHARACTER).forEach(c -> s.add(new Step("CHAR-READY", p().with("character_id", c), "ready " + c)));
    fx.get(Fixture.READY_CHARACTER).ifPresent(c -> {
      s.add(new Step("CHAR-XOR-REFS", p().with("character_id", c).with("reference_image_urls", urls(1)), "char+refs"));
      s.add(new Step("REF-EMPTY-IS-NONE", p().with("character_id", c).with("reference_image_urls", List.of()),
          "char+[]"));
    });
    s.add(new Step("CHAR-XOR-REFS", p().with("character_id", "char_01JZZZZZZZZZZZZZZZZZZZZZZZ")
        .with("reference_image_urls", urls(1)), "unknown char+refs"));
    fx.all(Fixture.NOT_READY_CHARACTER).forEach(c -> s.add(new Step("CHAR-NOT-READY", p().with("character_id", c),
        "not ready " + c)));
    fx.get(Fixture.FOREIGN_CHARACTER).ifPresent(c -> s.add(new Step("CHAR-NOT-FOUND", p().with("character_id", c),
        "foreign character")));
    s.add(new Step("CHAR-NOT-FOUND", p().with("character_id", "char_01JZZZZZZZZZZZZZZZZZZZZZZZ"), "unknown character"));
    s.add(new Step("CHAR-ID-FORM", p().with("character_id", "char_ZZZ"), "malformed character id"));
    // LoRAs
    fx.all(Fixture.LORA).forEach(l -> s.add(new Step("LORA-RESOLVE", p().with("lora_id", l), "lora " + l)));
    s.add(new Step("LORA-NOT-FOUND", p().with("lora_id", "lora_01JZZZZZZZZZZZZZZZZZZZZZZZ"), "unknown lora"));
    s.add(new Step("LORA-ID-FORM", p().with("lora_id", "Not a LoRA id!"), "malformed lora id"));
    fx.all(Fixture.UNUSABLE_LORA).forEach(l -> s.add(new Step("LORA-NOT-FOUND", p().with("lora_id", l),
        "unusable lora " + l)));
    fx.get(Fixture.NO_REFS_LORA).ifPresent(l -> s.add(new Step("LORA-MODE",
        p().with("lora_id", l).with("reference_image_urls", urls(1)), "no-refs lora + refs")));
    // auth
    for (Auth a : Auth.values()) {
      if ((a == Auth.REVOKED_KEY && !fx.has(Fixture.REVOKED_KEY)) || (a == Auth.LEGACY_KEY && !fx.has(Fixture.LEGACY_KEY))) {
        continue;
      }
      s.add(new Step(switch (a) {
        case NONE, BLANK_KEY -> "AUTH-MISSING-KEY";
        case UNKNOWN_KEY, MALFORMED_KEY -> "AUTH-INVALID-KEY";
        case REVOKED_KEY -> "AUTH-REVOKED-KEY";
        case BEARER -> "AUTH-BEARER-ALIAS";
        case LEGACY_KEY -> "AUTH-LEGACY-OG-KEY";
        case KEY_WINS_OVER_BAD_BEARER, BAD_KEY_WINS_OVER_BEARER, BLANK_KEY_WITH_BEARER, OTHER_SCHEME -> "AUTH-HEADER-PRECEDENCE";
        default -> "VERSION-DEFAULT";
      }, p().auth(a), a.name()));
    }
    // versions
    List<String> released = spec.versions();
    String newest = released.get(released.size() - 1);
    s.add(new Step("VERSION-ECHO", p().version(newest), "released"));
    s.add(new Step("VERSION-PRIOR-DATE", p().version("2025-01-01"), "prior"));
    s.add(new Step("VERSION-UNKNOWN", p().version(java.time.LocalDate.parse(newest).plusDays(1).toString()), "day after"));
    s.add(new Step("VERSION-PATTERN", p().version("2026-02-30"), "not a date"));
    s.add(new Step("VERSION-PATTERN", p().version("latest"), "off pattern"));
    // body and transport
    s.add(new Step("BODY-UNKNOWN-FIELD", p().with("style", "anime"), "unknown field"));
    s.add(new Step("BODY-TYPE", p().with(steps, "30"), "string for integer"));
    s.add(new Step("BODY-NULL-AS-ABSENT", p().withNull("negative_prompt").withNull("seed"), "nulls"));
    s.add(new Step("BODY-JSON", p().rawBody("{\"prompt\":\"a\"", "application/json"), "truncated"));
    s.add(new Step("BODY-JSON", p().rawBody("{\"prompt\":\"a\",\"prompt\":\"b\"}", "application/json"), "duplicate key"));
    s.add(new Step("BODY-CONTENT-TYPE", p().contentType("text/plain"), "text/plain"));
    s.add(new Step("ROUTE-NOT-FOUND", p().route("POST", "/v1/images/estimates"), "other path"));
    s.add(new Step("ROUTE-METHOD-NOT-ALLOWED", p().route("GET", SpecDocument.PATH), "GET on the estimate path"));
    s.add(new Step("IDEMPOTENCY-IGNORED", p().header("Idempotency-Key", "budget-1"), "idempotency key"));
    s.add(new Step("WEBHOOK-URL", p().with("webhook_url", "http://example.com/hook"), "http webhook"));
    s.add(new Step("WEBHOOK-URL", p().with("webhook_url", "https://example.com/hook"), "https webhook"));
    int hookMax = spec.maxLength("webhook_url");
    s.add(new Step("WEBHOOK-URL-MAX-LENGTH", p().with("webhook_url", "https://example.com/" + "h".repeat(hookMax - 19)),
        "webhook one character over the limit"));
    s.add(new Step("DENOISE-RANGE", p().with("denoise_strength", new BigDecimal("1.5")).with("reference_image_urls",
        urls(1)), "denoise 1.5 with references"));
    s.add(new Step("DENOISE-IGNORED-T2I", p().with("denoise_strength", new BigDecimal("0.6")), "denoise on t2i"));
    s.add(new Step("BODY-TOO-LARGE", p().with("negative_prompt", "x".repeat(oracle.maxBodyBytes() + 1)),
        "body over the limit"));
    // several invalid fields at once
    s.add(new Step(oracle.ruleId(steps, "maximum"), p().with(steps, 0).with(count, 9).with(size, "hd_square"),
        "3 invalid"));
    s.add(new Step("DIM-PAIR", p().with(w, 99).with("prompt", " "), "2 invalid"));
    return s;
  }

  /** The character, LoRA or file id a step sends (for comparing answers that may quote it). */
  static String idOf(Step s) {
    var body = s.request().body();
    for (String f : List.of("character_id", "lora_id")) {
      if (body.path(f).isTextual()) {
        return body.get(f).asText();
      }
    }
    var refs = body.path("reference_image_urls");
    return refs.isArray() && refs.size() > 0 ? refs.get(0).asText() : "";
  }

  static List<Object> urls(int n) {
    List<Object> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add("https://example.com/ref" + i + ".png");
    }
    return out;
  }

  /** Pairwise (all pairs of levels of any two factors) over size mode, character, references, enhance, count. */
  public static List<Step> pairwise(Fixtures fx, SpecDocument spec) {
    List<String> dims = spec.fieldsCiting("DIM-PAIR");
    String size = spec.fieldsCiting("SIZE-ENUM").get(0);
    List<String> presets = spec.enumValues(size);
    List<List<Object>> levels = new ArrayList<>();
    levels.add(List.of("none", "preset", "dims"));
    levels.add(fx.has(Fixture.READY_CHARACTER) ? List.of("none", "ready") : List.of("none"));
    levels.add(fx.has(Fixture.FILE) ? List.of("none", "file", "url") : List.of("none", "url"));
    levels.add(List.of(false, true));
    levels.add(List.of(1, (int) spec.range(spec.fieldsCiting("COUNT-RANGE").get(0)).maxLong()));
    List<Step> out = new ArrayList<>();
    for (List<Object> row : Pairwise.cover(levels)) {
      EstimateCase c = p().with("enhance_prompt", row.get(3)).with("count", row.get(4));
      switch ((String) row.get(0)) {
        case "preset" -> c = c.with(size, presets.get(presets.size() - 1));
        case "dims" -> c = c.with(dims.get(0), 2050).with(dims.get(1), 1100);
        default -> { }
      }
      if (row.get(1).equals("ready")) {
        c = c.with("character_id", fx.require(Fixture.READY_CHARACTER));
      }
      if (row.get(2).equals("file")) {
        c = c.with("reference_image_urls", List.of(fx.require(Fixture.FILE)));
      } else if (row.get(2).equals("url")) {
        c = c.with("reference_image_urls", urls(2));
      }
      out.add(new Step("PRICE-SUM", c, row.toString()));
    }
    return out;
  }
}
