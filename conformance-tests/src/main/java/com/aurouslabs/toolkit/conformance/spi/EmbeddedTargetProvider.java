package com.aurouslabs.toolkit.conformance.spi;

/**
 * An implementation the suite can start in-process when no base URL is set (the embedded mock of this project's
 * own build, say). Found with {@link java.util.ServiceLoader} (META-INF/services); the suite's artifact ships none,
 * so a run without AUROUS_BASE_URL and without a provider on the class path stops with one line saying what to set.
 */
public interface EmbeddedTargetProvider {

  /** Starts a target on 127.0.0.1 and a free port; the caller closes it. */
  RunningTarget start(EmbeddedTargetRequest request);
}
