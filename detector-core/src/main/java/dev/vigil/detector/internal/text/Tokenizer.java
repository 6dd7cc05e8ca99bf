package dev.vigil.detector.internal.text;

/**
 * Normalises a message and splits it into tokens, keeping for every token the span of the
 * original text it came from. Language-neutral; the {@link LanguageAnalyzer}s do the rest.
 *
 * <p>What it undoes, because evaders rely on it: zero-width and other format characters and
 * combining marks (dropped), look-alike letters ({@link Homoglyphs}), letters repeated more than
 * twice ("pleeeease" becomes "pleease"; the analyser removes the last double against its
 * vocabulary), s.p.a.c.e.d and s n a p letters (three or more single characters joined by one
 * separator each are merged into one token), typographic apostrophes. Leetspeak is only marked
 * here ({@code t3l3gr4m} mixes letters and look-alike digits) and resolved per language, after the
 * SMS dictionary had its chance ("b4" is "before", not "ba").
 *
 * <p>Time is linear in the text length: one pass to normalise, one to tokenise, no backtracking.
 */
public final class Tokenizer {

  private Tokenizer() {}

  /**
   * Analyses the first {@code limit} characters of {@code text} into {@code out}.
   *
   * @return whether the text was longer than {@code limit}
   */
  public static boolean tokenize(String text, int limit, TextBuffer out) {
    int length = Math.min(text.length(), limit);
    // Do not cut a surrogate pair in half.
    if (length < text.length() && length > 0 && Character.isHighSurrogate(text.charAt(length - 1))) {
      length--;
    }
    normalize(text, length, out);
    split(out);
    return length < text.length();
  }

  private static void normalize(String text, int length, TextBuffer out) {
    out.resetNorm(length + 8);
    int i = 0;
    while (i < length) {
      int cp = text.codePointAt(i);
      int next = i + Character.charCount(cp);
      if (cp < 128) {
        char c = (char) cp;
        if (c >= 'A' && c <= 'Z') {
          c = (char) (c + 32);
        } else if (c == '`') {
          c = '\'';
        } else if (c == '?') {
          out.question = true;
        }
        appendCollapsing(out, c, i, next);
      } else {
        int type = Character.getType(cp);
        if (type == Character.FORMAT || type == Character.NON_SPACING_MARK
            || type == Character.ENCLOSING_MARK || (cp >= 0xFE00 && cp <= 0xFE0F)
            || (cp >= 0x1F3FB && cp <= 0x1F3FF)) {
          // zero-width joiners, soft hyphens, variation selectors, skin tones, zalgo marks
        } else if (cp == 0x2019 || cp == 0x2018 || cp == 0x02BC || cp == 0x00B4 || cp == 0x2032) {
          appendCollapsing(out, '\'', i, next);
        } else if (cp == 0xFF1F || cp == 0x00BF) {
          out.question = true;
          appendCollapsing(out, '?', i, next);
        } else {
          char ascii = Homoglyphs.map(cp);
          if (ascii != 0) {
            appendCollapsing(out, ascii, i, next);
          } else if (Character.isLetter(cp)) {
            int lower = Character.toLowerCase(cp);
            if (lower < 0x10000) {
              if (lower >= 0xC0 && lower <= 0x24F) {
                out.accentedLetters++;
              }
              appendCollapsing(out, (char) lower, i, next);
            } else {
              out.appendNorm(Character.highSurrogate(lower), i, next);
              out.appendNorm(Character.lowSurrogate(lower), i, next);
            }
          } else if (Character.isSupplementaryCodePoint(cp)) {
            out.appendNorm(Character.highSurrogate(cp), i, next);
            out.appendNorm(Character.lowSurrogate(cp), i, next);
          } else {
            out.appendNorm((char) cp, i, next);
          }
        }
      }
      i = next;
    }
  }

  /** Appends, but drops a letter that would be the third identical one in a row. */
  private static void appendCollapsing(TextBuffer out, char c, int start, int end) {
    int n = out.normLength;
    if (n >= 2 && Character.isLetter(c) && out.norm[n - 1] == c && out.norm[n - 2] == c) {
      out.normEnd[n - 1] = end;
      return;
    }
    out.appendNorm(c, start, end);
  }

  private static boolean isWordChar(char c) {
    return Character.isLetterOrDigit(c);
  }

  private static boolean isLeetSymbol(char c) {
    return c == '@' || c == '$';
  }

  private static boolean isLeetDigit(char c) {
    return c == '0' || c == '1' || c == '3' || c == '4' || c == '5' || c == '7';
  }

