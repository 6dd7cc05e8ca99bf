package dev.vigil.models.internal;

import dev.vigil.detector.Signal;
import dev.vigil.detector.Stage;
import dev.vigil.detector.spi.ScoreSink;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Turns the models' probabilities into what the tier reports. A label is reported only when its
 * probability reaches the label's threshold (chosen on out-of-fold predictions of the training
 * part for high precision, {@link #calibrate} maps it to 0.5); nothing is reported otherwise,
 * because scores combine with the lexicon's by noisy-or and small ones would add up. A reported
 * label's score runs linearly from {@code low} at the threshold to {@code high} at probability 1.
 *
 * <p>The shipped range is [0.35, 0.45]: at or above the engine's threshold for the suspect of a
 * conversation already at MEDIUM (0.35), where the tier runs, so that it labels the suspect's
 * steps; below the engine's threshold for everyone else and for a stage to count as reached (0.5),
 * so that for the risk model its word alone is a weak cue that matters only with others, never a
 * step on its own. The tier refines what is happening in a conversation the rules flagged; the
 * rules, with the model's cues among theirs, decide how alarming it is.
 *
 * <p>Confident thresholds ({@link #withConfident}) add a second way to report, on any message,
 * also outside the cascade: a label whose probability reaches its confident threshold (chosen at
 * training for an out-of-fold precision of 80 or 90% on every training message, ordinary and
 * benign ones included) is reported with {@value #CONFIDENT_SCORE}, the engine's reporting threshold, so that it
 * shows as the message's label. In the default label-only mode such a label never raises risk.
 * Immutable and thread-safe.
 */
public final class OutputMapping {

  /** The evidence id of this tier's scores. */
  public static final String RULE_ID = "trained.linear";

  private final @Nullable Stage[] stages;
  private final double[] stageThreshold;
  private final Signal[] signals;
  private final double[] signalThreshold;
  private final double low;
  private final double high;
  private final String ruleId;
  /** Per label, the probability from which the label is reported outside the cascade; 1: never. */
  private final double[] stageConfident;
  private final double[] signalConfident;
  private final boolean anyConfident;

  /**
   * A mapping.
   *
   * @param stageLabels the stage model's labels in column order ({@code NONE} or Stage names)
   * @param stageThresholds per label
   * @param signalLabels the signal model's labels (Signal names)
   * @param signalThresholds per label
   * @param low the score reported at a label's threshold, in (0,1]
   * @param high the score reported at probability 1, in [low,1]
   * @throws IllegalArgumentException for an unknown label, mismatched lengths or a bad range
   */
  public OutputMapping(List<String> stageLabels, List<Double> stageThresholds, List<String> signalLabels,
      List<Double> signalThresholds, double low, double high) {
    if (stageLabels.size() != stageThresholds.size() || signalLabels.size() != signalThresholds.size()) {
      throw new IllegalArgumentException("labels and thresholds differ in length");
    }
    if (!(low > 0 && low <= high && high <= 1)) {
      throw new IllegalArgumentException("report range must satisfy 0 < low <= high <= 1, got [" + low + ", "
          + high + "]");
    }
    this.stages = new Stage[stageLabels.size()];
    this.stageThreshold = new double[stages.length];
    for (int i = 0; i < stages.length; i++) {
      String l = stageLabels.get(i);
      stages[i] = l.equals("NONE") ? null : parse(Stage.class, l);
      stageThreshold[i] = checkThreshold(stageThresholds.get(i), l);
    }
    this.signals = new Signal[signalLabels.size()];
    this.signalThreshold = new double[signals.length];
    for (int i = 0; i < signals.length; i++) {
      signals[i] = parse(Signal.class, signalLabels.get(i));
      signalThreshold[i] = checkThreshold(signalThresholds.get(i), signalLabels.get(i));
    }
    this.low = low;
    this.high = high;
    this.ruleId = RULE_ID;
    this.stageConfident = filled(stages.length);
    this.signalConfident = filled(signals.length);
    this.anyConfident = false;
  }

  private OutputMapping(OutputMapping m, double low, double high, String ruleId, double[] stageConfident,
      double[] signalConfident) {
    this.stages = m.stages;
    this.stageThreshold = m.stageThreshold;
    this.signals = m.signals;
    this.signalThreshold = m.signalThreshold;
    this.low = low;
    this.high = high;
    this.ruleId = ruleId;
    this.stageConfident = stageConfident;
    this.signalConfident = signalConfident;
    boolean any = false;
    for (double t : stageConfident) {
      any |= t < 1;
    }
    for (double t : signalConfident) {
      any |= t < 1;
    }
    this.anyConfident = any;
  }

  private static double[] filled(int n) {
    double[] a = new double[n];
    java.util.Arrays.fill(a, 1.0);
    return a;
  }

  /**
   * The same mapping with confident thresholds: per label, the probability from which the label is
   * reported with {@value #CONFIDENT_SCORE} (the engine's reporting threshold) on any message, also
   * outside the cascade (see {@link #report(double[], double[], ScoreSink, boolean)}); 1 or more:
   * never. Chosen at training for high precision on every message, ordinary ones included.
   *
   * @param stageThresholds per stage-model label, in its order ({@code NONE}'s is ignored)
   * @param signalThresholds per signal-model label
   * @throws IllegalArgumentException for mismatched lengths or a threshold that is not positive
   */
  public OutputMapping withConfident(List<Double> stageThresholds, List<Double> signalThresholds) {
    if (stageThresholds.size() != stages.length || signalThresholds.size() != signals.length) {
      throw new IllegalArgumentException("confident thresholds and labels differ in length");
    }
    double[] st = new double[stages.length];
    for (int i = 0; i < st.length; i++) {
      st[i] = checkThreshold(stageThresholds.get(i), stages[i] == null ? "NONE" : stages[i].name());
    }
    double[] sg = new double[signals.length];
    for (int i = 0; i < sg.length; i++) {
      sg[i] = checkThreshold(signalThresholds.get(i), signals[i].name());
    }
    return new OutputMapping(this, low, high, ruleId, st, sg);
  }

  /** Whether any label has a confident threshold (the tier then reads every message). */
  public boolean hasConfident() {
    return anyConfident;
  }

  /** The score of a confident label: the engine's reporting threshold, so that the label shows. */
  public static final double CONFIDENT_SCORE = 0.5;

  /**
   * The same mapping reporting under another evidence id (the transformer tier's {@code
   * transformer.<model>}).
   *
   * @throws IllegalArgumentException if {@code ruleId} is blank
   */
  public OutputMapping withRuleId(String ruleId) {
    if (ruleId.isBlank()) {
      throw new IllegalArgumentException("evidence id must not be blank");
    }
    return new OutputMapping(this, low, high, ruleId, stageConfident, signalConfident);
  }

  /** The same thresholds with another report range (same validation as the constructor). */
  public OutputMapping withRange(double low, double high) {
    if (!(low > 0 && low <= high && high <= 1)) {
      throw new IllegalArgumentException("report range must satisfy 0 < low <= high <= 1, got [" + low + ", "
          + high + "]");
    }
    return new OutputMapping(this, low, high, ruleId, stageConfident, signalConfident);
  }

  private static <E extends Enum<E>> E parse(Class<E> type, String name) {
    try {
      return Enum.valueOf(type, name);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("unknown " + type.getSimpleName() + " label '" + name + "'", e);
    }
  }

  private static double checkThreshold(Double t, String label) {
    if (t == null || !(t > 0)) {
      throw new IllegalArgumentException("threshold of " + label + " must be positive, got " + t);
    }
    return t;
  }

  /** Columns of the stage model. */
  public int stageColumns() {
    return stages.length;
  }

  /** Columns of the signal model. */
  public int signalColumns() {
    return signals.length;
  }

  /** The calibrated score of probability {@code p} for threshold {@code t} (0 if disabled). */
  public static double calibrate(double p, double t) {
    if (t >= 1) {
      return 0;
    }
    return p >= t ? 0.5 + 0.5 * (p - t) / (1 - t) : 0.5 * p / t;
  }

  /** The reported score of probability {@code p} for threshold {@code t}, or -1 for none. */
  double score(double p, double t) {
    double c = calibrate(p, t);
    return c < 0.5 ? -1 : low + (high - low) * (c - 0.5) / 0.5;
  }

  /** Reports the mapped scores of one message in the cascade (its conversation past the gate). */
  public void report(double[] stageProbabilities, double[] signalProbabilities, ScoreSink out) {
    report(stageProbabilities, signalProbabilities, out, true);
  }

  /**
   * Reports the mapped scores of one message: in the cascade ({@code inCascade}, the conversation
   * already past the gate) a label from its threshold in the report range; on any message a label
   * from its confident threshold with {@value #CONFIDENT_SCORE}; the higher of the two.
   */
  public void report(double[] stageProbabilities, double[] signalProbabilities, ScoreSink out,
      boolean inCascade) {
    for (int i = 0; i < stages.length; i++) {
      Stage s = stages[i];
      if (s != null) {
        double v = value(stageProbabilities[i], stageThreshold[i], stageConfident[i], inCascade);
        if (v > 0) {
          out.stage(s, v, ruleId, 0, 0);
        }
      }
    }
    for (int i = 0; i < signals.length; i++) {
      double v = value(signalProbabilities[i], signalThreshold[i], signalConfident[i], inCascade);
      if (v > 0) {
        out.signal(signals[i], v, ruleId, 0, 0);
      }
    }
  }

  private double value(double p, double threshold, double confident, boolean inCascade) {
    double v = inCascade ? score(p, threshold) : -1;
    if (confident < 1 && p >= confident) {
      v = Math.max(v, CONFIDENT_SCORE);
    }
    return v;
  }
}
