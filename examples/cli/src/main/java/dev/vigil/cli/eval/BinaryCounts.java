package dev.vigil.cli.eval;

/**
 * The confusion counts of a binary decision, with the measures derived from them. Immutable and
 * thread-safe.
 *
 * @param tp positives predicted positive
 * @param fp negatives predicted positive
 * @param fn positives predicted negative
 * @param tn negatives predicted negative
 */
public record BinaryCounts(long tp, long fp, long fn, long tn) {

  /** No decisions yet. */
  public static final BinaryCounts EMPTY = new BinaryCounts(0, 0, 0, 0);

  /**
   * Validates the counts.
   *
   * @throws IllegalArgumentException if a count is negative
   */
  public BinaryCounts {
    if (tp < 0 || fp < 0 || fn < 0 || tn < 0) {
      throw new IllegalArgumentException(
          "counts must not be negative: tp=" + tp + " fp=" + fp + " fn=" + fn + " tn=" + tn);
    }
  }

  /** These counts plus one decision. */
  public BinaryCounts add(boolean gold, boolean predicted) {
    return new BinaryCounts(tp + (gold && predicted ? 1 : 0), fp + (!gold && predicted ? 1 : 0),
        fn + (gold && !predicted ? 1 : 0), tn + (!gold && !predicted ? 1 : 0));
  }

  /** How many decisions. */
  public long total() {
    return tp + fp + fn + tn;
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

  /** F0.5, the PAN 2012 measure. */
  public double f05() {
    return Metrics.f05(precision(), recall());
  }

  /** fp / (fp + tn). */
  public double falsePositiveRate() {
    return Metrics.falsePositiveRate(fp, tn);
  }
}
