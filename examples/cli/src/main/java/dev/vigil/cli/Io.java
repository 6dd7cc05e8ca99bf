package dev.vigil.cli;

import java.io.InputStream;
import java.io.PrintStream;

/**
 * The standard streams a command uses, injected so that tests can capture them.
 *
 * @param in standard input (for the file name {@code -})
 * @param out standard output: results only
 * @param err standard error: progress, summaries and problems, never message text
 */
record Io(InputStream in, PrintStream out, PrintStream err) {}
