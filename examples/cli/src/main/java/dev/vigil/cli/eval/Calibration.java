package dev.vigil.cli.eval;

import dev.vigil.detector.AlertPreset;
import dev.vigil.detector.RiskCalibration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Fitting and measuring a risk calibration on labelled conversations: Platt scaling of the
 * highest risk each conversation reached, the expected calibration error, and the thresholds of
 * the three {@link AlertPreset}s. Stateless; every method is a pure function of its arguments.
 *
 * <p>The unit is the conversation, not the message: an alert is raised once per conversation,
 * when its risk first crosses a threshold, so what must be calibrated is "a conversation whose
 * risk reached p is harmful with probability p".
 */
public final class Calibration {

  /** ECE bins: ten of equal width, as in Guo et al. (2017). */
  static final int BINS = 10;
  /** Triage's recall target (see {@link AlertPreset}). */
  static final double TRIAGE_RECALL = 0.98;

  private Calibration() {}

  /**
   * One labelled conversation.
   *
   * @param conversation its id
   * @param harmful whether it is grooming or sextortion
   * @param peak the highest risk it reached (a model score or a calibrated probability)
   * @param critical whether it was ever CRITICAL (an alert under every preset)
   */
  public record Outcome(String conversation, boolean harmful, double peak, boolean critical) {}

  /** Platt's parameters on the evidence total {@code x = -ln(1 - score)}. */
  public record Platt(double slope, double intercept) {
    /** As {@link RiskCalibration#probability} computes it, within [0.001, 0.999]. */
    double probability(double score) {
      double p = 1 / (1 + Math.exp(-(slope * evidence(score) + intercept)));
      return Math.max(0.001, Math.min(0.999, p));
    }
  }

  static double evidence(double score) {
    return score >= 1 ? 16 : Math.min(16, -Math.log1p(-Math.max(0, score)));
  }

  /**
   * Fits Platt scaling by Newton's method on the smoothed targets of Platt (1999): (n+ + 1)/(n+ +
   * 2) for a harmful conversation and 1/(n- + 2) for a benign one, which keeps the fit finite when
   * the classes separate (as they nearly do on small corpora).
   *
   * @throws IllegalArgumentException without at least one harmful and one benign conversation
   */
  public static Platt fit(List<Outcome> outcomes) {
    int pos = 0;
    for (Outcome o : outcomes) {
      pos += o.harmful ? 1 : 0;
    }
    int neg = outcomes.size() - pos;
    if (pos == 0 || neg == 0) {
      throw new IllegalArgumentException("calibration needs harmful and benign conversations, got "
          + pos + " harmful and " + neg + " benign");
    }
    double hi = (pos + 1.0) / (pos + 2.0);
    double lo = 1.0 / (neg + 2.0);
    double a = 1;
    double b = 0;
    for (int iter = 0; iter < 100; iter++) {
      double ga = 0;
      double gb = 0;
      double haa = 1e-9;
      double hab = 0;
      double hbb = 1e-9;
      for (Outcome o : outcomes) {
        double x = evidence(o.peak);
        double p = 1 / (1 + Math.exp(-(a * x + b)));
        double t = o.harmful ? hi : lo;
        double w = p * (1 - p);
        ga += (p - t) * x;
        gb += p - t;
        haa += w * x * x;
        hab += w * x;
        hbb += w;
      }
      double det = haa * hbb - hab * hab;
      if (det <= 0) {
        break;
      }
      double da = (hbb * ga - hab * gb) / det;
      double db = (haa * gb - hab * ga) / det;
      a -= da;
      b -= db;
      if (Math.abs(da) + Math.abs(db) < 1e-10) {
        break;
      }
    }
    if (!(a > 0)) {
      throw new IllegalArgumentException("the risk score does not rise with harm on this data"
          + " (fitted slope " + a + "); calibration refused");
    }
    return new Platt(a, b);
  }

  /** The same outcomes with each peak mapped through {@code platt}. */
  public static List<Outcome> calibrated(List<Outcome> outcomes, Platt platt) {
    List<Outcome> out = new ArrayList<>(outcomes.size());
    for (Outcome o : outcomes) {
      out.add(new Outcome(o.conversation, o.harmful, platt.probability(o.peak), o.critical));
    }
    return out;
  }

  /**
   * Expected calibration error: over ten equal-width bins of the predicted probability, the
   * weighted mean of |mean prediction - share harmful|.
   */
  public static double ece(List<Outcome> outcomes) {
    double[] sumP = new double[BINS];
    double[] sumY = new double[BINS];
    int[] n = new int[BINS];
    for (Outcome o : outcomes) {
      int bin = Math.min(BINS - 1, (int) (o.peak * BINS));
      sumP[bin] += o.peak;
      sumY[bin] += o.harmful ? 1 : 0;
      n[bin]++;
    }
    double e = 0;
    for (int i = 0; i < BINS; i++) {
      if (n[i] > 0) {
        e += Math.abs(sumP[i] - sumY[i]) / outcomes.size();
      }
    }
    return e;
  }

