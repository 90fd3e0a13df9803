package com.aurouslabs.toolkit.conformance.junit;

import com.aurouslabs.toolkit.conformance.ConformanceRunner;
import com.aurouslabs.toolkit.conformance.ConformanceRunner.RunOutcome;
import com.aurouslabs.toolkit.conformance.check.Result;
import com.aurouslabs.toolkit.conformance.config.Setting;
import com.aurouslabs.toolkit.conformance.config.Settings;
import com.aurouslabs.toolkit.conformance.report.Recorder;
import com.aurouslabs.toolkit.conformance.spec.Rule;
import com.aurouslabs.toolkit.conformance.spec.RuleCatalog;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.ReflectionSupport;
import org.junit.platform.engine.ConfigurationParameters;
import org.junit.platform.engine.EngineDiscoveryRequest;
import org.junit.platform.engine.EngineExecutionListener;
import org.junit.platform.engine.ExecutionRequest;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.TestEngine;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.discovery.ClassNameFilter;
import org.junit.platform.engine.discovery.ClassSelector;
import org.junit.platform.engine.discovery.PackageSelector;
import org.junit.platform.engine.discovery.UniqueIdSelector;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.EngineDescriptor;
import org.junit.platform.engine.support.descriptor.MethodSource;

/**
 * The test engine behind {@link AurousConformance} (META-INF/services/org.junit.platform.engine.TestEngine): each
 * annotated class is a container with one test per catalog rule. Executing the class runs the suite once through
 * {@link ConformanceRunner} and reports every rule's result as its test's: FAILED fails it with the rule's messages,
 * SKIPPED and rules no check reached skip it with the reason, PASSED and WARNING pass it (a warning is published
 * as a report entry). A run that cannot start (a setting missing, the preflight failed) fails the class with the
 * one line that says what to set.
 */
public final class AurousConformanceEngine implements TestEngine {

  public static final String ID = "aurous-conformance";
  private static final String CLASS = "class";
  private static final String RULE = "rule";

  @Override
  public String getId() {
    return ID;
  }

  @Override
  public Optional<String> getGroupId() {
    return Optional.of("com.aurouslabs.toolkit");
  }

  @Override
  public Optional<String> getArtifactId() {
    return Optional.of("conformance-tests");
  }

  @Override
  public TestDescriptor discover(EngineDiscoveryRequest request, UniqueId uniqueId) {
    EngineDescriptor engine = new EngineDescriptor(uniqueId, "Aurous conformance");
    Map<Class<?>, Set<String>> classes = new LinkedHashMap<>(); // class -> rules picked by unique id (empty = all)
    request.getSelectorsByType(ClassSelector.class).forEach(s -> classes.putIfAbsent(s.getJavaClass(), new LinkedHashSet<>()));
    request.getSelectorsByType(PackageSelector.class).forEach(s -> ReflectionSupport.findAllClassesInPackage(
        s.getPackageName(), c -> AnnotationSupport.isAnnotated(c, AurousConformance.class), n -> true)
        .forEach(c -> classes.putIfAbsent(c, new LinkedHashSet<>())));
    for (UniqueIdSelector s : request.getSelectorsByType(UniqueIdSelector.class)) {
      UniqueId id = s.getUniqueId();
      if (!id.hasPrefix(uniqueId) || id.getSegments().size() < 2) {
        continue;
      }
      String className = id.getSegments().get(1).getValue();
      ReflectionSupport.tryToLoadClass(className).toOptional().ifPresent(c -> {
        Set<String> rules = classes.computeIfAbsent(c, k -> new LinkedHashSet<>());
        if (id.getSegments().size() > 2) {
          rules.add(id.getLastSegment().getValue());
        }
      });
    }
    List<ClassNameFilter> filters = request.getFiltersByType(ClassNameFilter.class);
    RuleCatalog catalog = null;
    for (var e : classes.entrySet()) {
      Class<?> c = e.getKey();
      if (!AnnotationSupport.isAnnotated(c, AurousConformance.class)
          || filters.stream().anyMatch(f -> f.apply(c.getName()).excluded())) {
        continue;
      }
      if (catalog == null) {
        catalog = RuleCatalog.classpath();
      }
      ClassDescriptor cd = new ClassDescriptor(uniqueId.append(CLASS, c.getName()), c, Set.copyOf(e.getValue()));
      for (Rule r : catalog.all()) {
        if (e.getValue().isEmpty() || e.getValue().contains(r.id())) {
          cd.addChild(new RuleDescriptor(cd.getUniqueId().append(RULE, r.id()), r, c));
        }
      }
      engine.addChild(cd);
    }
    return engine;
  }

  @Override
  public void execute(ExecutionRequest request) {
    TestDescriptor engine = request.getRootTestDescriptor();
    EngineExecutionListener listener = request.getEngineExecutionListener();
    listener.executionStarted(engine);
    for (TestDescriptor child : engine.getChildren()) {
      if (child instanceof ClassDescriptor cd) {
        execute(cd, request.getConfigurationParameters(), listener);
      }
    }
    listener.executionFinished(engine, TestExecutionResult.successful());
  }

