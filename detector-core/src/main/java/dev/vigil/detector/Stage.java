package dev.vigil.detector;

/**
 * The ten steps of the grooming process, in process order (after O'Connell 2003 and the staged
 * models built on it). Real conversations skip, repeat and go back; the order is the usual one,
 * not a rule.
 *
 * <p>These names are a public contract: they appear in the API, the CLI output and labelled data.
 *
 * @since 0.1
 */
public enum Stage {
  /** Befriends the child: compliments, shared interests, gifts. */
  FRIENDSHIP,
  /** Asks to swap photos to check that the child fits. */
  PHOTO_REQUEST,
  /** Builds the relationship: age, school, family, where the child lives. */
  PERSONAL_INFO,
  /** Takes the "best friend" role: constant contact, "only I understand you". */
  BEST_FRIEND,
  /** Checks supervision and exposure: parents, shared devices, being alone. */
  RISK_ASSESSMENT,
  /** Pushes private feelings and secrets both ways. */
  RECIPROCITY,
  /** Light sexual suggestions and first overt requests. */
  SEXUAL_SUGGESTION,
  /** The conversation becomes fully sexual. */
  SEXUALIZATION,
  /** Limits disclosure: keep it secret, delete chats, move to a private app. */
  SECRECY,
  /** Extorts images, videos or money with threats (sextortion). */
  EXTORTION;

  private static final Stage[] VALUES = values();

  /** The 1-based position of this stage in the process (FRIENDSHIP is 1, EXTORTION is 10). */
  public int number() {
    return ordinal() + 1;
  }

  /**
   * The stage at a 1-based position.
   *
   * @throws IllegalArgumentException if {@code number} is not in 1..10
   */
  public static Stage ofNumber(int number) {
    if (number < 1 || number > VALUES.length) {
      throw new IllegalArgumentException("stage number must be in 1..10, got " + number);
    }
    return VALUES[number - 1];
  }
}
