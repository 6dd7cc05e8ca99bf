package dev.vigil.detector.internal.engine;

import dev.vigil.detector.Stage;
import org.jspecify.annotations.Nullable;

/**
 * What the tracker keeps about one participant of one conversation: decayed evidence per stage
 * and per signal, which stages and signals they reached, and behaviour counters. No text.
 *
 * <p>Evidence is a decayed maximum: each new message's score replaces the stored one if higher,
 * and stored evidence halves every {@link #HALF_LIFE_SECONDS} of message time, so an isolated cue
 * from two months ago weighs little while a month-long grooming episode keeps its early stages.
 */
final class SenderState {

  static final long HALF_LIFE_SECONDS = 30L * 24 * 3600;
  static final float REACHED = 0.5f;

  final String id;
  int messages;
  int questions;
  int nightMessages;
  final float[] stageEvidence = new float[MessageScores.STAGES];
  final float[] signalEvidence = new float[MessageScores.SIGNALS];
  /** Messages of this sender that showed each behaviour group (see {@link RiskModel}), capped. */
  final byte[] groupMessages = new byte[RiskModel.GROUPS];
  int stagesReached;
  int signalsFired;
  long evidenceTime;
  long firstStageTime = Long.MIN_VALUE;
  long lastNewStageTime = Long.MIN_VALUE;
  /** 1-based stage of this sender's latest staged message, 0 if none. */
  byte lastStage;
  /** The sender's declared age, -1 if unknown. */
  short age = -1;

  SenderState(String id) {
    this.id = id;
  }

  /** Decays the stored evidence to {@code now} (epoch seconds). */
  void decayTo(long now) {
    // Under an hour, decay is below 0.1% (half-life 30 days): skip the pow on the hot path.
    if (evidenceTime != 0 && now - evidenceTime > 3600) {
      double f = Math.pow(0.5, (now - evidenceTime) / (double) HALF_LIFE_SECONDS);
      if (f < 0.999) {
        for (int i = 0; i < stageEvidence.length; i++) {
          stageEvidence[i] *= (float) f;
        }
        for (int i = 0; i < signalEvidence.length; i++) {
          signalEvidence[i] *= (float) f;
        }
      }
    }
    if (evidenceTime == 0 || now - evidenceTime > 3600) {
      evidenceTime = Math.max(evidenceTime, now);
    }
  }

  /**
   * Where this participant stands on the ten steps: the furthest stage (in process order) whose
   * evidence is still strong. A later return to an earlier step (more flattery after a secrecy
   * request) does not move it back; time does, as evidence decays. Null if no stage is strong.
   */
  @Nullable Stage frontier() {
    for (int i = stageEvidence.length - 1; i >= 0; i--) {
      if (stageEvidence[i] >= REACHED) {
        return Stage.ofNumber(i + 1);
      }
    }
    return null;
  }

  /** Number of distinct stages reached. */
  int stagesReachedCount() {
    return Integer.bitCount(stagesReached);
  }
}
