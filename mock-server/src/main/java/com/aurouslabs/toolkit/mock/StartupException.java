package com.aurouslabs.toolkit.mock;

/**
 * A mock that cannot start, for a reason its user can fix: the message is one line that names the problem and the
 * fix ({@code port 4010 on 127.0.0.1 is already in use; ...}). {@link #configuration()} tells a mistake in the
 * options or the files they name (the CLI exits 2, like a usage error) from a problem of the machine it runs on
 * (exit 1). Thrown by {@link MockServer#start} before anything listens.
 */
public final class StartupException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final boolean configuration;

    private StartupException(String message, boolean configuration, Throwable cause) {
        super(oneLine(message), cause);
        this.configuration = configuration;
    }

    /** A wrong option value or a file it names that is missing, unreadable or invalid. */
    public static StartupException configuration(String message, Throwable cause) {
        return new StartupException(message, true, cause);
    }

    /** The machine does not allow it right now (a port taken by another process, a privileged port). */
    public static StartupException environment(String message, Throwable cause) {
        return new StartupException(message, false, cause);
    }

    /** True for a mistake in the options or their files; false for a problem of the machine. */
    public boolean configuration() {
        return configuration;
    }

    /** The exit code of the CLI: 2 for a configuration mistake, 1 otherwise. */
    public int exitCode() {
        return configuration ? 2 : 1;
    }

    /** Line breaks and runs of blanks folded into single spaces, so the text stays one line. */
    static String oneLine(String text) {
        return text == null ? "" : text.replaceAll("\\s+", " ").strip();
    }
}
