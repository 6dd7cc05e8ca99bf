package dev.vigil.models.internal;

import dev.vigil.detector.spi.Classifier;
import dev.vigil.detector.spi.MessageView;
import dev.vigil.detector.spi.ScoreSink;

/**
 * The linear tier as a {@link Classifier}: features ({@link HashedFeatures}), then the models,
 * then the {@link OutputMapping}, on the messages {@link #wants} accepts. Thread-safe; per-thread buffers only, no conversation state.
 *
 * <p>Design note: per-message working memory (term buffers, the sparse vector, the model input)
 * lives in a per-thread scratch, as in the engine. It holds no message or conversation data
 * between calls: every call overwrites it.
 */
public final class TrainedClassifier implements Classifier {

  /** The tier's stable name, in the pipeline and in {@code --tiers}. */
  public static final String NAME = "trained";

  private final HashedFeatures features;
  private final ProbabilityModel model;
  private final OutputMapping mapping;
  private final double minRisk;
  private final boolean countsTowardRisk;
  private final ThreadLocal<Scratch> scratch;

  /**
   * A classifier over the given parts.
   *
   * @param minRisk the tier runs only on messages of conversations whose risk before the message
   *     is at least this (0: every message)
   * @param countsTowardRisk whether the labels count as risk evidence (see {@link
   *     #countsTowardRisk()})
   * @throws IllegalArgumentException if {@code minRisk} is not in [0,1]
   */
  public TrainedClassifier(HashedFeatures features, ProbabilityModel model, OutputMapping mapping,
      double minRisk, boolean countsTowardRisk) {
    if (!(minRisk >= 0 && minRisk <= 1)) {
      throw new IllegalArgumentException("min_risk must be in [0,1], got " + minRisk);
    }
    this.features = features;
    this.model = model;
    this.mapping = mapping;
    this.minRisk = minRisk;
    this.countsTowardRisk = countsTowardRisk;
    this.scratch = ThreadLocal.withInitial(() -> new Scratch(mapping));
  }

  /** The same classifier with another cascade gate (shares the models). */
  public TrainedClassifier withMinRisk(double minRisk) {
    return new TrainedClassifier(features, model, mapping, minRisk, countsTowardRisk);
  }

  /** The same classifier without confident labels: the cascade alone (shares the models). */
  public TrainedClassifier cascadeOnly() {
    int st = mapping.stageColumns();
    int sg = mapping.signalColumns();
    return new TrainedClassifier(features, model,
        mapping.withConfident(java.util.Collections.nCopies(st, 1.0), java.util.Collections.nCopies(sg, 1.0)),
        minRisk, countsTowardRisk);
  }

  /** The same classifier whose labels do or do not count as risk evidence (shares the models). */
  public TrainedClassifier withRiskCounting(boolean counts) {
    return new TrainedClassifier(features, model, mapping, minRisk, counts);
  }

  /**
   * The same models as a tier of their own, to measure them alone: on every message, and a label
   * at its threshold reported with 0.5 (the engine's reporting threshold) up to 1 at probability 1.
   */
  public TrainedClassifier standalone() {
    return new TrainedClassifier(features, model, mapping.withRange(0.5, 1.0), 0, true);
  }

  private static final class Scratch {
    final HashedFeatures.Scratch features = new HashedFeatures.Scratch();
    final double[] stage;
    final double[] signal;

    Scratch(OutputMapping m) {
      stage = new double[m.stageColumns()];
      signal = new double[m.signalColumns()];
    }
  }

  @Override
  public String name() {
    return NAME;
  }

  /**
   * A cascade: the tier reads a message only in a conversation the rules have already brought to
   * MEDIUM or above (by default: {@code min_risk} in the manifest), the point from which the
   * engine itself reads weak cues from the suspect as the steps they look like. It extends a
   * pattern the rules established; it never starts one. One ordinary message, or a conversation
   * the rules see little in, never reaches an alert on the model's word alone: the model was
   * trained on a small synthetic corpus of scripts and hard cases and has seen no ordinary chat
   * (DESIGN: a level comes from the pattern, not from one signal). A message without a token
   * gives the model nothing but the context and is skipped too.
   *
   * <p>A model with confident thresholds (manifest: {@code confident_thresholds}) also reads every
   * other message and reports a label there only when its probability reaches the label's
   * confident threshold (chosen at training for an out-of-fold precision of 80 or 90% on every
   * message, ordinary and benign ones included; the manifest says which). Such a label names the step; in the default label-only mode
   * it never raises risk, so a benign conversation's level is unchanged.
   */
  @Override
  public boolean wants(MessageView message, double riskSoFar) {
    return message.tokenCount() > 0 && (mapping.hasConfident() || inCascade(message));
  }

  private boolean inCascade(MessageView message) {
    return message.conversation().risk() >= minRisk;
  }

  /**
   * In the cascade the tier labels and does not raise risk (unless built otherwise): the
   * conversation's risk, level and stages reached stay the rules' judgement, and the model names
   * the steps of a pattern the rules established. Measured on the corpus's test part, its labels
   * counted as evidence sent two more benign conversations to HIGH while stage and signal F1 rose
   * (detector-models/README.md). As a tier of its own ({@link #standalone()}) it counts.
   */
  @Override
  public boolean countsTowardRisk() {
    return countsTowardRisk;
  }

  @Override
  public void classify(MessageView message, ScoreSink out) {
    if (!wants(message, 1)) {
      return;
    }
    Scratch s = scratch.get();
    SparseVector v = features.compute(message, s.features);
    model.predict(v, s.stage, s.signal);
    mapping.report(s.stage, s.signal, out, inCascade(message));
  }
}
