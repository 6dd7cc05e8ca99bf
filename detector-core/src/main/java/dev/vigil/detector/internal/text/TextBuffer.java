package dev.vigil.detector.internal.text;

import java.util.Arrays;

/**
 * Scratch space for one message's normalised text and tokens, reused from message to message on
 * one thread so that the hot path allocates almost nothing.
 *
 * <p>Design note: the original text is never copied here beyond the scored prefix's normalised
 * form, and the buffer is overwritten by the next message; nothing in it outlives the call.
 */
public final class TextBuffer {

  /** Token kinds. */
  public static final byte WORD = 0;
  public static final byte NUMBER = 1;
  public static final byte MONEY = 2;
  public static final byte EMOJI = 3;

  // Normalised characters and, for each, the span of the original text it came from.
  char[] norm = new char[256];
  int[] normStart = new int[256];
  int[] normEnd = new int[256];
  int normLength;

  // Tokens: their characters live in tokenChars; spans point into the original text.
  char[] tokenChars = new char[256];
  int tokenCharsLength;
  int[] tokenCharStart = new int[64];
  int[] tokenCharLength = new int[64];
  int[] tokenOrigStart = new int[64];
  int[] tokenOrigEnd = new int[64];
  byte[] tokenKind = new byte[64];
  /** Whether the token mixes letters with digits or symbols that leetspeak uses. */
  boolean[] tokenLeet = new boolean[64];
  int tokenCount;

  boolean question;
  int accentedLetters;

  void resetNorm(int capacity) {
    if (norm.length < capacity) {
      int n = Math.max(capacity, norm.length * 2);
      norm = new char[n];
      normStart = new int[n];
      normEnd = new int[n];
    }
    normLength = 0;
    tokenCount = 0;
    tokenCharsLength = 0;
    question = false;
    accentedLetters = 0;
  }

  void appendNorm(char c, int origStart, int origEnd) {
    if (normLength == norm.length) {
      int n = norm.length * 2;
      norm = Arrays.copyOf(norm, n);
      normStart = Arrays.copyOf(normStart, n);
      normEnd = Arrays.copyOf(normEnd, n);
    }
    norm[normLength] = c;
    normStart[normLength] = origStart;
    normEnd[normLength] = origEnd;
    normLength++;
  }

  void addToken(char[] src, int from, int length, int origStart, int origEnd, byte kind, boolean leet) {
    if (tokenCount == tokenKind.length) {
      int n = tokenKind.length * 2;
      tokenCharStart = Arrays.copyOf(tokenCharStart, n);
      tokenCharLength = Arrays.copyOf(tokenCharLength, n);
      tokenOrigStart = Arrays.copyOf(tokenOrigStart, n);
      tokenOrigEnd = Arrays.copyOf(tokenOrigEnd, n);
      tokenKind = Arrays.copyOf(tokenKind, n);
      tokenLeet = Arrays.copyOf(tokenLeet, n);
    }
    if (tokenCharsLength + length > tokenChars.length) {
      tokenChars = Arrays.copyOf(tokenChars, Math.max(tokenChars.length * 2, tokenCharsLength + length));
    }
    System.arraycopy(src, from, tokenChars, tokenCharsLength, length);
    tokenCharStart[tokenCount] = tokenCharsLength;
    tokenCharLength[tokenCount] = length;
    tokenOrigStart[tokenCount] = origStart;
    tokenOrigEnd[tokenCount] = origEnd;
    tokenKind[tokenCount] = kind;
    tokenLeet[tokenCount] = leet;
    tokenCharsLength += length;
    tokenCount++;
  }

  /** Number of tokens. */
  public int tokenCount() {
    return tokenCount;
  }

  /** The normalised characters of token {@code i} (for tests and diagnostics). */
  public String token(int i) {
    return new String(tokenChars, tokenCharStart[i], tokenCharLength[i]);
  }

  /** Start of token {@code i} in the original text. */
  public int tokenStart(int i) {
    return tokenOrigStart[i];
  }

  /** End (exclusive) of token {@code i} in the original text. */
  public int tokenEnd(int i) {
    return tokenOrigEnd[i];
  }

  /** Kind of token {@code i}: {@link #WORD}, {@link #NUMBER}, {@link #MONEY} or {@link #EMOJI}. */
  public byte tokenKind(int i) {
    return tokenKind[i];
  }

  /** Whether the message contains a question mark. */
  public boolean isQuestion() {
    return question;
  }

  /** Letters with a diacritic (a weak cue for French). */
  public int accentedLetters() {
    return accentedLetters;
  }
}
