package com.aurouslabs.toolkit.client;

import static com.aurouslabs.toolkit.client.Fixtures.API_KEY;
import static com.aurouslabs.toolkit.client.Fixtures.PATH;
import static com.aurouslabs.toolkit.client.Fixtures.SECRET;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.aurouslabs.toolkit.client.generated.model.EstimateRequest;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The key is in no exception message, no cause's message, no toString and no printed stack trace: causes that
 * quote it are replaced by scrubbed stand-ins, and error-body excerpts are masked before they are cut.
 */
class ExceptionRedactionTest {

  @RegisterExtension
  static WireMockExtension wm = Fixtures.wireMock();

  private static AurousException call(ResponseDefinitionBuilder answer, Duration readTimeout) {
    wm.stubFor(post(urlEqualTo(PATH)).willReturn(answer));
    try (AurousClient client = new AurousClient(Fixtures.options(wm, new Fixtures.RecordingSleeper())
        .readTimeout(readTimeout).maxRetries(0).build())) {
      return catchThrowableOfType(AurousException.class,
          () -> client.estimate(new EstimateRequest().prompt("p")));
    }
  }

  /** Messages and toString of the exception, its causes and suppressed exceptions, plus printStackTrace. */
  private static List<String> exposed(Throwable root) {
    List<String> out = new ArrayList<>();
    collect(root, out, Collections.newSetFromMap(new IdentityHashMap<>()));
    StringWriter trace = new StringWriter();
    root.printStackTrace(new PrintWriter(trace, true));
    out.add(trace.toString());
    return out;
  }

  private static void collect(Throwable t, List<String> out, Set<Throwable> seen) {
    if (t == null || !seen.add(t)) {
      return;
    }
    out.add(String.valueOf(t.getMessage()));
    out.add(String.valueOf(t.getLocalizedMessage()));
    out.add(t.toString());
    collect(t.getCause(), out, seen);
    for (Throwable s : t.getSuppressed()) {
      collect(s, out, seen);
    }
  }

  private static List<Throwable> chain(Throwable root) {
    List<Throwable> out = new ArrayList<>();
    for (Throwable t = root; t != null && !out.contains(t); t = t.getCause()) {
      out.add(t);
    }
    return out;
  }

  @Test
  void an_undecodable_200_echoing_the_key_leaves_it_in_no_message_cause_or_stack_trace() {
    AurousException e = call(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
        .withBody(API_KEY + " is not a JSON document"), Duration.ofSeconds(5));

    assertThat(e).isNotNull().isNotInstanceOf(AurousServiceException.class);
    assertThat(e.getMessage()).contains("could not be decoded", "al_live_****");
    assertThat(exposed(e)).noneMatch(s -> s.contains(SECRET));
    // The stand-ins keep the original class names and stack traces visible.
    List<Throwable> chain = chain(e);
    assertThat(chain).hasSizeGreaterThan(1);
    assertThat(chain).anySatisfy(t -> assertThat(t).isInstanceOf(RedactedThrowable.class));
    for (Throwable t : chain) {
      if (t instanceof RedactedThrowable r) {
        assertThat(r.getMessage()).startsWith(r.originalClassName());
        assertThat(r.getStackTrace()).isNotEmpty();
      }
    }
    assertThat(exposed(e).get(exposed(e).size() - 1)).contains("feign.FeignException",
        "com.fasterxml.jackson.core.JsonParseException", "al_live_****");
  }

  @Test
  void a_read_timeout_leaves_the_key_in_no_message_cause_or_stack_trace() {
    AurousException e = call(Fixtures.ok().withFixedDelay(2_000), Duration.ofMillis(200));

    assertThat(e).isInstanceOf(AurousTransportException.class);
    assertThat(exposed(e)).noneMatch(s -> s.contains(SECRET));
    // Nothing to scrub here: the original cause is kept as is.
    assertThat(e).hasRootCauseInstanceOf(SocketTimeoutException.class);
  }

