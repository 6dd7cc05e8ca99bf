package dev.vigil.detector.spi;

/**
 * Scores one message for stages and signals. Thread-safe and stateless between calls; it may
 * read the conversation context of the {@link MessageView} but keeps none of its own.
 *
 * @since 0.1
 */
public interface Classifier {

  /** A stable name for the pipeline and for evidence sources, e.g. {@code lexicon}. */
  String name();

  /** Reports what this classifier finds in {@code message} to {@code out}. */
  void classify(MessageView message, ScoreSink out);

  /**
   * Whether this classifier should run on {@code message}, given what the cheaper classifiers
   * before it found ({@code riskSoFar}, the conversation's risk before this message combined with
   * this message's scores so far). Expensive tiers return false when the cheap tiers see no risk,
   * making the pipeline a cascade. The default runs on every message.
   */
  default boolean wants(MessageView message, double riskSoFar) {
    return true;
  }
}
