package dev.vigil.detector;

/**
 * What a moderator should do about a conversation, from its risk score.
 *
 * @since 0.1
 */
public enum RiskLevel {
  /** Nothing of note. */
  NONE,
  /** Isolated cues, typical of ordinary chat too. */
  LOW,
  /** Several cues: worth watching. */
  MEDIUM,
  /** A pattern across stages: a moderator should look now. */
  HIGH,
  /** A child may be in danger now: extortion under way, a meeting being arranged, distress after threats. */
  CRITICAL;

  /** Whether this level is {@code other} or more severe. */
  public boolean isAtLeast(RiskLevel other) {
    return compareTo(other) >= 0;
  }
}
