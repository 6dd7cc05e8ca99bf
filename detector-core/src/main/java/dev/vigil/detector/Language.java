package dev.vigil.detector;

import java.util.Locale;

/**
 * The languages Vigil analyses. {@link #UNDETERMINED} is reported while a conversation has not
 * shown enough evidence of either; it cannot be requested.
 *
 * @since 0.1
 */
public enum Language {
  /** English. */
  EN,
  /** French. */
  FR,
  /** Not yet known for this conversation. */
  UNDETERMINED;

  /**
   * The language for an ISO 639-1 code ("en", "fr", case-insensitive; "en-GB" and "fr_CA" too).
   *
   * @throws IllegalArgumentException for any other code
   */
  public static Language ofCode(String code) {
    String c = code.trim().toLowerCase(Locale.ROOT);
    if (c.startsWith("en") && (c.length() == 2 || c.charAt(2) == '-' || c.charAt(2) == '_')) {
      return EN;
    }
    if (c.startsWith("fr") && (c.length() == 2 || c.charAt(2) == '-' || c.charAt(2) == '_')) {
      return FR;
    }
    throw new IllegalArgumentException("unsupported language code '" + code + "': use en or fr");
  }
}
