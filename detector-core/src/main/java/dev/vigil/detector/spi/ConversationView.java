package dev.vigil.detector.spi;

import dev.vigil.detector.Stage;
import org.jspecify.annotations.Nullable;

/**
 * Read-only context of a message's conversation, as it stood before the message: what a plug-in
 * may condition on (the previous stage, who asks the questions, timing).
 *
 * @since 0.1
 */
public interface ConversationView {

  /** Messages in the conversation before this one. */
  int messageCount();

  /** Distinct senders tracked so far. */
  int senderCount();

  /** Where the conversation stood before this message, or null. */
  @Nullable Stage currentStage();

  /** The stage of this sender's previous staged message, or null. */
  @Nullable Stage senderPreviousStage();

  /** Messages this sender wrote before this one. */
  int senderMessageCount();

  /** Share of this sender's earlier messages that asked a question, 0 if none. */
  double senderQuestionRatio();

  /** Seconds since the previous message of the conversation, or -1 for the first message. */
  long secondsSincePrevious();

  /**
   * The conversation's risk before this message, in [0,1]: the risk model's own score, before
   * calibration, whose level boundaries are fixed (LOW 0.2, MEDIUM 0.45, HIGH 0.7), so that a
   * cascade gate means the same whatever calibration a detector uses.
   */
  double risk();
}
