package dev.vigil.detector.internal.lexicon;

import dev.vigil.detector.internal.text.TermBuffer;
import dev.vigil.detector.internal.text.TextBuffer;
import java.util.Arrays;

/**
 * One position of a lexicon pattern: a set of single terms, multi-term phrases (a word that
 * analyses to several terms, such as French "t'es"), or a token kind (any number, any amount of
 * money, any token).
 */
final class Slot {

  final int[] singles;
  /** The same ids as a bit set, for constant-time membership on the hot path. */
  private final long[] singleBits;
  /** Indices of the non-zero words of {@link #singleBits}: the only ones worth testing. */
  private final int[] nonZeroWords;
  final int[][] phrases;
  final boolean anyNumber;
  final boolean anyMoney;
  final boolean anyToken;
  final boolean optional;
  /** How many other tokens may stand between the previous slot and this one. */
  final int gapBefore;

  Slot(int[] singles, int[][] phrases, boolean anyNumber, boolean anyMoney, boolean anyToken,
      boolean optional, int gapBefore) {
    this.singles = singles.clone();
    Arrays.sort(this.singles);
    int max = this.singles.length == 0 ? 0 : this.singles[this.singles.length - 1];
    this.singleBits = new long[(max >>> 6) + 1];
    for (int id : this.singles) {
      singleBits[id >>> 6] |= 1L << id;
    }
    this.nonZeroWords = java.util.stream.IntStream.range(0, singleBits.length)
        .filter(w -> singleBits[w] != 0).toArray();
    this.phrases = phrases;
    this.anyNumber = anyNumber;
    this.anyMoney = anyMoney;
    this.anyToken = anyToken;
    this.optional = optional;
    this.gapBefore = gapBefore;
  }

  /** The end (exclusive) of this slot's match starting at term {@code q}, or -1. */
  int matchAt(TermBuffer terms, int q) {
    if (anyToken) {
      return q + 1;
    }
    byte kind = terms.kind(q);
    if (kind == TextBuffer.MONEY) {
      return anyMoney || anyNumber ? q + 1 : -1;
    }
    if (kind == TextBuffer.NUMBER) {
      return anyNumber ? q + 1 : -1;
    }
    int id = terms.id(q);
    if (id < 0) {
      return -1;
    }
    int word = id >>> 6;
    if (word < singleBits.length && (singleBits[word] & (1L << id)) != 0) {
      return q + 1;
    }
    int n = terms.count();
    outer:
    for (int[] phrase : phrases) {
      if (phrase[0] != id || q + phrase.length > n) {
        continue;
      }
      for (int k = 1; k < phrase.length; k++) {
        if (terms.id(q + k) != phrase[k]) {
          continue outer;
        }
      }
      return q + phrase.length;
    }
    return -1;
  }

  /**
   * Whether this slot must match one of its single terms (no phrase, number or wildcard
   * alternative, not optional): then a message without any of them cannot match the rule.
   */
  boolean isRequiredTermSet() {
    return !optional && !anyToken && !anyNumber && !anyMoney && phrases.length == 0 && singles.length > 0;
  }

  /** Whether any of this slot's single terms is set in {@code present}. */
  boolean anyPresent(long[] present) {
    for (int w : nonZeroWords) {
      if (w < present.length && (present[w] & singleBits[w]) != 0) {
        return true;
      }
    }
    return false;
  }

  /** The term ids that can start a match of this slot (for the rule index). */
  int[] firstIds() {
    int[] ids = Arrays.copyOf(singles, singles.length + phrases.length);
    for (int i = 0; i < phrases.length; i++) {
      ids[singles.length + i] = phrases[i][0];
    }
    return ids;
  }
}
