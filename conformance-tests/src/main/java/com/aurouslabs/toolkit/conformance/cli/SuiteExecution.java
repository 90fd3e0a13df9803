package com.aurouslabs.toolkit.conformance.cli;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the command line needs of the suite: run it with settings (the suite's setting names, e.g.
 * {@code aurous.base.url}) and report progress; the suite writes {@code conformance-report.{json,md}} into
 * {@code aurous.report.dir}. The CLI reads the per-rule results from that JSON.
 */
public interface SuiteExecution {

  Result run(Map<String, String> settings, ProgressListener progress) throws ConfigurationException;

  /**
   * How the run ended besides the per-rule results.
   *
   * @param unreachable why the target could not be used at all (unreachable, the key rejected at preflight, the
   *                    endpoint not served), if so: exit 3
   * @param fatal       why the run could not complete otherwise (a target lost mid-run, a suite error)
   * @param requests    requests sent to the target
   */
  record Result(Optional<String> unreachable, List<String> fatal, long requests) {
    public Result {
      fatal = List.copyOf(fatal);
    }
  }

  /** Progress of a run: the rule family being checked and the requests sent so far. */
  @FunctionalInterface
  interface ProgressListener {
    void progress(String family, long requests);
  }

  /** A setting the suite refuses (a bad value, a missing fixture file): the CLI prints it as one line, exit 2. */
  final class ConfigurationException extends Exception {
    public ConfigurationException(String message) {
      super(message);
    }
  }
}
