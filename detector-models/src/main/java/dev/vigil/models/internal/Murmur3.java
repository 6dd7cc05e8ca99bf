package dev.vigil.models.internal;

/**
 * MurmurHash3 (x86, 32-bit) over UTF-16 code units, as the feature hashing of {@link
 * HashedFeatures} defines it: each {@code char} is fed as two little-endian bytes. Stateless.
 *
 * <p>Design note: hashing the chars directly avoids encoding every n-gram to UTF-8 on the hot
 * path; the result is a fixed function of the char sequence and the seed, which is all the model
 * needs (the trainer and the runtime call this same code).
 */
public final class Murmur3 {

  private static final int C1 = 0xcc9e2d51;
  private static final int C2 = 0x1b873593;

  private Murmur3() {}

  /** The hash of {@code chars[from, from + length)} with {@code seed}. */
  public static int hash(char[] chars, int from, int length, int seed) {
    int h = seed;
    int i = from;
    int end = from + (length & ~1);
    for (; i < end; i += 2) {
      int k = (chars[i] & 0xffff) | (chars[i + 1] << 16);
      h ^= mixK(k);
      h = Integer.rotateLeft(h, 13);
      h = h * 5 + 0xe6546b64;
    }
    if ((length & 1) != 0) {
      h ^= mixK(chars[end] & 0xffff);
    }
    h ^= length * 2;
    return fmix(h);
  }

  /** The hash of a whole string (allocates nothing beyond the string's own chars). */
  public static int hash(String s, int seed) {
    return hash(s.toCharArray(), 0, s.length(), seed);
  }

  private static int mixK(int k) {
    k *= C1;
    k = Integer.rotateLeft(k, 15);
    return k * C2;
  }

  private static int fmix(int h) {
    h ^= h >>> 16;
    h *= 0x85ebca6b;
    h ^= h >>> 13;
    h *= 0xc2b2ae35;
    h ^= h >>> 16;
    return h;
  }
}