  private static boolean isCurrency(char c) {
    return c == '$' || c == '\u20AC' || c == '\u00A3' || c == '\u00A5';
  }

  private static boolean isEmoji(char[] s, int i, int n) {
    char c = s[i];
    if (Character.isHighSurrogate(c) && i + 1 < n) {
      int cp = Character.toCodePoint(c, s[i + 1]);
      return cp >= 0x1F000 && cp <= 0x1FAFF;
    }
    return (c >= 0x2600 && c <= 0x27BF) || (c >= 0x2B00 && c <= 0x2BFF);
  }

  private static void split(TextBuffer b) {
    char[] s = b.norm;
    int n = b.normLength;
    int i = 0;
    while (i < n) {
      char c = s[i];
      if (isEmoji(s, i, n)) {
        int len = Character.isHighSurrogate(c) ? 2 : 1;
        b.addToken(s, i, len, b.normStart[i], b.normEnd[i + len - 1], TextBuffer.EMOJI, false);
        i += len;
        continue;
      }
      boolean startsToken = isWordChar(c)
          || (isLeetSymbol(c) && i + 1 < n && isWordChar(s[i + 1]))
          || (isCurrency(c) && i + 1 < n && Character.isDigit(s[i + 1]));
      if (!startsToken) {
        i++;
        continue;
      }
      int start = i;
      int letters = 0;
      int digits = 0;
      int leet = 0;
      boolean currency = false;
      while (i < n) {
        char d = s[i];
        if (Character.isLetter(d)) {
          letters++;
        } else if (Character.isDigit(d)) {
          digits++;
          if (isLeetDigit(d)) {
            leet++;
          }
        } else if (isCurrency(d) && (digits > 0 || (i + 1 < n && Character.isDigit(s[i + 1])))) {
          currency = true;
        } else if (isLeetSymbol(d) && (i + 1 < n && isWordChar(s[i + 1]) || letters > 0)) {
          leet++;
        } else if (d == '!' && letters > 0 && i + 1 < n && Character.isLetter(s[i + 1])) {
          // "!" for "i" inside a word only: d!scord, k!k (never a word's first character, and
          // "hey!" or "wait!!" end the word as before)
          leet++;
        } else if (d == '\'' && i > start && i + 1 < n && Character.isLetter(s[i + 1])) {
          // an apostrophe inside a word: t'es, don't, aujourd'hui
        } else if ((d == '.' || d == ',') && digits > 0 && letters == 0 && i + 1 < n
            && Character.isDigit(s[i + 1])) {
          // a decimal number: 12.50
        } else if (d == '-' && i - start == 1 && letters == 1 && digits == 0 && i + 2 < n
            && Character.isLetter(s[i + 1]) && Character.isLetter(s[i + 2])) {
          // one letter and a word: v-bucks, e-mail, t-shirt (the analysers drop the hyphen)
        } else if ((d == '-' || d == '_') && digits > 0 && i + 1 < n && isWordChar(s[i + 1])) {
          // an id or a date: user-1987, 10-19-20sUser128, 2026-02-01 (not a number to match)
        } else {
          break;
        }
        i++;
      }
      emitToken(b, s, start, i, letters, digits, leet, currency);
    }
    mergeSpacedLetters(b);
  }

  private static void emitToken(
      TextBuffer b, char[] s, int start, int end, int letters, int digits, int leet, boolean currency) {
    int origStart = b.normStart[start];
    int origEnd = b.normEnd[end - 1];
    if (letters == 0 && hasSeparator(s, start, end)) {
      // a date or phone-like id: keep it as one opaque word
      b.addToken(s, start, end - start, origStart, origEnd, TextBuffer.WORD, false);
      return;
    }
    if (letters == 0) {
      if (digits == 0) {
        // only symbols: "@@" or "$$"; nothing to match
        return;
      }
      b.addToken(s, start, end - start, origStart, origEnd,
          currency ? TextBuffer.MONEY : TextBuffer.NUMBER, false);
      return;
    }
    if (hasSeparator(s, start, end)) {
      b.addToken(s, start, end - start, origStart, origEnd, TextBuffer.WORD, false);
      return;
    }
    // "12yo", "800robux", "50dollars": a number glued to a word is two tokens.
    int leadingDigits = 0;
    while (start + leadingDigits < end && Character.isDigit(s[start + leadingDigits])) {
      leadingDigits++;
    }
    // A number and a short unit ("1h", "5e", "2nd") is a number too, not leetspeak ("ih").
    if (leadingDigits >= 2 || (leadingDigits == 1 && (!isLeetDigit(s[start]) || letters <= 2))) {
      boolean allLettersAfter = true;
      for (int k = start + leadingDigits; k < end; k++) {
        if (!Character.isLetter(s[k])) {
          allLettersAfter = false;
          break;
        }
      }
      if (allLettersAfter) {
        b.addToken(s, start, leadingDigits, origStart, b.normEnd[start + leadingDigits - 1],
            TextBuffer.NUMBER, false);
        b.addToken(s, start + leadingDigits, end - start - leadingDigits,
            b.normStart[start + leadingDigits], origEnd, TextBuffer.WORD, false);
        return;
      }
    }
    // Leetspeak if every digit is a look-alike one: "t3l3gr4m" yes, "kai88" no.
    boolean isLeet = leet > 0 && letters >= 2 && leet == digits + countLeetSymbols(s, start, end);
    b.addToken(s, start, end - start, origStart, origEnd, TextBuffer.WORD, isLeet);
  }

