package com.aurouslabs.toolkit.mock;

/**
 * SIGTERM and Ctrl-C for the runnable jar: the JVM always ends within {@link #GRACE_MILLIS} ms plus its own exit.
 * The shutdown hook first starts a watchdog, then stops the server (open connections closed, Vert.x closed). Should the
 * stop fail or hang (a class it needs can't be read because the jar was rewritten under the running JVM, a close that
 * never completes), the failure is swallowed and the watchdog halts the JVM with {@value #EXIT_ON_SIGNAL}, the status a
 * SIGTERM gives anyway. The hook, the watchdog and everything they run before the stop are created at start-up, so
 * the signal itself loads nothing of ours from the jar.
 */
final class StopOnSignal {

    /** How long the server may take to stop before the JVM is halted. */
    static final long GRACE_MILLIS = 1000;

    /** 128 + SIGTERM (15): what {@code java} exits with on SIGTERM. */
    static final int EXIT_ON_SIGNAL = 143;

    private StopOnSignal() {
    }

    static void install(MockServer server) {
        Runtime runtime = Runtime.getRuntime();
        Thread watchdog = new Thread(() -> {
            try {
                Thread.sleep(GRACE_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            runtime.halt(EXIT_ON_SIGNAL);
        }, "estimate-mock-halt");
        watchdog.setDaemon(true);
        Thread hook = new Thread(() -> {
            watchdog.start();
            try {
                server.stop();
            } catch (Throwable ignored) {
                // Nothing to report on the way out; the JVM ends either way (the watchdog bounds it).
            }
        }, "estimate-mock-shutdown");
        runtime.addShutdownHook(hook);
    }
}
