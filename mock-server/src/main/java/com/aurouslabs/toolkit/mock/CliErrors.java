package com.aurouslabs.toolkit.mock;

import java.io.PrintWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * How the runnable jar reports a start that fails: one line on stderr, {@code estimate-mock: <problem>; <fix>}, and
 * an exit code, never a stack trace. 2: a usage or configuration mistake (an unknown option, a bad value, a file
 * that is missing or invalid); 1: the machine does not allow it (the port is taken). An unexpected failure is one
 * line too; its stack trace is logged at debug level only.
 */
final class CliErrors {

    static final int USAGE = 2;
    static final int RUNTIME = 1;

    private static final Logger LOG = LoggerFactory.getLogger(CliErrors.class);
    private static final String HELP = " (estimate-mock --help lists every option)";

    private CliErrors() {
    }

    /** picocli's handler of a bad command line: one line, exit 2. */
    static int usage(ParameterException e, String[] args) {
        CommandLine cmd = e.getCommandLine();
        StringBuilder line = new StringBuilder(StartupException.oneLine(e.getMessage()));
        if (e instanceof UnmatchedArgumentException unmatched && !unmatched.getSuggestions().isEmpty()) {
            line.append("; did you mean ").append(String.join(" or ", unmatched.getSuggestions())).append('?');
        }
        print(cmd.getErr(), line.append(HELP).toString());
        return USAGE;
    }

    /** picocli's handler of a failure in {@link Main#call()}: one line, exit 2 or 1. */
    static int execution(Exception e, CommandLine cmd, ParseResult parsed) {
        if (e instanceof StartupException startup) {
            print(cmd.getErr(), startup.getMessage());
            return startup.exitCode();
        }
        if (e instanceof IllegalArgumentException) {
            print(cmd.getErr(), StartupException.oneLine(e.getMessage()) + HELP);
            return USAGE;
        }
        LOG.debug("start-up failed", e);
        print(cmd.getErr(), "could not start: " + e.getClass().getSimpleName() + ": "
                + StartupException.oneLine(e.getMessage()) + " (the stack trace: add "
                + "-Dorg.slf4j.simpleLogger.log.com.aurouslabs=debug before -jar)");
        return RUNTIME;
    }

    private static void print(PrintWriter err, String line) {
        err.println("estimate-mock: " + line);
        err.flush();
    }
}
