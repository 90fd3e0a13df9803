package com.aurouslabs.toolkit.conformance.pact;

import static org.assertj.core.api.Assertions.assertThat;

import au.com.dius.pact.core.model.Pact;
import java.io.File;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;

/**
 * The consumer pacts travel inside the packaged conformance-tests jar (failsafe: runs after package), byte for
 * byte as the consumer tests wrote them, and {@link BundledPacts} reads them from the jar.
 */
class PackagedPactsTest {

  private static final Path JAR = Path.of(System.getProperty("aurous.packaged.jar", "target/missing.jar"));
  private static final String DIR = System.getProperty("aurous.pact.bundle.path", BundledPacts.RESOURCE_DIR);
  private static final Path WRITTEN = Path.of(System.getProperty("pact.rootDir", "target/pacts"));

  @Test
  void the_packaged_jar_carries_every_consumer_pact_under_the_bundle_path() throws Exception {
    assertThat(DIR).as("the pom's pact.bundle.path and BundledPacts.RESOURCE_DIR").isEqualTo(BundledPacts.RESOURCE_DIR);
    assertThat(JAR).as("packaged jar").isRegularFile();
    List<Path> written;
    try (var files = Files.list(WRITTEN)) {
      written = files.filter(f -> f.toString().endsWith(".json")).toList();
    }
    assertThat(written).as("pacts written by EstimateClientPactTest in " + WRITTEN).isNotEmpty();
    try (JarFile jar = new JarFile(JAR.toFile())) {
      for (Path pact : written) {
        JarEntry entry = jar.getJarEntry(DIR + "/" + pact.getFileName());
        assertThat(entry).as(DIR + "/" + pact.getFileName() + " in " + JAR).isNotNull();
        try (InputStream in = jar.getInputStream(entry)) {
          assertThat(in.readAllBytes()).as("bundled copy of " + pact).isEqualTo(Files.readAllBytes(pact));
        }
      }
    }
  }

  @Test
  void the_bundled_pacts_load_from_the_jar_with_the_documented_names() throws Exception {
    try (URLClassLoader loader = new URLClassLoader(new URL[] {JAR.toUri().toURL()}, null)) {
      List<Pact> pacts = BundledPacts.load(loader);

      assertThat(pacts).singleElement().satisfies(p -> {
        assertThat(p.getConsumer().getName()).isEqualTo(BundledPacts.CONSUMER);
        assertThat(p.getProvider().getName()).isEqualTo(BundledPacts.PROVIDER);
        assertThat(p.getInteractions()).hasSizeGreaterThanOrEqualTo(6);
      });
    }
    assertThat(new File(JAR.toFile().getParentFile(), "classes/" + DIR)).as("copied at prepare-package").isDirectory();
  }

  @Test
  void the_bundled_pact_loads_from_a_jar_without_directory_entries_as_shaded_jars_may_be() throws Exception {
    Path jar = WRITTEN.resolveSibling("pacts-without-directory-entries.jar");
    String name = BundledPacts.CONSUMER + "-" + BundledPacts.PROVIDER + ".json";
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
      out.putNextEntry(new JarEntry(BundledPacts.RESOURCE_DIR + "/" + name)); // no "META-INF/..." folder entries
      out.write(Files.readAllBytes(WRITTEN.resolve(name)));
      out.closeEntry();
    }
    try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
      assertThat(loader.getResource(BundledPacts.RESOURCE_DIR)).as("no directory entry").isNull();
      assertThat(BundledPacts.load(loader)).singleElement()
          .satisfies(p -> assertThat(p.getInteractions()).hasSizeGreaterThanOrEqualTo(6));
    }
  }
}
