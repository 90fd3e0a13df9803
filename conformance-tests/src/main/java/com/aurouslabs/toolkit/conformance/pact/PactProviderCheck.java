package com.aurouslabs.toolkit.conformance.pact;

import au.com.dius.pact.core.model.Interaction;
import au.com.dius.pact.core.model.Pact;
import au.com.dius.pact.core.model.ProviderState;
import au.com.dius.pact.core.model.SynchronousRequestResponse;
import au.com.dius.pact.core.model.generators.Generator;
import au.com.dius.pact.core.model.generators.ProviderStateGenerator;
import au.com.dius.pact.core.support.Result;
import au.com.dius.pact.provider.ConsumerInfo;
import au.com.dius.pact.provider.HttpClientFactory;
import au.com.dius.pact.provider.IConsumerInfo;
import au.com.dius.pact.provider.IProviderInfo;
import au.com.dius.pact.provider.IProviderVerifier;
import au.com.dius.pact.provider.ProviderClient;
import au.com.dius.pact.provider.ProviderInfo;
import au.com.dius.pact.provider.ProviderVerifier;
import au.com.dius.pact.provider.StateChange;
import au.com.dius.pact.provider.StateChangeResult;
import au.com.dius.pact.provider.VerificationFailureType;
import au.com.dius.pact.provider.VerificationResult;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Verifies a provider (base URL + API key) against consumer pacts, with pact-jvm's own provider verifier
 * ({@link ProviderVerifier#verifyInteraction}), and returns one {@link InteractionResult} per interaction. For the
 * CLI's {@code --pacts DIR|bundled} and for Java callers.
 *
 * <p>Provider states are not set up on the target (a live provider has no state-change endpoint for them): each
 * state returns the values the pact injects into the request ({@code ${apiKey}} and the values given with
 * {@link Builder#stateValue}). An interaction that needs a value nobody gave, or whose state is in
 * {@link Builder#skipState} (by default the empty-bucket state, which would cost 240+ requests), is SKIPPED with
 * the reason. The API key reaches the request only through that injection: pact-jvm's console reporters are off,
 * and every message returned has the key replaced by its masked form.
 */
public final class PactProviderCheck {

  /** Outcome of one interaction. */
  public enum Status { PASSED, FAILED, SKIPPED }

  /**
   * One interaction's verdict: {@code messages} are the mismatches of a failure (or the reason of a skip), the key
   * redacted.
   */
  public record InteractionResult(String consumer, String description, String providerStates, Status status,
      List<String> messages) {
    public InteractionResult {
      messages = List.copyOf(messages);
    }
  }

  private static final Pattern EXPRESSION = Pattern.compile("\\$\\{([^}]+)}");

  private final URI baseUrl;
  private final String apiKey;
  private final Map<String, String> stateValues;
  private final Map<String, String> skipStates;

  private PactProviderCheck(Builder b) {
    this.baseUrl = b.baseUrl;
    this.apiKey = b.apiKey;
    this.stateValues = Map.copyOf(b.stateValues);
    this.skipStates = Map.copyOf(b.skipStates);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Verifies against the pacts bundled in this artifact ({@link BundledPacts#RESOURCE_DIR}). */
  public List<InteractionResult> verifyBundled() {
    List<Pact> pacts = BundledPacts.load(PactProviderCheck.class.getClassLoader());
    if (pacts.isEmpty()) {
      throw new IllegalStateException("No pacts bundled under " + BundledPacts.RESOURCE_DIR + " on the class path: "
          + "use a conformance-tests jar built without -Dmaven.test.skip, or give a pact directory");
    }
    return verify(pacts);
  }

  /** Verifies against the pact files ({@code *.json}) of a directory. */
  public List<InteractionResult> verifyDirectory(Path dir) {
    List<Pact> pacts = BundledPacts.fromDirectory(dir);
    if (pacts.isEmpty()) {
      throw new IllegalArgumentException("No pact files (*.json) in " + dir);
    }
    return verify(pacts);
  }

  /** Verifies every HTTP interaction of the given pacts, in order. */
  public List<InteractionResult> verify(List<Pact> pacts) {
    // pact-jvm sends usage metrics to a third party unless told not to; a verification talks to its target only
    if (System.getProperty("pact_do_not_track") == null) {
      System.setProperty("pact_do_not_track", "true");
    }
    ProviderInfo provider = providerInfo();
    ProviderVerifier verifier = new ProviderVerifier();
    verifier.setReporters(List.of()); // nothing printed; the caller reports the returned results
    verifier.setVerificationSource("aurous-conformance");
    verifier.setStateChangeHandler(new InjectValues());
    ProviderClient client = new ProviderClient(provider, new HttpClientFactory());
    List<InteractionResult> results = new ArrayList<>();
    for (Pact pact : pacts) {
      ConsumerInfo consumer = new ConsumerInfo(pact.getConsumer().getName());
      for (Interaction i : pact.getInteractions()) {
        results.add(verifyOne(verifier, provider, consumer, pact, i, client));
      }
    }
    return results;
  }

  private InteractionResult verifyOne(ProviderVerifier verifier, ProviderInfo provider, ConsumerInfo consumer,
      Pact pact, Interaction i, ProviderClient client) {
    String states = i.getProviderStates().stream().map(ProviderState::getName).collect(Collectors.joining("; "));
    String skip = skipReason(i);
    if (skip != null) {
      return new InteractionResult(consumer.getName(), i.getDescription(), states, Status.SKIPPED, List.of(skip));
    }
    VerificationResult r;
    try {
      r = verifier.verifyInteraction(provider, consumer, new LinkedHashMap<>(), i, pact, null, client);
    } catch (RuntimeException e) {
      return new InteractionResult(consumer.getName(), i.getDescription(), states, Status.FAILED,
          List.of(redact("Verification failed: " + e)));
    }
    if (r instanceof VerificationResult.Failed f) {
      List<String> messages = new ArrayList<>();
      f.getFailures().values().forEach(list -> list.forEach(t -> messages.add(redact(describe(t)))));
      if (messages.isEmpty()) {
        messages.add(redact(f.getDescription() + " " + f.getVerificationDescription()));
      }
      return new InteractionResult(consumer.getName(), i.getDescription(), states, Status.FAILED, messages);
    }
    return new InteractionResult(consumer.getName(), i.getDescription(), states, Status.PASSED, List.of());
  }

  private static String describe(VerificationFailureType t) {
    if (t instanceof VerificationFailureType.ExceptionFailure e) {
      return e.getDescription() + ": " + e.getE();
    }
    return t.description();
  }

  /** Why an interaction cannot be verified against this target, or null. */
  private String skipReason(Interaction i) {
    if (!(i instanceof SynchronousRequestResponse rr)) {
      return "not an HTTP request/response interaction";
    }
    for (ProviderState s : i.getProviderStates()) {
      if (skipStates.containsKey(s.getName())) {
        return "provider state '" + s.getName() + "' is not set up: " + skipStates.get(s.getName());
      }
    }
    Set<String> missing = new TreeSet<>(needed(rr));
    missing.removeAll(values().keySet());
    return missing.isEmpty() ? null : "needs the provider-state value(s) " + missing + " (give them with "
        + "stateValue, e.g. the CLI's fixtures)";
  }

  /** The names of the provider-state values the interaction's request injects ({@code ${name}}). */
  private static Set<String> needed(SynchronousRequestResponse rr) {
    Set<String> names = new LinkedHashSet<>();
    for (Map<String, Generator> byPath : rr.getRequest().getGenerators().getCategories().values()) {
      for (Generator g : byPath.values()) {
        if (g instanceof ProviderStateGenerator p) {
          Matcher m = EXPRESSION.matcher(p.getExpression());
          while (m.find()) {
            names.add(m.group(1).trim());
          }
        }
      }
    }
    return names;
  }

  private Map<String, Object> values() {
    Map<String, Object> v = new LinkedHashMap<>(stateValues);
    v.put("apiKey", apiKey);
    return v;
  }

  private ProviderInfo providerInfo() {
    ProviderInfo p = new ProviderInfo(BundledPacts.PROVIDER);
    boolean https = "https".equalsIgnoreCase(baseUrl.getScheme());
    p.setProtocol(https ? "https" : "http");
    p.setHost(baseUrl.getHost());
    p.setPort(baseUrl.getPort() > 0 ? baseUrl.getPort() : https ? 443 : 80);
    String path = baseUrl.getPath() == null || baseUrl.getPath().isEmpty() ? "/" : baseUrl.getPath();
    p.setPath(path);
    return p;
  }

  /** The key replaced by its masked form ({@code al_live_****}), wherever it occurs. */
  String redact(String text) {
    if (text == null || apiKey.isEmpty()) {
      return text;
    }
    int cut = apiKey.lastIndexOf('_');
    String masked = (cut > 0 && cut < 12 ? apiKey.substring(0, cut + 1) : "") + "****";
    return text.replace(apiKey, masked);
  }

  @Override
  public String toString() {
    return "PactProviderCheck[" + baseUrl + ", key " + redact(apiKey) + "]";
  }

  /**
   * Provider states as pact-jvm sees them: no call to the target, just the values to inject. (The skipped
   * states never reach it: {@link #skipReason}.)
   */
  private final class InjectValues implements StateChange {
    @Override
    public StateChangeResult executeStateChange(IProviderVerifier verifier, IProviderInfo provider,
        IConsumerInfo consumer, Interaction interaction, String interactionMessage, Map<String, Object> failures,
        ProviderClient client) {
      return new StateChangeResult(new Result.Ok<>(values()), interactionMessage);
    }

    @Override
    public Result<Map<String, Object>, Exception> stateChange(IProviderVerifier verifier, ProviderState state,
        IProviderInfo provider, IConsumerInfo consumer, boolean isSetup, ProviderClient client) {
      return new Result.Ok<>(values());
    }

    @Override
    public void executeStateChangeTeardown(IProviderVerifier verifier, Interaction interaction,
        IProviderInfo provider, IConsumerInfo consumer, ProviderClient client) {
      // nothing was set up
    }
  }

  /** Settings of a check; {@link #build()} validates them. */
  public static final class Builder {
    private URI baseUrl;
    private String apiKey;
    private final Map<String, String> stateValues = new LinkedHashMap<>();
    private final Map<String, String> skipStates = new LinkedHashMap<>(Map.of(BundledPacts.STATE_BUCKET_EMPTY,
        "it drains the target's rate-limit bucket (240+ requests); the build verifies it against the embedded mock"));

    private Builder() {}

    /** The provider's base URL, e.g. {@code https://api.example.com} (required). */
    public Builder baseUrl(String url) {
      this.baseUrl = url == null ? null : URI.create(url.trim());
      return this;
    }

    /** The key injected as {@code ${apiKey}} (required); never printed. */
    public Builder apiKey(String key) {
      this.apiKey = key;
      return this;
    }

    /** Another value a provider state injects, e.g. {@code notReadyCharacterId}. */
    public Builder stateValue(String name, String value) {
      stateValues.put(Objects.requireNonNull(name), Objects.requireNonNull(value));
      return this;
    }

    /** Skips interactions in this provider state, giving the reason in their result. */
    public Builder skipState(String state, String reason) {
      skipStates.put(Objects.requireNonNull(state), Objects.requireNonNull(reason));
      return this;
    }

    /** Verifies the empty-bucket state too (only against a target whose bucket the caller drains). */
    public Builder includeAllStates() {
      skipStates.clear();
      return this;
    }

    public PactProviderCheck build() {
      if (baseUrl == null || baseUrl.getHost() == null
          || !("http".equalsIgnoreCase(baseUrl.getScheme()) || "https".equalsIgnoreCase(baseUrl.getScheme()))) {
        throw new IllegalArgumentException("Pact verification needs the provider's base URL (http or https), "
            + "e.g. https://api.example.com; got " + (baseUrl == null ? "none" : "'" + baseUrl + "'"));
      }
      if (apiKey == null || apiKey.isBlank()) {
        throw new IllegalArgumentException("Pact verification needs the provider's API key: set AUROUS_API_KEY");
      }
      return new PactProviderCheck(this);
    }
  }
}
