package dev.vigil.detector.internal.engine;

import dev.vigil.detector.Assessment;
import dev.vigil.detector.Language;
import org.jspecify.annotations.Nullable;

/**
 * The tracker's state for one conversation: counters, language evidence, the senders, and the
 * latest risk. Guarded by its own monitor: one message of a conversation at a time.
 */
final class ConversationState {

  final String id;
  int messageCount;
  long firstTime = Long.MIN_VALUE;
  long lastTime = Long.MIN_VALUE;
  /** Accumulated log-odds of French over English from function words and accents. */
  float frenchLogOdds;
  SenderState[] senders = new SenderState[2];
  int senderCount;
  float risk;
  byte level;
  /** Index of the suspect in {@link #senders}, -1 if none. */
  byte suspect = -1;
  boolean restarted;
  /** Not part of the state proper: the latest assessment, for {@code current()}. */
  @Nullable Assessment latest;

  ConversationState(String id) {
    this.id = id;
  }

  /** The conversation's language as decided by the evidence so far. */
  Language language() {
    if (frenchLogOdds >= LanguageGuess.DECIDED) {
      return Language.FR;
    }
    if (frenchLogOdds <= -LanguageGuess.DECIDED) {
      return Language.EN;
    }
    return Language.UNDETERMINED;
  }

  /** The state of a sender, adding it if there is room; null when the sender limit is reached. */
  @Nullable SenderState sender(String senderId, int maxSenders) {
    for (int i = 0; i < senderCount; i++) {
      if (senders[i].id.equals(senderId)) {
        return senders[i];
      }
    }
    if (senderCount >= maxSenders) {
      return null;
    }
    if (senderCount == senders.length) {
      senders = java.util.Arrays.copyOf(senders, Math.min(maxSenders, senders.length * 2));
    }
    SenderState s = new SenderState(senderId);
    senders[senderCount++] = s;
    return s;
  }

  int indexOf(SenderState s) {
    for (int i = 0; i < senderCount; i++) {
      if (senders[i] == s) {
        return i;
      }
    }
    return -1;
  }
}
