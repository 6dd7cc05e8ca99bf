package dev.vigil.detector.internal.engine;

import dev.vigil.detector.spi.FeatureExtractor;
import dev.vigil.detector.spi.FeatureSink;
import dev.vigil.detector.spi.MessageView;

/**
 * Behavioural features of a message in its conversation, for the classifiers after it: who asks
 * the questions, timing, night hours (UTC, as the SDK does not know the participants' time zone),
 * message length and position. Cheap: no text analysis beyond what the view already holds.
 */
final class BehaviourExtractor implements FeatureExtractor {

  static final String NAME = "behaviour";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public void extract(MessageView m, FeatureSink out) {
    long seconds = m.time().getEpochSecond();
    int hour = (int) Math.floorMod(seconds, 86_400L) / 3600;
    out.put("behaviour.night", hour >= 22 || hour < 6 ? 1 : 0);
    long gap = m.conversation().secondsSincePrevious();
    out.put("behaviour.log_gap_seconds", gap < 0 ? -1 : Math.log1p(gap));
    out.put("behaviour.sender_question_ratio", m.conversation().senderQuestionRatio());
    out.put("behaviour.tokens", m.tokenCount());
    out.put("behaviour.position", m.index());
  }
}
