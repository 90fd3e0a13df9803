package com.aurouslabs.toolkit.conformance.cli;

import java.io.PrintStream;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * Progress on stderr. On a terminal: one line, redrawn with {@code \r} at most every 100 ms: a bar of the request
 * budget used (a run never sends more), the requests, the family being checked, the elapsed time. Elsewhere (CI
 * logs): a plain line when the family changes and at most every 15 s besides.
 */
final class ProgressPrinter implements SuiteExecution.ProgressListener {

  private static final long REDRAW_NANOS = 100_000_000L;
  private static final long PLAIN_EVERY_NANOS = 15_000_000_000L;
  private static final int BAR = 24;

  private final PrintStream err;
  private final boolean terminal;
  private final long requestBudget;
  private final LongSupplier nanoTime;
  private final long start;
  private String family = "";
  private long lastPrint = Long.MIN_VALUE;
  private int lastWidth;

  ProgressPrinter(PrintStream err, boolean terminal, long requestBudget, LongSupplier nanoTime) {
    this.err = err;
    this.terminal = terminal;
    this.requestBudget = requestBudget;
    this.nanoTime = nanoTime;
    this.start = nanoTime.getAsLong();
  }

  /** A terminal that redraws: a console is attached and TERM is not "dumb". */
  static boolean isTerminal(boolean consoleAttached, String term) {
    return consoleAttached && term != null && !term.isBlank() && !"dumb".equals(term);
  }

  @Override
  public synchronized void progress(String family, long requests) {
    long now = nanoTime.getAsLong();
    boolean changed = family != null && !family.equals(this.family);
    if (changed) {
      this.family = family;
    }
    if (terminal) {
      if (changed || now - lastPrint >= REDRAW_NANOS) {
        String line = bar(requests) + " " + requests + "/" + requestBudget + " requests  " + this.family + "  "
            + elapsed(now);
        err.print("\r" + line + " ".repeat(Math.max(0, lastWidth - line.length())));
        err.flush();
        lastWidth = line.length();
        lastPrint = now;
      }
    } else if (changed || now - lastPrint >= PLAIN_EVERY_NANOS) {
      err.println("conformance: " + this.family + ", " + requests + " requests, " + elapsed(now));
      lastPrint = now;
    }
  }

  /** Ends the redrawn line (terminal only), so what follows starts on a fresh line. */
  synchronized void finish() {
    if (terminal && lastWidth > 0) {
      err.println();
      lastWidth = 0;
    }
  }

  private String bar(long requests) {
    int done = requestBudget <= 0 ? 0 : (int) Math.round(BAR * Math.min(1.0, (double) requests / requestBudget));
    return "[" + "#".repeat(done) + ".".repeat(BAR - done) + "]";
  }

  private String elapsed(long now) {
    return String.format(Locale.ROOT, "%.1f s", (now - start) / 1e9);
  }
}
