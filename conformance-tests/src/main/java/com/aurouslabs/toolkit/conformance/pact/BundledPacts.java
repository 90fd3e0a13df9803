package com.aurouslabs.toolkit.conformance.pact;

import au.com.dius.pact.core.model.DefaultPactReader;
import au.com.dius.pact.core.model.Pact;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * The consumer pacts this artifact carries: written by the consumer tests ({@code EstimateClientPactTest}) and
 * copied into the jar under {@link #RESOURCE_DIR} at prepare-package (see the module pom), so a provider can be
 * verified against them without this repository. Also loads pacts from a directory.
 */
public final class BundledPacts {

  /** Class-path folder of the bundled pacts (the pom's {@code pact.bundle.path}). */
  public static final String RESOURCE_DIR = "META-INF/aurous/pacts";
  /** Pacticipant names used by the pacts and, for teams with a broker, by publish and can-i-deploy. */
  public static final String CONSUMER = "aurous-estimate-client";
  public static final String PROVIDER = "aurous-estimate-api";
  /**
   * The one provider state a verification against a live URL cannot set up cheaply (it drains the rate-limit
   * bucket: 240+ requests); the build verifies it against the embedded mock.
   */
  public static final String STATE_BUCKET_EMPTY = "the team's estimate_post bucket is empty";

  private BundledPacts() {}

  /** The pacts under {@link #RESOURCE_DIR} of the given class loader (a jar or a directory); empty if none. */
  public static List<Pact> load(ClassLoader loader) {
    URL dir = loader.getResource(RESOURCE_DIR);
    if (dir == null) {
      // a jar without directory entries (as some shaded jars are): the pact this module writes, by pact-jvm's
      // file naming <consumer>-<provider>.json
      try (InputStream in = loader.getResourceAsStream(RESOURCE_DIR + "/" + CONSUMER + "-" + PROVIDER + ".json")) {
        return in == null ? List.of() : List.of(DefaultPactReader.INSTANCE.loadPact(in));
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot read the bundled pact: " + e.getMessage(), e);
      }
    }
    try {
      if ("jar".equals(dir.getProtocol())) {
        List<Pact> pacts = new ArrayList<>();
        JarURLConnection c = (JarURLConnection) dir.openConnection();
        c.setUseCaches(false);
        try (JarFile jar = c.getJarFile()) {
          for (Enumeration<JarEntry> e = jar.entries(); e.hasMoreElements(); ) {
            JarEntry entry = e.nextElement();
            if (entry.getName().startsWith(RESOURCE_DIR + "/") && entry.getName().endsWith(".json")) {
              try (InputStream in = jar.getInputStream(entry)) {
                pacts.add(DefaultPactReader.INSTANCE.loadPact(in));
              }
            }
          }
        }
        return pacts;
      }
      return fromDirectory(Path.of(dir.toURI()));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the bundled pacts at " + dir + ": " + e.getMessage(), e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException("Cannot read the bundled pacts at " + dir + ": " + e.getMessage(), e);
    }
  }

  /** The pacts ({@code *.json}) in a directory, in name order. */
  public static List<Pact> fromDirectory(Path dir) {
    if (!Files.isDirectory(dir)) {
      throw new IllegalArgumentException("Pact directory " + dir + " does not exist: give a directory of pact "
          + "files (*.json) or use the pacts bundled in the artifact");
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(f -> f.getFileName().toString().endsWith(".json")).sorted()
          .map(f -> DefaultPactReader.INSTANCE.loadPact(f.toFile())).toList();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list pact directory " + dir + ": " + e.getMessage(), e);
    }
  }
}
