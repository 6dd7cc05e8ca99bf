package dev.vigil.models.internal;

import dev.vigil.detector.Stage;
import dev.vigil.detector.spi.MessageView;

/**
 * The feature function of the linear tier ({@value FeatureSpec#PIPELINE}): the one piece of code
 * that turns a {@link MessageView} into a sparse vector, called by the trainer and at run time, so
 * that training and serving agree by construction. Immutable and thread-safe; per-call buffers
 * live in a {@link Scratch}.
 *
 * <p>The vector has two hashed blocks in one space of {@code 2^hashBits} columns, with signed
 * hashing (MurmurHash3; the hash's top bit gives the sign, so that collisions cancel on average):
 *
 * <ul>
 *   <li>word block: unigrams and bigrams of the analysed terms ({@link MessageView#term}: folded,
 *       evasions undone, stemmed), L2-normalised to {@code wordWeight};
 *   <li>character block: 3- to 5-grams of each term with {@code <} and {@code >} around it, for
 *       typos and unseen inflections, L2-normalised to {@code charWeight};
 * </ul>
 *
 * then the context columns: the sender's previous stage (one-hot, NONE included), the sender's
 * question ratio before this message, whether this message asks a question ({@code
 * behaviour.question}) and the message's position bucket. Number tokens (empty terms) become
 * {@code #money} or {@code #numN} (N digits, at most 4). No message text is kept.
 */
public final class HashedFeatures {

  private static final int WORD_SEED_OFFSET = 0;
  private static final int BIGRAM_SEED_OFFSET = 1;
  private static final int CHAR_SEED_OFFSET = 2;

  private final FeatureSpec spec;
  private final int mask;
  private final int context;

  /** A feature function for {@code spec}. */
  public HashedFeatures(FeatureSpec spec) {
    this.spec = spec;
    this.mask = spec.hashSize() - 1;
    this.context = spec.hashSize();
  }

  /** The spec this function implements. */
  public FeatureSpec spec() {
    return spec;
  }

  /** Per-thread working memory. */
  public static final class Scratch {
    final SparseVector vector = new SparseVector();
    /** All terms of the message, back to back. */
    char[] chars = new char[512];
    int[] termStart = new int[64];
    int[] termLength = new int[64];
    char[] buffer = new char[128];

    void ensureTerms(int n) {
      if (termStart.length < n) {
        termStart = java.util.Arrays.copyOf(termStart, Math.max(n, termStart.length * 2));
        termLength = java.util.Arrays.copyOf(termLength, termStart.length);
      }
    }

    void ensureChars(int n) {
      if (chars.length < n) {
        chars = java.util.Arrays.copyOf(chars, Math.max(n, chars.length * 2));
      }
    }

    char[] buffer(int n) {
      if (buffer.length < n) {
        buffer = new char[Math.max(n, buffer.length * 2)];
      }
      return buffer;
    }
  }

  /** Computes the features of {@code view} into the scratch's vector and returns it (compacted). */
  public SparseVector compute(MessageView view, Scratch s) {
    SparseVector out = s.vector;
    out.clear();
    int n = view.tokenCount();
    s.ensureTerms(n);
    int total = 0;
    for (int i = 0; i < n; i++) {
      String t = view.term(i);
      if (t.isEmpty()) {
        t = numberTerm(view, i);
      }
      int len = t.length();
      s.ensureChars(total + len);
      t.getChars(0, len, s.chars, total);
      s.termStart[i] = total;
      s.termLength[i] = len;
      total += len;
    }
    int seed = spec.seed();
    char[] chars = s.chars;

    // Word block.
    for (int i = 0; i < n; i++) {
      addHashed(out, Murmur3.hash(chars, s.termStart[i], s.termLength[i], seed + WORD_SEED_OFFSET));
    }
    if (spec.wordNgramMax() >= 2) {
      for (int i = 0; i + 1 < n; i++) {
        int a = s.termLength[i];
        int b = s.termLength[i + 1];
        char[] buf = s.buffer(a + b + 1);
        System.arraycopy(chars, s.termStart[i], buf, 0, a);
        buf[a] = ' ';
        System.arraycopy(chars, s.termStart[i + 1], buf, a + 1, b);
        addHashed(out, Murmur3.hash(buf, 0, a + b + 1, seed + BIGRAM_SEED_OFFSET));
      }
    }
    out.normaliseFrom(0, spec.wordWeight());

    // Character block.
    int charStart = out.size();
    for (int i = 0; i < n; i++) {
      int len = s.termLength[i] + 2;
      char[] buf = s.buffer(len);
      buf[0] = '<';
      System.arraycopy(chars, s.termStart[i], buf, 1, len - 2);
      buf[len - 1] = '>';
      for (int g = spec.charNgramMin(); g <= spec.charNgramMax() && g <= len; g++) {
        for (int j = 0; j + g <= len; j++) {
          addHashed(out, Murmur3.hash(buf, j, g, seed + CHAR_SEED_OFFSET));
        }
      }
    }
    out.normaliseFrom(charStart, spec.charWeight());

    // Context.
    Stage previous = view.conversation().senderPreviousStage();
    out.add(context + (previous == null ? 0 : previous.number()), 1);
    int k = context + 1 + Stage.values().length;
    double ratio = view.conversation().senderQuestionRatio();
    out.add(k, Double.isFinite(ratio) ? Math.max(0, Math.min(1, ratio)) : 0);
    out.add(k + 1, view.feature("behaviour.question", 0) > 0 ? 1 : 0);
    out.add(k + 2 + positionBucket(view.index()), 1);
    out.compact();
    return out;
  }

  private int positionBucket(int index) {
    int b = 0;
    for (int bound : spec.positionBounds()) {
      if (index >= bound) {
        b++;
      }
    }
    return b;
  }

  private void addHashed(SparseVector out, int h) {
    out.add(h & mask, h < 0 ? -1 : 1);
  }

  /** A stand-in term for a token the analyser leaves empty (numbers, amounts). */
  private static String numberTerm(MessageView view, int i) {
    String text = view.text();
    int start = Math.max(0, Math.min(view.tokenStart(i), text.length()));
    int end = Math.max(start, Math.min(view.tokenEnd(i), text.length()));
    int digits = 0;
    for (int c = start; c < end; c++) {
      char ch = text.charAt(c);
      if (Character.getType(ch) == Character.CURRENCY_SYMBOL) {
        return "#money";
      }
      if (ch >= '0' && ch <= '9') {
        digits++;
      }
    }
    return "#num" + Math.min(digits, 4);
  }
}