  @Test
  void safe_cause_replaces_every_link_that_quotes_the_key_and_copies_stack_traces() {
    IllegalStateException inner = new IllegalStateException("inner saw " + API_KEY);
    IOException outer = new IOException("Unrecognized token '" + API_KEY + "'", inner);
    outer.addSuppressed(new RuntimeException("suppressed " + API_KEY));
    SocketTimeoutException clean = new SocketTimeoutException("Read timed out");
    inner.initCause(clean);

    Throwable safe = Redaction.safeCause(outer, API_KEY);

    assertThat(safe).isInstanceOf(RedactedThrowable.class)
        .hasMessage("java.io.IOException: Unrecognized token 'al_live_****'");
    assertThat(safe.getStackTrace()).isEqualTo(outer.getStackTrace());
    assertThat(safe.getCause()).isInstanceOf(RedactedThrowable.class)
        .hasMessage("java.lang.IllegalStateException: inner saw al_live_****");
    assertThat(safe.getCause().getStackTrace()).isEqualTo(inner.getStackTrace());
    assertThat(safe.getCause().getCause()).isSameAs(clean);
    assertThat(safe.getSuppressed()).singleElement().isInstanceOf(RedactedThrowable.class);
    assertThat(exposed(safe)).noneMatch(s -> s.contains(SECRET));

    assertThat(Redaction.safeCause(clean, API_KEY)).isSameAs(clean);
    assertThat(Redaction.safeCause(null, API_KEY)).isNull();
  }

  @Test
  void safe_cause_copes_with_a_null_message_and_a_key_only_in_to_string() {
    Throwable sneaky = new RuntimeException() {
      @Override
      public String toString() {
        return "Sneaky(" + API_KEY + ")";
      }
    };
    Throwable safe = Redaction.safeCause(new IOException(null, sneaky), API_KEY);

    assertThat(exposed(safe)).noneMatch(s -> s.contains(SECRET));
    assertThat(safe).hasMessage("java.io.IOException");
  }

  /** The README promises the first 200 characters of a non-envelope body; the key starts at or around 190. */
  @ParameterizedTest
  @ValueSource(ints = {150, 170, 175, 180, 185, 189, 190, 191, 195, 199, 200, 201})
  void an_error_body_excerpt_is_masked_before_it_is_cut(int offset) {
    String body = "x".repeat(offset) + API_KEY + " and more text after the key";
    AurousException e = call(aResponse().withStatus(502).withHeader("Content-Type", "text/plain")
        .withBody(body), Duration.ofSeconds(5));

    assertThat(e).isInstanceOf(ServerErrorException.class);
    for (String s : exposed(e)) {
      for (int i = 0; i + 12 <= SECRET.length(); i++) {
        assertThat(s).as("offset %d", offset).doesNotContain(SECRET.substring(i, i + 12));
      }
    }
    // The excerpt never ends inside the mask: either the whole mask is there or none of it.
    String message = e.getMessage();
    assertThat(message).doesNotContainPattern("al_live_\\*{0,3}\\.\\.\\.").doesNotContainPattern("al_li?v?\\.\\.\\.$");
    if (offset + "al_live_****".length() <= 200) {
      assertThat(message).contains("x".repeat(Math.min(offset, 20)) + "al_live_****");
    } else {
      assertThat(message).doesNotContain("al_live_");
    }
  }

  @Test
  void truncate_never_ends_inside_a_mask() {
    String mask = "al_live_****";
    for (int start = 0; start < 30; start++) {
      String text = "y".repeat(start) + mask + "zzzz";
      for (int max = 0; max <= text.length(); max++) {
        String cut = Redaction.truncate(text, max, mask);
        String kept = cut.endsWith("...") && cut.length() - 3 < text.length() && !cut.equals(text)
            ? cut.substring(0, cut.length() - 3) : cut;
        assertThat(kept.length()).isLessThanOrEqualTo(Math.max(max, text.length() <= max ? text.length() : max));
        boolean hasWholeMask = kept.contains(mask);
        boolean hasPartOfMask = kept.length() > start;
        assertThat(!hasPartOfMask || hasWholeMask).as("start %d max %d: %s", start, max, cut).isTrue();
      }
    }
  }
}
