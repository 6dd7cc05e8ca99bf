package dev.vigil.cli;

import java.io.PrintStream;
import java.util.Locale;

/**
 * Progress on standard error: on a terminal ({@code System.console() != null}) one line updated
 * in place with {@code \r} every 1,000 input lines; otherwise a new line every 100,000 input
 * lines, so that logs stay short. Not thread-safe.
 */
final class Progress {

  private final PrintStream err;
  private final boolean enabled;
  private final boolean terminal;
  private final long startNanos = System.nanoTime();
  private long lines;
  private boolean printedInPlace;

  Progress(PrintStream err, boolean enabled) {
    this(err, enabled, System.console() != null);
  }

  Progress(PrintStream err, boolean enabled, boolean terminal) {
    this.err = err;
    this.enabled = enabled;
    this.terminal = terminal;
  }

  /** Counts one input line; prints progress when due. */
  void tick(long messages, long malformed) {
    lines++;
    if (!enabled || lines % (terminal ? 1_000 : 100_000) != 0) {
      return;
    }
    String text = String.format(Locale.ROOT, "%,d lines (%,d messages, %,d malformed), %,.0f messages/s",
        lines, messages, malformed, rate(messages));
    if (terminal) {
      err.print("\r" + text + "   ");
      err.flush();
      printedInPlace = true;
    } else {
      err.println(text);
    }
  }

  /** Ends an in-place progress line so that what follows starts on a new line. */
  void finish() {
    if (printedInPlace) {
      err.println();
      printedInPlace = false;
    }
  }

  /** Seconds since this progress was created. */
  double seconds() {
    return (System.nanoTime() - startNanos) / 1e9;
  }

  /** Messages per second since this progress was created. */
  double rate(long messages) {
    double s = seconds();
    return s <= 0 ? 0 : messages / s;
  }
}
