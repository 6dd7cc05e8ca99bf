/**
 * {@code vigil-cli}: scan chat conversations with the Vigil detector and evaluate it on labelled
 * corpora, from the command line. {@link dev.vigil.cli.VigilCli} is the entry point; {@code scan}
 * writes one JSON line per input line to standard output and a summary to standard error;
 * {@code eval} prints conversation, stage, signal and early-warning measures.
 *
 * <p>Privacy: nothing here writes message text to standard error or to logs. Evidence carries
 * message indexes, character spans and rule names; the matched text only with {@code --snippets}.
 *
 * <p>Everything here is non-null unless marked {@code @Nullable}.
 */
@NullMarked
package dev.vigil.cli;

import org.jspecify.annotations.NullMarked;
