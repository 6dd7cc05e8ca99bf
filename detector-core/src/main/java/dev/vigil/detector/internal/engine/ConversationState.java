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
  /** When the tracker last saw a message of this conversation, on the detector's clock (ms). */
  volatile long touchedMillis;
  /** Accumulated log-odds of French over English from function words and accents. */
  float frenchLogOdds;
  SenderState[] senders = new SenderState[2];
  int senderCount;
  float risk;
  byte level;
  /** Index of the suspect in {@link #senders}, -1 if none. */
  byte suspect = -1;
  boolean restarted;
  /** Context frames seen so far, sticky (bits of {@code Lexicon.FRAME_*}: a family conversation). */
  byte frames;
  /** Not part of the state proper: the latest assessment, for {@code current()}. */
  @Nullable Assessment latest;

  ConversationState(String id) {
    this.id = id;
  }

  /** The decided language: 0 undetermined, 1 English, 2 French (see {@link #updateLanguage}). */
  byte decidedLanguage;

  /** The conversation's language as decided by the evidence so far. */
  Language language() {
    return decidedLanguage == 1 ? Language.EN : decidedLanguage == 2 ? Language.FR : Language.UNDETERMINED;
  }

  /**
   * Decides the language with hysteresis: once decided, it changes only when the evidence has
   * swung as far the other way, so one English "ok lol" in a French chat changes nothing.
   */
  void updateLanguage(float logOdds) {
    frenchLogOdds = logOdds;
    if (logOdds >= LanguageGuess.DECIDED) {
      decidedLanguage = 2;
    } else if (logOdds <= -LanguageGuess.DECIDED) {
      decidedLanguage = 1;
    }
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
