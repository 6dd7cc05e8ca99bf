package dev.vigil.cli.eval;

/**
 * One label's counts in a multi-label or multi-class evaluation (one-vs-rest). Immutable and
 * thread-safe.
 *
 * @param tp items with the label, predicted with it
 * @param fp items without the label, predicted with it
 * @param fn items with the label, predicted without it
 */
public record LabelCounts(long tp, long fp, long fn) {

  /**
   * Validates the counts.
   *
   * @throws IllegalArgumentException if a count is negative
   */
  public LabelCounts {
    if (tp < 0 || fp < 0 || fn < 0) {
      throw new IllegalArgumentException(
          "counts must not be negative: tp=" + tp + " fp=" + fp + " fn=" + fn);
    }
  }

  /** How many items carry the label (tp + fn). */
  public long support() {
    return tp + fn;
  }

  /** See {@link Metrics#precision(long, long)}. */
  public double precision() {
    return Metrics.precision(tp, fp);
  }

  /** See {@link Metrics#recall(long, long)}. */
  public double recall() {
    return Metrics.recall(tp, fn);
  }

  /** F1. */
  public double f1() {
    return Metrics.f1(precision(), recall());
  }

  /** The sum of these counts and {@code other}'s (for micro-averaging). */
  public LabelCounts plus(LabelCounts other) {
    return new LabelCounts(tp + other.tp, fp + other.fp, fn + other.fn);
  }
}
