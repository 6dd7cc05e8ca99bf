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
   * before it found ({@code riskSoFar}, the conversation's uncalibrated risk before this message
   * (see {@link ConversationView#risk()}) combined with this message's scores so far that count
   * towards risk). Expensive tiers return false when the cheap tiers see no risk,
   * making the pipeline a cascade. The default runs on every message.
   */
  default boolean wants(MessageView message, double riskSoFar) {
    return true;
  }

  /**
   * Whether what this classifier reports counts as evidence towards the conversation's risk. A
   * classifier returning {@code false} only labels: its scores add to the message's stage, stage
   * scores, signals and evidence, but the conversation's risk, level and stages reached are
   * computed without them. Right for a learned tier that labels the
   * steps of a pattern the rules established well but has never seen enough ordinary chat to be
   * trusted to raise an alarm on its own word. The default counts.
   *
   * @since 0.1
   */
  default boolean countsTowardRisk() {
    return true;
  }
}
