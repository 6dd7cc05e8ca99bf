package dev.vigil.cli.eval;

import java.util.Arrays;
import java.util.Collection;

/**
 * Classification and early-detection measures. Stateless and thread-safe.
 *
 * <p>Conventions: a ratio with a zero denominator is 0 (as scikit-learn's {@code
 * zero_division=0}), so an empty class scores 0 rather than NaN, and reports stay valid JSON.
 */
public final class Metrics {

  private Metrics() {}

  /** tp / (tp + fp), 0 if nothing was predicted positive. */
  public static double precision(long tp, long fp) {
    return ratio(tp, tp + fp);
  }

  /** tp / (tp + fn), 0 if nothing is positive. */
  public static double recall(long tp, long fn) {
    return ratio(tp, tp + fn);
  }

  /** fp / (fp + tn), 0 if nothing is negative. */
  public static double falsePositiveRate(long fp, long tn) {
    return ratio(fp, fp + tn);
  }

  /**
   * The F-beta measure (1 + b²)·p·r / (b²·p + r); 0 if both are 0. beta = 1 is F1; beta = 0.5
   * weighs precision more, as the PAN 2012 sexual predator identification task did.
   *
   * @throws IllegalArgumentException if beta is not positive
   */
  public static double fBeta(double precision, double recall, double beta) {
    if (!(beta > 0)) {
      throw new IllegalArgumentException("beta must be positive, got " + beta);
    }
    double b2 = beta * beta;
    double denominator = b2 * precision + recall;
    return denominator == 0 ? 0 : (1 + b2) * precision * recall / denominator;
  }

  /** F1, the harmonic mean of precision and recall. */
  public static double f1(double precision, double recall) {
    return fBeta(precision, recall, 1);
  }

  /** F0.5, the PAN 2012 measure. */
  public static double f05(double precision, double recall) {
    return fBeta(precision, recall, 0.5);
  }

  /**
   * The latency penalty of Sadeque, Xu and Bethard (2018, "Measuring the latency of depression
   * detection in social media", WSDM), used for early sexual predator detection by Vogt, Leser
   * and Akbik (2021): {@code penalty(k) = -1 + 2 / (1 + exp(-p·(k - 1)))}. It is 0 for a decision
   * after the first message (k = 1) and rises towards 1 as k grows.
   *
   * @param k the number of messages read when the decision was made (1-based)
   * @param p the steepness, see {@link #penaltySteepness(double)}
   */
  public static double latencyPenalty(double k, double p) {
    return -1 + 2 / (1 + Math.exp(-p * (k - 1)));
  }

  /**
   * The steepness p that puts the penalty at 0.5 for a decision after {@code medianMessages}
   * messages: {@code p = ln(3) / (medianMessages - 1)}. A median of 1 message or less (where any
   * p would do) is treated as 2.
   */
  public static double penaltySteepness(double medianMessages) {
    return Math.log(3) / Math.max(1, medianMessages - 1);
  }

  /**
   * The speed factor: 1 minus the median latency penalty over the true positives' decision
   * points; 0 if there is no true positive.
   *
   * @param decisionPoints for each true positive, the number of messages read when it was flagged
   * @param p the steepness of the penalty
   */
  public static double speed(Collection<? extends Number> decisionPoints, double p) {
    if (decisionPoints.isEmpty()) {
      return 0;
    }
    double[] penalties = decisionPoints.stream()
        .mapToDouble(k -> latencyPenalty(k.doubleValue(), p)).toArray();
    return 1 - median(penalties);
  }

  /** The latency-weighted F1: F1 times the speed factor. */
  public static double latencyWeightedF1(double f1, double speed) {
    return f1 * speed;
  }

  /**
   * The median (the mean of the two middle values for an even count).
   *
   * @throws IllegalArgumentException if there are no values
   */
  public static double median(double[] values) {
    if (values.length == 0) {
      throw new IllegalArgumentException("median of no values");
    }
    double[] v = values.clone();
    Arrays.sort(v);
    int mid = v.length / 2;
    return v.length % 2 == 1 ? v[mid] : (v[mid - 1] + v[mid]) / 2;
  }

  /**
   * The arithmetic mean.
   *
   * @throws IllegalArgumentException if there are no values
   */
  public static double mean(double[] values) {
    if (values.length == 0) {
      throw new IllegalArgumentException("mean of no values");
    }
    double sum = 0;
    for (double x : values) {
      sum += x;
    }
    return sum / values.length;
  }

  private static double ratio(long numerator, long denominator) {
    return denominator == 0 ? 0 : (double) numerator / denominator;
  }
}
