package dev.vigil.models.internal;

import dev.vigil.detector.spi.Classifier;
import dev.vigil.detector.spi.MessageView;
import dev.vigil.detector.spi.ScoreSink;

/**
 * The transformer tier as a {@link Classifier}: the message's scored text is embedded ({@link
 * Embedder}, a sentence encoder), the {@link EmbeddingHead} gives each stage and signal a
 * probability, and the {@link OutputMapping} reports the labels that reach their thresholds as
 * contextual cues, with the evidence id {@code transformer.<model>} and span {@code 0,0} (a
 * whole-message judgement). Runs only on the messages {@link #wants} accepts. Thread-safe;
 * per-thread buffers only, no conversation state.
 *
 * <p>Design note: the tier reads the raw scored text, not the analysed terms: a sentence encoder
 * needs word order and function words. The engine has bounded the text already ({@code
 * maxMessageChars}); the encoder bounds it again to its token window.
 */
public final class TransformerClassifier implements Classifier {

  /** The tier's stable name, in the pipeline and in {@code --tiers}. */
  public static final String NAME = "transformer";

  private final Embedder embedder;
  private final EmbeddingHead head;
  private final OutputMapping mapping;
  private final double minRisk;
  private final boolean countsTowardRisk;
  private final ThreadLocal<Scratch> scratch;

  /**
   * A classifier over the given parts.
   *
   * @param mapping reports the head's probabilities (its evidence id included)
   * @param minRisk the tier runs only on messages of conversations whose risk before the message
   *     is at least this (0: every message)
   * @param countsTowardRisk whether the labels count as risk evidence (see {@link
   *     #countsTowardRisk()})
   * @throws IllegalArgumentException if {@code minRisk} is not in [0,1] or the parts do not fit
   */
  public TransformerClassifier(Embedder embedder, EmbeddingHead head, OutputMapping mapping, double minRisk,
      boolean countsTowardRisk) {
    if (!(minRisk >= 0 && minRisk <= 1)) {
      throw new IllegalArgumentException("min_risk must be in [0,1], got " + minRisk);
    }
    if (embedder.dimension() != head.dimension()) {
      throw new IllegalArgumentException("the encoder gives " + embedder.dimension() + " dimensions, the head reads "
          + head.dimension());
    }
    if (mapping.stageColumns() != head.stageRows() || mapping.signalColumns() != head.signalRows()) {
      throw new IllegalArgumentException("the head's labels do not match its thresholds");
    }
    this.embedder = embedder;
    this.head = head;
    this.mapping = mapping;
    this.minRisk = minRisk;
    this.countsTowardRisk = countsTowardRisk;
    this.scratch = ThreadLocal.withInitial(() -> new Scratch(embedder.dimension(), head));
  }

  /** The same classifier with another cascade gate (shares the encoder and head). */
  public TransformerClassifier withMinRisk(double minRisk) {
    return new TransformerClassifier(embedder, head, mapping, minRisk, countsTowardRisk);
  }

  /** The same classifier whose labels do or do not count as risk evidence (shares the parts). */
  public TransformerClassifier withRiskCounting(boolean counts) {
    return new TransformerClassifier(embedder, head, mapping, minRisk, counts);
  }

  /** The cascade gate. */
  public double minRisk() {
    return minRisk;
  }

  /** The encoder. */
  public Embedder embedder() {
    return embedder;
  }

  private static final class Scratch {
    final float[] embedding;
    final double[] stage;
    final double[] signal;

    Scratch(int dimension, EmbeddingHead head) {
      embedding = new float[dimension];
      stage = new double[head.stageRows()];
      signal = new double[head.signalRows()];
    }
  }

  @Override
  public String name() {
    return NAME;
  }

  /**
   * A cascade, like the trained tier's: the tier reads a message only in a conversation the
   * cheaper tiers have already brought to {@code min_risk} (the manifest's, MEDIUM for the shipped
   * model), so that most messages of ordinary chat never pay for the encoder, and the model never
   * starts a pattern on its own. A message without an analysed token is skipped too.
   */
  @Override
  public boolean wants(MessageView message, double riskSoFar) {
    return message.tokenCount() > 0 && message.conversation().risk() >= minRisk;
  }

  /**
   * By default the tier labels and does not raise risk, like the trained tier: the conversation's
   * risk, level and stages reached stay the rules' judgement, and the encoder names the steps of
   * a pattern the rules established. A model trained on a small synthetic corpus has not earned
   * the right to raise an alarm on its own word.
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
    embedder.embed(message.text(), s.embedding);
    head.predict(s.embedding, s.stage, s.signal);
    mapping.report(s.stage, s.signal, out);
  }
}
