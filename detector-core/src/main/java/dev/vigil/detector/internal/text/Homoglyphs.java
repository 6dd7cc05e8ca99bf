package dev.vigil.detector.internal.text;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.Map;

/**
 * Maps look-alike characters to the ASCII letter or digit they imitate: fullwidth and
 * mathematical letters, circled and squared letters (all found by NFKC at class load), and the
 * Cyrillic and Greek letters that evaders mix into Latin words ("snаpchat" with a Cyrillic a).
 * Accented Latin letters are left alone: folding them is the language analysers' job.
 */
final class Homoglyphs {

  private static final char NONE = 0;
  private static final char[] BMP = new char[0x10000];
  private static final Map<Integer, Character> SUPPLEMENTARY = new HashMap<>();

  // Cyrillic and Greek letters that look like Latin ones, as look-alike/ASCII pairs.
  private static final String CONFUSABLE_PAIRS =
      "аa Аa вb Вb еe Еe ёe Ёe кk Кk мm Мm нh Нh оo Оo рp Рp сc Сc тt Тt уy Уy хx Хx іi Іi"
          + " јj Јj ѕs Ѕs ԁd ԛq ԝw һh ɡg ɑa ɩi"
          + " αa Αa βb Βb εe Εe ιi Ιi κk Κk νv Νn οo Οo ρp Ρp τt Τt υu Υy χx Χx ζz Ζz ηn Ηh";

  static {
    int[][] ranges = {
      {0x2100, 0x24FF}, {0x3200, 0x33FF}, {0xFF00, 0xFFEF}, {0x1D400, 0x1D7FF}, {0x1F100, 0x1F1FF}
    };
    for (int[] r : ranges) {
      for (int cp = r[0]; cp <= r[1]; cp++) {
        if (!Character.isValidCodePoint(cp) || !Character.isDefined(cp)) {
          continue;
        }
        String n = Normalizer.normalize(new String(Character.toChars(cp)), Normalizer.Form.NFKC);
        if (n.length() == 1 && n.charAt(0) < 128 && Character.isLetterOrDigit(n.charAt(0))) {
          put(cp, Character.toLowerCase(n.charAt(0)));
        }
      }
    }
    for (String pair : CONFUSABLE_PAIRS.split(" ")) {
      put(pair.charAt(0), pair.charAt(1));
    }
  }

  private Homoglyphs() {}

  private static void put(int cp, char ascii) {
    if (cp < 0x10000) {
      BMP[cp] = ascii;
    } else {
      SUPPLEMENTARY.put(cp, ascii);
    }
  }

  /** The ASCII character {@code cp} imitates, or 0 if it is not a known look-alike. */
  static char map(int cp) {
    if (cp < 0x10000) {
      return BMP[cp];
    }
    if (cp < 0x1D400 || cp > 0x1F1FF) {
      return NONE; // emoji and the rest: no look-alike letters there
    }
    Character c = SUPPLEMENTARY.get(cp);
    return c == null ? NONE : c;
  }
}