  /** Brier score: the mean squared difference between prediction and outcome. */
  public static double brier(List<Outcome> outcomes) {
    double s = 0;
    for (Outcome o : outcomes) {
      double d = o.peak - (o.harmful ? 1 : 0);
      s += d * d;
    }
    return s / outcomes.size();
  }

  /**
   * Expected calibration error out of fold: conversations dealt to {@code folds} folds (by class,
   * in id order, round robin), each fold's probabilities from a fit on the others.
   */
  public static double crossValidatedEce(List<Outcome> outcomes, int folds) {
    List<Outcome> sorted = new ArrayList<>(outcomes);
    sorted.sort(Comparator.comparing(Outcome::harmful).thenComparing(Outcome::conversation));
    List<Outcome> predicted = new ArrayList<>();
    for (int f = 0; f < folds; f++) {
      List<Outcome> train = new ArrayList<>();
      List<Outcome> test = new ArrayList<>();
      for (int i = 0; i < sorted.size(); i++) {
        (i % folds == f ? test : train).add(sorted.get(i));
      }
      predicted.addAll(calibrated(test, fit(train)));
    }
    return ece(predicted);
  }

  /** Whether {@code o} alerts at threshold {@code t}: a CRITICAL conversation always does. */
  static boolean alerts(Outcome o, double t) {
    return o.critical || o.peak >= t;
  }

  /** Counts of alerts at threshold {@code t}. */
  public static BinaryCounts counts(List<Outcome> outcomes, double t) {
    BinaryCounts c = BinaryCounts.EMPTY;
    for (Outcome o : outcomes) {
      c = c.add(o.harmful, alerts(o, t));
    }
    return c;
  }

  /**
   * Each preset's threshold on {@code outcomes}' peaks (calibrated probabilities): the parent's
   * alert at the best F0.5 (precision weighs more; a fixed precision target such as 95% is often
   * out of reach on a small corpus, where the strongest false alarms score as high as grooming),
   * the moderation queue at the best F1, triage at the highest threshold that keeps 98% recall.
   * Ties go to the higher threshold. A threshold sits halfway between
   * the deciding conversation's peak and the next lower one, so that it does not hang on one
   * conversation's exact score.
   */
  public static Map<AlertPreset, Double> thresholds(List<Outcome> outcomes) {
    TreeSet<Double> peaks = new TreeSet<>();
    for (Outcome o : outcomes) {
      peaks.add(o.peak);
    }
    double parent = Double.NaN;
    double bestF05 = -1;
    double queue = Double.NaN;
    double bestF1 = -1;
    double triage = Double.NaN;
    for (double t : peaks) { // ascending
      BinaryCounts c = counts(outcomes, t);
      double p = Metrics.precision(c.tp(), c.fp());
      double r = Metrics.recall(c.tp(), c.fn());
      double f1 = Metrics.f1(p, r);
      double f05 = Metrics.f05(p, r);
      if (f05 >= bestF05) {
        bestF05 = f05;
        parent = t;
      }
      if (f1 >= bestF1) {
        bestF1 = f1;
        queue = t;
      }
      if (r >= TRIAGE_RECALL) {
        triage = t;
      }
    }
    if (Double.isNaN(triage)) {
      triage = peaks.first();
    }
    Map<AlertPreset, Double> out = new EnumMap<>(AlertPreset.class);
    out.put(AlertPreset.PARENT_ALERT, between(peaks, parent));
    out.put(AlertPreset.MODERATION_QUEUE, between(peaks, queue));
    out.put(AlertPreset.REPORT_TRIAGE, between(peaks, triage));
    return out;
  }

  private static double between(TreeSet<Double> peaks, double t) {
    Double lower = peaks.lower(t);
    double v = lower == null ? t / 2 : (lower + t) / 2;
    return Math.max(1e-4, Math.min(1, v));
  }

  /** The preset counts of a detector's calibration on {@code outcomes}. */
  public static Map<AlertPreset, BinaryCounts> presetCounts(List<Outcome> outcomes, RiskCalibration c) {
    Map<AlertPreset, BinaryCounts> out = new EnumMap<>(AlertPreset.class);
    for (AlertPreset p : AlertPreset.values()) {
      out.put(p, counts(outcomes, c.threshold(p)));
    }
    return out;
  }
}
