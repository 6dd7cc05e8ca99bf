/**
 * Evaluation metrics of {@code vigil-cli eval}, as plain classes that tests and other tools can
 * call without the command line: {@link dev.vigil.cli.eval.Metrics} (precision, recall, F-beta,
 * latency penalty), the counters {@link dev.vigil.cli.eval.BinaryCounts}, {@link
 * dev.vigil.cli.eval.LabelCounts} and {@link dev.vigil.cli.eval.ConfusionMatrix}, the accumulator
 * {@link dev.vigil.cli.eval.Evaluation} and its result {@link dev.vigil.cli.eval.EvalReport}.
 *
 * <p>Everything here is non-null unless marked {@code @Nullable}. Nothing here keeps or prints
 * message text; alert listings carry evidence spans, and snippets only if the detector was built
 * with them.
 */
@NullMarked
package dev.vigil.cli.eval;

import org.jspecify.annotations.NullMarked;