  private static boolean hasSeparator(char[] s, int start, int end) {
    for (int i = start; i < end; i++) {
      if (s[i] == '-' || s[i] == '_') {
        return true;
      }
    }
    return false;
  }

  private static int countLeetSymbols(char[] s, int start, int end) {
    int k = 0;
    for (int i = start; i < end; i++) {
      if (isLeetSymbol(s[i]) || s[i] == '!') {
        k++;
      }
    }
    return k;
  }

  private static boolean isSeparator(char c) {
    return c == ' ' || c == '.' || c == '-' || c == '_' || c == '*' || c == '\u00B7' || c == '/'
        || c == '+';
  }

  /**
   * Joins runs of three or more one-character tokens separated by exactly one separator each:
   * "s n a p", "s.e.n.d", "w-h-a-t-s-a-p-p".
   */
  private static void mergeSpacedLetters(TextBuffer b) {
    int count = b.tokenCount;
    if (count < 3) {
      return;
    }
    int write = 0;
    int i = 0;
    while (i < count) {
      int j = i;
      while (j + 1 < count && isSingle(b, j) && isSingle(b, j + 1) && oneSeparatorBetween(b, j)) {
        j++;
      }
      if (j - i + 1 >= 3) {
        // Merge tokens i..j into one: their characters are already contiguous in tokenChars.
        int charStart = b.tokenCharStart[i];
        int length = 0;
        boolean leet = false;
        for (int k = i; k <= j; k++) {
          length += b.tokenCharLength[k];
          char c = b.tokenChars[b.tokenCharStart[k]];
          leet |= Character.isDigit(c) || isLeetSymbol(c);
        }
        move(b, write, i);
        b.tokenCharStart[write] = charStart;
        b.tokenCharLength[write] = length;
        b.tokenOrigEnd[write] = b.tokenOrigEnd[j];
        b.tokenKind[write] = TextBuffer.WORD;
        b.tokenLeet[write] = leet;
        write++;
        i = j + 1;
      } else {
        move(b, write, i);
        write++;
        i++;
      }
    }
    b.tokenCount = write;
  }

  private static boolean isSingle(TextBuffer b, int t) {
    return b.tokenCharLength[t] == 1 && b.tokenKind[t] != TextBuffer.EMOJI;
  }

  private static boolean oneSeparatorBetween(TextBuffer b, int t) {
    // Work on the normalised text: find the separator between the two tokens' characters.
    int endOrig = b.tokenOrigEnd[t];
    int startOrig = b.tokenOrigStart[t + 1];
    if (startOrig - endOrig != 1) {
      return false;
    }
    // normStart is non-decreasing: binary-search the normalised char that came from endOrig.
    int lo = 0;
    int hi = b.normLength - 1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      if (b.normStart[mid] < endOrig) {
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    return lo < b.normLength && b.normStart[lo] == endOrig && isSeparator(b.norm[lo]);
  }

  private static void move(TextBuffer b, int to, int from) {
    if (to == from) {
      return;
    }
    b.tokenCharStart[to] = b.tokenCharStart[from];
    b.tokenCharLength[to] = b.tokenCharLength[from];
    b.tokenOrigStart[to] = b.tokenOrigStart[from];
    b.tokenOrigEnd[to] = b.tokenOrigEnd[from];
    b.tokenKind[to] = b.tokenKind[from];
    b.tokenLeet[to] = b.tokenLeet[from];
  }
}
