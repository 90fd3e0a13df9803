package com.aurouslabs.toolkit.conformance.junit;

import static org.assertj.core.api.Assertions.assertThat;

import com.aurouslabs.toolkit.conformance.MockJarProcesses;
import com.aurouslabs.toolkit.conformance.spec.RuleCatalog;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathFactory;
import org.apache.maven.shared.invoker.DefaultInvocationRequest;
import org.apache.maven.shared.invoker.DefaultInvoker;
import org.apache.maven.shared.invoker.InvocationRequest;
import org.apache.maven.shared.invoker.InvocationResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The JUnit entry as another team uses it: a Maven project outside this reactor, generated into target/it/, depends
 * on the installed conformance-tests artifact (test scope), holds one empty {@code @AurousConformance} class and runs
 * {@code mvn test} (a nested Maven, maven-invoker) against the mock's runnable jar started as a separate process on
 * a random free port of 127.0.0.1.
 *
 * <p>"Installed" without writing to the user's local repository: the project's local repository is target/it/repo,
 * holding this module's jar and pom and the reactor artifacts it needs (copied by maven-dependency-plugin in
 * pre-integration-test); its settings file puts the outer build's local repository first, as a {@code file:}
 * repository, so only what the outer build never resolved is fetched; offline, the nested build is offline too and
 * a missing artifact skips the test with one line. The plugin versions it pins are the ones this build's parent pom
 * uses, so they are in that repository.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JunitEntryInAnotherProjectIT {

  static final String KEY = "al_live_" + "a".repeat(64);
  static final String DEFECT = "ACCEPT_SIZE_WITH_DIMS";
  static final String DEFECT_RULE = "SIZE-XOR-DIMS";
  static final String TEST_CLASS = "EstimateApiConformanceTest";
  static final boolean OFFLINE = "offline=true".equals(System.getProperty("aurous.maven.offline"));

  private final String version = System.getProperty("aurous.project.version", "0.1.0-SNAPSHOT");
  private final Path repo = Path.of(System.getProperty("aurous.it.repo", "target/it/repo")).toAbsolutePath();
  private final Path work = Path.of("target", "it", "another-project").toAbsolutePath();
  private MockJarProcesses mocks;
  private String cleanMock;
  private String defectMock;

  /** What a nested build gave: its exit code, its output file, its project directory and its wall time. */
  record Build(int exit, Path log, Path project, Duration wall) {

    String output() throws IOException {
      return Files.readString(log);
    }
  }

  @BeforeAll
  void installAndStartMocks() throws Exception {
    assertThat(repo.resolve("com/aurouslabs/toolkit/openapi/" + version + "/openapi-" + version + ".jar"))
        .as("the reactor artifacts (copied in pre-integration-test)").isRegularFile();
    Files.createDirectories(work);
    installThisModule();
    mocks = new MockJarProcesses(MockJarProcesses.copiedMockJar(), work);
    cleanMock = mocks.start("clean");
    defectMock = mocks.start("defect", "--defect", DEFECT);
  }

  @AfterAll
  void stopMocks() {
    if (mocks != null) {
      mocks.close();
    }
  }

  /** This module's jar and pom where {@code mvn install} would put them, in the project's local repository. */
  private void installThisModule() throws IOException {
    Path jar = Path.of(System.getProperty("aurous.packaged.jar", "target/conformance-tests-" + version + ".jar"));
    Path pom = Path.of(System.getProperty("aurous.module.pom", "pom.xml"));
    assertThat(jar).as("this module's jar (package phase)").isRegularFile();
    Path dir = Files.createDirectories(repo.resolve("com/aurouslabs/toolkit/conformance-tests/" + version));
    Files.copy(jar, dir.resolve("conformance-tests-" + version + ".jar"), StandardCopyOption.REPLACE_EXISTING);
    Files.copy(pom, dir.resolve("conformance-tests-" + version + ".pom"), StandardCopyOption.REPLACE_EXISTING);
  }

  /** A plugin's version in this build's parent pom (pluginManagement), a ${property} resolved from its properties. */
  private String parentPluginVersion(Document parent, XPath xpath, String artifactId) throws Exception {
    String v = xpath.evaluate("/project/build/pluginManagement/plugins/plugin[artifactId='" + artifactId
        + "']/version", parent).trim();
    if (v.startsWith("${")) {
      v = xpath.evaluate("/project/properties/" + v.substring(2, v.length() - 1), parent).trim();
    }
    assertThat(v).as(artifactId + " version in the parent pom").isNotBlank();
    return v;
  }

  /**
   * Writes the other team's project: a pom with the conformance artifact (test scope) and the plugins a
   * {@code mvn test} needs, pinned; the annotated class; the target's fixtures as launcher configuration parameters.
   */
  private Path writeProject(String name, String annotation) throws Exception {
    var factory = DocumentBuilderFactory.newInstance();
    Document parent = factory.newDocumentBuilder().parse(repo.resolve("com/aurouslabs/toolkit/estimate-toolkit/"
        + version + "/estimate-toolkit-" + version + ".pom").toFile());
    XPath xpath = XPathFactory.newInstance().newXPath();
    Path project = work.resolve(name);
    Path sources = Files.createDirectories(project.resolve("src/test/java/com/example/estimate"));
    Path resources = Files.createDirectories(project.resolve("src/test/resources"));
    Files.writeString(project.resolve("pom.xml"), """
        <?xml version="1.0" encoding="UTF-8"?>
        <project xmlns="http://maven.apache.org/POM/4.0.0">
          <modelVersion>4.0.0</modelVersion>
          <groupId>com.example</groupId>
          <artifactId>estimate-api-conformance</artifactId>
          <version>1.0.0</version>
          <properties>
            <maven.compiler.release>17</maven.compiler.release>
            <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>
          </properties>
          <dependencyManagement>
            <dependencies>
              <!-- the library versions the suite was built and tested with (README: JUnit entry) -->
              <dependency>
                <groupId>com.aurouslabs.toolkit</groupId>
                <artifactId>estimate-toolkit</artifactId>
                <version>%1$s</version>
                <type>pom</type>
                <scope>import</scope>
              </dependency>
            </dependencies>
          </dependencyManagement>
          <dependencies>
            <dependency>
              <groupId>com.aurouslabs.toolkit</groupId>
              <artifactId>conformance-tests</artifactId>
              <version>%1$s</version>
              <scope>test</scope>
            </dependency>
          </dependencies>
          <build>
            <plugins>
              <plugin>
                <artifactId>maven-resources-plugin</artifactId>
                <version>%2$s</version>
              </plugin>
              <plugin>
                <artifactId>maven-compiler-plugin</artifactId>
                <version>%3$s</version>
              </plugin>
              <plugin>
                <artifactId>maven-surefire-plugin</artifactId>
                <version>%4$s</version>
              </plugin>
            </plugins>
          </build>
        </project>
        """.formatted(version, parentPluginVersion(parent, xpath, "maven-resources-plugin"),
        parentPluginVersion(parent, xpath, "maven-compiler-plugin"),
        parentPluginVersion(parent, xpath, "maven-surefire-plugin")));
    Files.writeString(sources.resolve(TEST_CLASS + ".java"), """
        package com.example.estimate;

        import com.aurouslabs.toolkit.conformance.junit.AurousConformance;

        %s
        class %s {
        }
        """.formatted(annotation, TEST_CLASS));
    // the mock's built-in fixtures, as another team would write its target's; the keys come from the environment
    Files.writeString(resources.resolve("junit-platform.properties"), """
        aurous.rate.per.second=1000
        aurous.ready.character.id=char_01HXMQ7Z3K8Y2NABCDEFGHJKMR
        aurous.not.ready.character.id=char_01JDSYNTHW8JDG7FJ1BBXDK4A0,char_01JDREVWE95DY9JBE9FZ5VPPE3,char_01JDFA1EDNHQKQM97S59XBWTJ2,char_01JDDE1ETEDPNDX1D712XV7V2M
        aurous.foreign.character.id=char_01JDBETA64PF15JPCCXNGD3REA
        aurous.file.id=file_01HXMQ7Z3K8Y2NABCDEFGHJKMN
        aurous.unusable.file.id=file_01JDBETA64PF15JPCCXNGD3REA,file_01JDEXP1REDJP4460YJ72C6EFT
        aurous.lora.id=lora_01HXMQ7Z3K8Y2ABCDEFGHJKM,cinematic-gold
        aurous.no.refs.lora.id=lora_01JDT2V0NYRK3JX1943XHE3510
        aurous.unusable.lora.id=lora_01JDBETA64PF15JPCCXNGD3REA,lora_01JDRET1REDRWPF6VYPCQAJFNA
        """);
    return project;
  }

  /**
   * The settings of the nested build: the outer build's local repository, read as a {@code file:} repository, comes
   * before the default one, so what the outer build already has is never fetched again; a local repository keeps no
   * checksum files, so none are asked for. Only what the outer build never needed comes from the default
   * repository (nothing is written to the outer build's local repository either way).
   */
  private Path settings() throws IOException {
    String outer = Path.of(System.getProperty("aurous.local.repo",
        System.getProperty("user.home") + "/.m2/repository")).toAbsolutePath().toUri().toString();
    String repository = """
                  <id>outer-build-local-repository</id>
                  <url>%s</url>
                  <releases><checksumPolicy>ignore</checksumPolicy></releases>
                  <snapshots><enabled>false</enabled></snapshots>
        """.formatted(outer);
    Path file = work.resolve("settings.xml");
    Files.writeString(file, """
        <settings xmlns="http://maven.apache.org/SETTINGS/1.0.0">
          <profiles>
            <profile>
              <id>outer-build-local-repository</id>
              <repositories>
                <repository>
        %s        </repository>
              </repositories>
              <pluginRepositories>
                <pluginRepository>
        %s        </pluginRepository>
              </pluginRepositories>
            </profile>
          </profiles>
          <activeProfiles>
            <activeProfile>outer-build-local-repository</activeProfile>
          </activeProfiles>
        </settings>
        """.formatted(repository, repository));
    return file;
  }

  /** {@code mvn test} on the project in a nested Maven; its output goes to a file, printed only by a failing check. */
  private Build mvnTest(Path project) throws Exception {
    Path log = project.resolve("build.log");
    Path settings = settings();
    List<String> out = new ArrayList<>();
    InvocationRequest req = new DefaultInvocationRequest();
    req.setPomFile(project.resolve("pom.xml").toFile());
    req.setBaseDirectory(project.toFile());
    req.addArgs(List.of("test"));
    req.setBatchMode(true);
    req.setLocalRepositoryDirectory(repo.toFile());
    req.setUserSettingsFile(settings.toFile());
    req.setGlobalSettingsFile(settings.toFile());
    req.setJavaHome(new File(System.getProperty("java.home")));
    req.setTimeoutInSeconds(300);
    if (OFFLINE) {
      // offline like the outer build; a file: repository is no network, so it stays readable
      req.setOffline(true);
      java.util.Properties props = new java.util.Properties();
      props.setProperty("aether.offline.protocols", "file");
      req.setProperties(props);
    }
    // only what a CI job would have: no AUROUS_* or MAVEN_* variables of the outer build leak in
    req.setShellEnvironmentInherited(false);
    for (String v : List.of("PATH", "HOME", "JAVA_HOME")) {
      if (System.getenv(v) != null) {
        req.addShellEnvironment(v, System.getenv(v));
      }
    }
    Map.of("AUROUS_API_KEY", KEY, "AUROUS_REVOKED_API_KEY", "al_live_" + "d".repeat(64),
        "AUROUS_LEGACY_API_KEY", "og_" + "a".repeat(32)).forEach(req::addShellEnvironment);
    req.setOutputHandler(out::add);
    req.setErrorHandler(out::add);
    DefaultInvoker invoker = new DefaultInvoker();
    invoker.setMavenHome(new File(System.getProperty("maven.home")));
    long start = System.nanoTime();
    InvocationResult result = invoker.execute(req);
    Duration wall = Duration.ofNanos(System.nanoTime() - start);
    Files.write(log, out);
    assertThat(result.getExecutionException()).as("nested Maven could not start").isNull();
    // offline, the nested build has only what the outer build resolved; anything else is a setup gap, not a result
    Assumptions.assumeFalse(OFFLINE && result.getExitCode() != 0 && out.stream().anyMatch(l ->
        l.contains("Could not resolve dependencies") || l.contains("Plugin ") && l.contains("could not be resolved")),
        "offline (-o) and the nested build needs artifacts the outer build never resolved (see " + log
        + "): run once without -o");
    return new Build(result.getExitCode(), log, project, wall);
  }

  /** The test cases of the project's surefire report of the annotated class: name to failure message (or null). */
  private static Map<String, String> testCases(Build build) throws Exception {
    Path xml = build.project().resolve("target/surefire-reports/TEST-com.example.estimate." + TEST_CLASS + ".xml");
    assertThat(xml).as("surefire report; nested build output:%n%s", build.output()).isRegularFile();
    var factory = DocumentBuilderFactory.newInstance();
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    NodeList cases = factory.newDocumentBuilder().parse(xml.toFile()).getDocumentElement()
        .getElementsByTagName("testcase");
    Map<String, String> byName = new java.util.LinkedHashMap<>();
    for (int i = 0; i < cases.getLength(); i++) {
      Element c = (Element) cases.item(i);
      NodeList failures = c.getElementsByTagName("failure");
      NodeList errors = c.getElementsByTagName("error");
      Element problem = failures.getLength() > 0 ? (Element) failures.item(0)
          : errors.getLength() > 0 ? (Element) errors.item(0) : null;
      assertThat(byName.put(c.getAttribute("name"), problem == null ? null : problem.getAttribute("message")))
          .as("one test case per name").isNull();
    }
    return byName;
  }

  @Test
  void a_project_depending_on_the_installed_artifact_gets_one_green_test_per_catalog_rule() throws Exception {
    Path project = writeProject("clean", "@AurousConformance(baseUrl = \"" + cleanMock + "\", budget = true)");

    Build build = mvnTest(project);

    assertThat(build.exit()).as("mvn test exit code; output:%n%s", build.output()).isZero();
    Map<String, String> cases = testCases(build);
    List<String> rules = RuleCatalog.classpath().all().stream().map(r -> r.id()).toList();
    assertThat(cases.keySet()).as("one test case per catalog rule").containsExactlyInAnyOrderElementsOf(rules);
    assertThat(cases.values()).as("failures").containsOnlyNulls();
    Path reports = project.resolve("target/aurous-conformance");
    for (String f : List.of("conformance-report.json", "conformance-report.md")) {
      assertThat(reports.resolve(f)).as(f).isRegularFile();
      assertThat(Files.readString(reports.resolve(f))).as(f).doesNotContain(KEY);
    }
    assertThat(build.output()).doesNotContain(KEY);
    System.out.printf("clean mock: mvn test exit %d in %d ms, %d test cases%n", build.exit(), build.wall().toMillis(),
        cases.size());
  }

  @Test
  void against_a_mock_with_a_defect_the_projects_build_fails_naming_the_broken_rule() throws Exception {
    Path project = writeProject("defect", "@AurousConformance(baseUrl = \"" + defectMock
        + "\", budget = true, only = \"" + DEFECT_RULE + "\")");

    Build build = mvnTest(project);

    assertThat(build.exit()).as("mvn test exit code; output:%n%s", build.output()).isEqualTo(1);
    Map<String, String> cases = testCases(build);
    assertThat(cases).as("failed test cases").containsKey(DEFECT_RULE);
    assertThat(cases.get(DEFECT_RULE)).as("failure of " + DEFECT_RULE).isNotNull().contains(DEFECT_RULE);
    assertThat(cases.entrySet().stream().filter(e -> e.getValue() != null).map(Map.Entry::getKey))
        .as("failed rules").containsExactly(DEFECT_RULE);
    System.out.printf("defect %s: mvn test exit %d in %d ms%n", DEFECT, build.exit(), build.wall().toMillis());
  }
}
