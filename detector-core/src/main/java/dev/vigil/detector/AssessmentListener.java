package dev.vigil.detector;

/**
 * Called when a conversation's {@link RiskLevel} changes. Runs on the thread that called {@link
 * ConversationTracker#observe(Message)}: keep it short, hand work to a queue. Exceptions thrown
 * here are caught and logged (without message text) and never reach the caller of {@code observe}.
 *
 * @since 0.1
 */
@FunctionalInterface
public interface AssessmentListener {
  /**
   * The level went from {@code previous} to {@code current.level()}.
   *
   * @param previous the level before this message
   * @param current the assessment after this message
   */
  void onLevelChange(RiskLevel previous, Assessment current);
}
