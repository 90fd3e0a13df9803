package com.aurouslabs.toolkit.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The mock's runnable jar started as separate processes, as a user starts it ({@code java -jar estimate-mock.jar
 * --port P --rate-limit off ...}), each on a free port of 127.0.0.1; their output goes to files in {@code work}.
 * For the integration tests that run the CLI jar or another Maven project against real processes.
 */
public final class MockJarProcesses implements AutoCloseable {

  private final Path mockJar;
  private final Path work;
  private final List<Process> processes = new ArrayList<>();

  public MockJarProcesses(Path mockJar, Path work) {
    this.mockJar = mockJar;
    this.work = work;
  }

  /** The jar copied by maven-dependency-plugin in pre-integration-test ({@code estimate.mock.jar}). */
  public static Path copiedMockJar() {
    return Path.of(System.getProperty("estimate.mock.jar", "target/it/estimate-mock.jar"));
  }

  /** Starts one mock with {@code extra} options; returns its base URL once it accepts connections (60 s at most). */
  public String start(String name, String... extra) throws Exception {
    assertThat(mockJar).as("the mock jar (copied in pre-integration-test)").isRegularFile();
    Files.createDirectories(work);
    int port = freePort();
    List<String> cmd = new ArrayList<>(List.of(java(), "-jar", mockJar.toString(), "--port", String.valueOf(port),
        "--rate-limit", "off"));
    cmd.addAll(List.of(extra));
    Path err = work.resolve("mock-" + name + ".err");
    Process p = new ProcessBuilder(cmd).redirectOutput(work.resolve("mock-" + name + ".out").toFile())
        .redirectError(err.toFile()).start();
    processes.add(p);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline) {
      assertThat(p.isAlive()).as("mock " + name + " exited: " + Files.readString(err)).isTrue();
      try (Socket s = new Socket()) {
        s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
        return "http://127.0.0.1:" + port;
      } catch (IOException notYet) {
        Thread.sleep(100);
      }
    }
    throw new AssertionError("mock " + name + " did not listen on port " + port + " within 60 s");
  }

  /** SIGTERM to every mock started, then a forced stop for one still running after 10 s. */
  @Override
  public void close() {
    processes.forEach(p -> {
      p.destroy();
      try {
        if (!p.waitFor(10, TimeUnit.SECONDS)) {
          p.destroyForcibly();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        p.destroyForcibly();
      }
    });
  }

  /** The java launcher of this JVM. */
  public static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }
}