  private static void execute(ClassDescriptor cd, ConfigurationParameters params, EngineExecutionListener listener) {
    listener.executionStarted(cd);
    RunOutcome outcome;
    try {
      Map<String, String> settings = settings(cd.javaClass.getAnnotation(AurousConformance.class), params,
          cd.selectedRules());
      outcome = ConformanceRunner.run(settings, ConformanceRunner.Listener.NONE);
    } catch (RuntimeException e) {
      listener.executionFinished(cd, TestExecutionResult.failed(oneLine(String.valueOf(e.getMessage()))));
      return;
    }
    if (outcome.status() == ConformanceRunner.Status.CONFIGURATION_ERROR
        || outcome.status() == ConformanceRunner.Status.PREFLIGHT_FAILED) {
      String why = String.join("; ", outcome.fatal());
      cd.getChildren().forEach(r -> listener.executionSkipped(r, "not run: " + why));
      listener.executionFinished(cd, TestExecutionResult.failed(oneLine(why)));
      return;
    }
    for (TestDescriptor child : cd.getChildren()) {
      RuleDescriptor rd = (RuleDescriptor) child;
      Recorder.RuleStats stats = outcome.rules().get(rd.rule.id());
      if (stats == null) {
        listener.executionSkipped(rd, "no check of this run reached " + rd.rule.id() + " (aurous.only, budget mode, "
            + "or a fixture that is not configured)");
        continue;
      }
      Result result = stats.result();
      if (result == Result.SKIPPED) {
        listener.executionSkipped(rd, stats.skipReasons.isEmpty() ? "skipped" : String.join("; ", stats.skipReasons));
        continue;
      }
      listener.executionStarted(rd);
      if (result == Result.FAILED) {
        listener.executionFinished(rd, TestExecutionResult.failed(oneLine(String.join("\n\n", stats.messages))));
      } else {
        if (result == Result.WARNING) {
          listener.reportingEntryPublished(rd, ReportEntry.from("warning", String.join("\n", stats.messages)));
        }
        listener.executionFinished(rd, TestExecutionResult.successful());
      }
    }
    List<String> problems = new ArrayList<>(outcome.fatal());
    if (problems.isEmpty() && outcome.rulesWith(Result.FAILED).isEmpty()) {
      outcome.summary().getFailures().forEach(f -> problems.add(f.getTestIdentifier().getDisplayName() + ": "
          + f.getException().getMessage()));
    }
    listener.executionFinished(cd, problems.isEmpty() ? TestExecutionResult.successful()
        : TestExecutionResult.failed(oneLine(String.join("\n", problems))));
  }

  /**
   * The run's settings: every {@code aurous.*} and {@code jqwik.*} launcher configuration parameter, then the
   * annotation's attributes that are set (they win); what is in neither falls back to system properties and the
   * environment inside the run.
   */
  static Map<String, String> settings(AurousConformance a, ConfigurationParameters params, Set<String> rules) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String key : params.keySet()) {
      if (key.startsWith("aurous.") || key.startsWith("jqwik.")) {
        params.get(key).ifPresent(v -> out.put(key, v));
      }
    }
    Settings fallback = Settings.over(out);
    if (!a.baseUrl().isBlank()) {
      out.put(Setting.BASE_URL.property(), a.baseUrl());
      out.put(Settings.hintKey(Setting.BASE_URL), "@AurousConformance(baseUrl)");
    }
    if (fallback.get(Setting.API_KEY).isEmpty() || !a.apiKeyEnv().equals(Setting.API_KEY.env())) {
      fallback.variable(a.apiKeyEnv()).ifPresent(k -> out.put(Setting.API_KEY.property(), k));
    }
    if (!a.apiKeyEnv().equals(Setting.API_KEY.env())) {
      out.put(Settings.hintKey(Setting.API_KEY), "the environment variable " + a.apiKeyEnv()
          + " (@AurousConformance(apiKeyEnv))");
    }
    if (a.budget()) {
      out.put(Setting.BUDGET_MODE.property(), "true");
    }
    if (a.strict()) {
      out.put(Setting.STRICT.property(), "true");
    }
    if (!a.reportDir().isBlank()) {
      out.put(Setting.REPORT_DIR.property(), a.reportDir());
    } else if (fallback.get(Setting.REPORT_DIR).isEmpty()) {
      out.put(Setting.REPORT_DIR.property(), "target/aurous-conformance");
    }
    Set<String> only = new LinkedHashSet<>(List.of(a.only()));
    only.addAll(rules);
    if (!only.isEmpty()) {
      out.put(Setting.ONLY.property(), String.join(",", only));
    }
    return out;
  }

  /** A failure whose message is the whole story: no stack trace into the suite's internals. */
  private static AssertionError oneLine(String message) {
    AssertionError e = new AssertionError(message);
    e.setStackTrace(new StackTraceElement[0]);
    return e;
  }

  private static final class ClassDescriptor extends AbstractTestDescriptor {
    private final Class<?> javaClass;
    private final Set<String> picked;

    ClassDescriptor(UniqueId id, Class<?> javaClass, Set<String> picked) {
      super(id, javaClass.getSimpleName(), ClassSource.from(javaClass));
      this.javaClass = javaClass;
      this.picked = picked;
    }

    /** The rules a unique-id selection picked (an IDE's "run this test"); empty = every rule. */
    Set<String> selectedRules() {
      return picked;
    }

    @Override
    public Type getType() {
      return Type.CONTAINER;
    }
  }

  private static final class RuleDescriptor extends AbstractTestDescriptor {
    private final Rule rule;

    RuleDescriptor(UniqueId id, Rule rule, Class<?> javaClass) {
      // a method source named by the rule (there is no such method): build tools name a test case by its method,
      // so surefire's XML report says name="RULE-ID" (with a class source it wrote name="")
      super(id, rule.id(), MethodSource.from(javaClass.getName(), rule.id()));
      this.rule = rule;
    }

    @Override
    public Type getType() {
      return Type.TEST;
    }
  }
}
