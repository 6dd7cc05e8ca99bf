package dev.vigil.detector.internal.text;

import java.util.Arrays;

/**
 * Scratch space for one message's analysed terms in one language: vocabulary ids for matching,
 * the term characters for plug-ins, and the original span of each. Reused on one thread.
 */
public final class TermBuffer {

  int[] ids = new int[64];
  byte[] kinds = new byte[64];
  int[] origStart = new int[64];
  int[] origEnd = new int[64];
  int[] charStart = new int[64];
  int[] charLength = new int[64];
  char[] chars = new char[512];
  int charsLength;
  int count;

  void reset() {
    count = 0;
    charsLength = 0;
  }

  void add(int id, byte kind, char[] term, int termLength, int start, int end) {
    if (count == ids.length) {
      int n = count * 2;
      ids = Arrays.copyOf(ids, n);
      kinds = Arrays.copyOf(kinds, n);
      origStart = Arrays.copyOf(origStart, n);
      origEnd = Arrays.copyOf(origEnd, n);
      charStart = Arrays.copyOf(charStart, n);
      charLength = Arrays.copyOf(charLength, n);
    }
    if (charsLength + termLength > chars.length) {
      chars = Arrays.copyOf(chars, Math.max(chars.length * 2, charsLength + termLength));
    }
    System.arraycopy(term, 0, chars, charsLength, termLength);
    ids[count] = id;
    kinds[count] = kind;
    origStart[count] = start;
    origEnd[count] = end;
    charStart[count] = charsLength;
    charLength[count] = termLength;
    charsLength += termLength;
    count++;
  }

  /** Number of terms. */
  public int count() {
    return count;
  }

  /** Vocabulary id of term {@code i}, or -1 if the lexicon does not know it. */
  public int id(int i) {
    return ids[i];
  }

  /** Kind of term {@code i} ({@link TextBuffer#WORD} etc.). */
  public byte kind(int i) {
    return kinds[i];
  }

  /** Term {@code i} as a string (allocates: for plug-ins and tests, not the hot path). */
  public String term(int i) {
    return new String(chars, charStart[i], charLength[i]);
  }

  /** Start of term {@code i} in the original text. */
  public int start(int i) {
    return origStart[i];
  }

  /** End (exclusive) of term {@code i} in the original text. */
  public int end(int i) {
    return origEnd[i];
  }
}
