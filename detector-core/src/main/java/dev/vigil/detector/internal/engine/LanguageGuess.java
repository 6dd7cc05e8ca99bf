package dev.vigil.detector.internal.engine;

import dev.vigil.detector.internal.text.LanguageAnalyzer;
import dev.vigil.detector.internal.text.TextBuffer;
import org.jspecify.annotations.Nullable;

/**
 * Decides a conversation's language from accumulated evidence rather than per message: short chat
 * lines ("ok", "lol", "t'es où ?") say too little on their own, and a statistical identifier gives
 * them near-random answers. Each message adds the count of French function words minus English
 * ones (and a little for accented letters) to the conversation's log-odds; the language is decided
 * once the sum passes {@link #DECIDED}. Until then both languages are analysed.
 */
final class LanguageGuess {

  static final float DECIDED = 2.5f;
  private static final float CAP = 12f;
  /** Past this, the language is settled and no longer re-estimated (a cost saving). */
  static final float SETTLED = 8f;

  private LanguageGuess() {}

  static float update(float logOdds, TextBuffer tokens, @Nullable LanguageAnalyzer en,
      @Nullable LanguageAnalyzer fr) {
    int english = 0;
    int french = 0;
    for (int t = 0; t < tokens.tokenCount(); t++) {
      if (en != null && en.isFunctionWord(tokens, t)) {
        english++;
      }
      if (fr != null && fr.isFunctionWord(tokens, t)) {
        french++;
      }
    }
    float accents = fr == null ? 0 : Math.min(2, tokens.accentedLetters()) * 0.5f;
    float delta = french - english + accents;
    return Math.max(-CAP, Math.min(CAP, logOdds + delta));
  }
}
