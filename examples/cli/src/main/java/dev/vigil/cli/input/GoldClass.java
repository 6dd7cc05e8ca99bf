package dev.vigil.cli.input;

import java.util.Locale;

/**
 * The conversation label of a labelled corpus ({@code gold_class}).
 *
 * <p>Immutable and thread-safe.
 */
public enum GoldClass {
  /** A grooming conversation. */
  GROOMING,
  /** A sextortion conversation. */
  SEXTORTION,
  /** An ordinary conversation, including hard benign cases. */
  BENIGN;

  /** Whether this class is a harmful one (GROOMING or SEXTORTION): the positive class of eval. */
  public boolean isHarmful() {
    return this != BENIGN;
  }

  /**
   * The class of a label, case-insensitive.
   *
   * @throws IllegalArgumentException for any other value (the message names the value)
   */
  public static GoldClass parse(String value) {
    try {
      return valueOf(value.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("unknown gold_class " + Fields.quote(value)
          + " (use GROOMING, SEXTORTION or BENIGN)", e);
    }
  }
}
