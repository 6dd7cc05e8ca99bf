package dev.vigil.detector.internal.lexicon;

import dev.vigil.detector.Language;
import dev.vigil.detector.Signal;
import dev.vigil.detector.Stage;
import dev.vigil.detector.internal.text.LanguageAnalyzer;
import dev.vigil.detector.internal.text.TermBuffer;
import dev.vigil.detector.internal.text.TextBuffer;
import dev.vigil.detector.internal.text.Vocabulary;
import dev.vigil.detector.spi.ScoreSink;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A compiled lexicon pack (see {@code docs/lexicon-format.md}): the vocabulary of analysed terms,
 * the rules and vetoes, and an index from each term to the rules a match can start with.
 *
 * <p>Matching is bounded: each rule is tried only where its first slot matches, gaps are at most
 * 6 tokens, and a step budget caps the work per attempt, so a hostile message costs at most linear
 * time in its length times a constant. Immutable and thread-safe; per-message state is in the
 * caller's {@link Matches}.
 */
public final class Lexicon {

  /**
   * A conversation frame set by {@code frame ... context=family} lines: a participant speaks as,
   * or is addressed as, a relative (grandparent, aunt, parent). See the risk model.
   */
  public static final int FRAME_FAMILY = 1;

  /** Steps a single match attempt may take before it gives up. */
  private static final int STEP_BUDGET = 512;

  private final Language language;
  private final Vocabulary vocabulary;
  private final Rule[] rules;
  /** For each term id, the (rule, first slot) pairs a match may start at, packed as rule*8+slot. */
  private final int[][] startsByTerm;
  /** (rule, first slot) pairs that start with a number or money slot. */
  private final int[] startsByNumber;
  /** For each term id, the rules whose anchor slot contains it. */
  private final int[][] anchoredByTerm;
  /** Rules without a required single-term slot: always candidates. */
  private final int[] unanchored;

  Lexicon(Language language, Vocabulary vocabulary, List<Rule> rules) {
    this.language = language;
    this.vocabulary = vocabulary;
    this.rules = rules.toArray(new Rule[0]);
    List<List<Integer>> byTerm = new ArrayList<>();
    for (int i = 0; i < vocabulary.size(); i++) {
      byTerm.add(new ArrayList<>());
    }
    List<Integer> byNumber = new ArrayList<>();
    for (Rule r : this.rules) {
      // A match can start at slot k if every slot before k is optional.
      for (int k = 0; k < r.slots.length; k++) {
        Slot s = r.slots[k];
        int packed = r.index * 8 + k;
        for (int id : s.firstIds()) {
          if (!byTerm.get(id).contains(packed)) {
            byTerm.get(id).add(packed);
          }
        }
        if (s.anyNumber || s.anyMoney) {
          byNumber.add(packed);
        }
        if (!s.optional) {
          break;
        }
      }
    }
    // Anchors: each rule is a candidate for a message only if a term of its most selective
    // required slot is present. Selectivity is estimated from the pack itself: a term used by
    // many rules ("you", "tu") is a poor anchor, a rare one ("snapchat", "nudes") a good one.
    int[] usage = new int[vocabulary.size()];
    for (Rule r : this.rules) {
      for (Slot sl : r.slots) {
        for (int id : sl.singles) {
          usage[id]++;
        }
      }
    }
    List<List<Integer>> anchored = new ArrayList<>();
    for (int i = 0; i < vocabulary.size(); i++) {
      anchored.add(new ArrayList<>());
    }
    List<Integer> unanchored = new ArrayList<>();
    for (Rule r : this.rules) {
      Slot best = null;
      long bestCost = Long.MAX_VALUE;
      for (Slot sl : r.required) {
        long cost = 0;
        for (int id : sl.singles) {
          cost += usage[id];
        }
        if (cost < bestCost) {
          bestCost = cost;
          best = sl;
        }
      }
      if (best == null) {
        unanchored.add(r.index);
      } else {
        for (int id : best.singles) {
          anchored.get(id).add(r.index);
        }
      }
    }
    this.anchoredByTerm = new int[anchored.size()][];
    for (int i = 0; i < anchored.size(); i++) {
      anchoredByTerm[i] = anchored.get(i).stream().mapToInt(Integer::intValue).toArray();
    }
    this.unanchored = unanchored.stream().mapToInt(Integer::intValue).toArray();
    this.startsByTerm = new int[byTerm.size()][];
    for (int i = 0; i < byTerm.size(); i++) {
      startsByTerm[i] = byTerm.get(i).stream().mapToInt(Integer::intValue).toArray();
    }
    this.startsByNumber = byNumber.stream().mapToInt(Integer::intValue).toArray();
  }

  /** Loads and compiles the pack shipped for {@code language}. */
  public static Lexicon load(Language language, LanguageAnalyzer analyzer) {
    String code = language.name().toLowerCase(java.util.Locale.ROOT);
    String resource = "/dev/vigil/detector/lexicon/" + code + ".vlex";
    InputStream in = Lexicon.class.getResourceAsStream(resource);
    if (in == null) {
      throw new IllegalStateException("missing lexicon resource " + resource);
    }
    try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      return LexiconParser.parse(resource, r, language, analyzer);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + resource, e);
    }
  }

  /** Loads and compiles a pack from a file. */
  public static Lexicon load(Language language, LanguageAnalyzer analyzer, Path file) {
    try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return LexiconParser.parse(file.toString(), r, language, analyzer);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read lexicon " + file, e);
    }
  }

  /** The pack's language. */
  public Language language() {
    return language;
  }

  /** The terms the pack knows. */
  public Vocabulary vocabulary() {
    return vocabulary;
  }

  /** Number of rules and vetoes. */
  public int ruleCount() {
    return rules.length;
  }

  /** Number of vetoes. */
  public int vetoCount() {
    int n = 0;
    for (Rule r : rules) {
      n += r.veto ? 1 : 0;
    }
    return n;
  }

  /** Ids of all rules (not vetoes) that support {@code stage} or {@code signal}. */
  public List<String> ruleIds(@Nullable Stage stage, @Nullable Signal signal) {
    List<String> ids = new ArrayList<>();
    for (Rule r : rules) {
      if (!r.veto && (Arrays.asList(r.stages).contains(stage) || Arrays.asList(r.signals).contains(signal))) {
        ids.add(r.id);
      }
    }
    return ids;
  }

  /** Per-message matching state, reused on one thread. */
  public static final class Matches {
    /** The context frames the last matched message set (bits: {@link #FRAME_FAMILY}). */
    int frames;
    long[] fired = new long[8];
    /** Rules already found impossible for this message (a required slot has no term here). */
    long[] impossible = new long[8];
    long[] checked = new long[8];
    /** Rules whose anchor term is present in the message. */
    long[] candidate = new long[8];
    /** The vocabulary terms present in the message. */
    long[] present = new long[64];
    int spanStart;
    int spanEnd;
    int steps;

    /** The context frames the last matched message set (bits: {@link #FRAME_FAMILY}). */
    public int frames() {
      return frames;
    }

    void reset(int ruleCount, int vocabularySize) {
      frames = 0;
      int words = (ruleCount + 63) >>> 6;
      if (fired.length < words) {
        fired = new long[words];
        impossible = new long[words];
        checked = new long[words];
        candidate = new long[words];
      } else {
        Arrays.fill(candidate, 0, words, 0L);
        Arrays.fill(fired, 0, words, 0L);
        Arrays.fill(impossible, 0, words, 0L);
        Arrays.fill(checked, 0, words, 0L);
      }
      int terms = (vocabularySize + 63) >>> 6;
      if (present.length < terms) {
        present = new long[terms];
      } else {
        Arrays.fill(present, 0, terms, 0L);
      }
    }
  }

  /**
   * Whether every required slot of {@code r} has one of its terms somewhere in the message: a
   * cheap test that spares the positional search for most rules (computed once per rule and
   * message).
   */
  private static boolean possible(Rule r, Matches m) {
    int w = r.index >>> 6;
    long bit = 1L << r.index;
    if ((m.checked[w] & bit) == 0) {
      m.checked[w] |= bit;
      for (Slot s : r.required) {
        if (!s.anyPresent(m.present)) {
          m.impossible[w] |= bit;
          break;
        }
      }
    }
    return (m.impossible[w] & bit) == 0;
  }

  /**
   * Matches every rule against the analysed terms and reports hits and vetoes to {@code out}.
   *
   * @param prefix prepended to rule ids in the reports, e.g. {@code en:}
   */
  public void match(TermBuffer terms, Matches m, ScoreSink out) {
    m.reset(rules.length, vocabulary.size());
    int n = terms.count();
    for (int q = 0; q < n; q++) {
      int id = terms.id(q);
      if (id >= 0 && (m.present[id >>> 6] & (1L << id)) == 0) {
        m.present[id >>> 6] |= 1L << id;
        for (int r : anchoredByTerm[id]) {
          m.candidate[r >>> 6] |= 1L << r;
        }
      }
    }
    for (int r : unanchored) {
      m.candidate[r >>> 6] |= 1L << r;
    }
    for (int q = 0; q < n; q++) {
      int[] starts;
      byte kind = terms.kind(q);
      if (kind == TextBuffer.NUMBER || kind == TextBuffer.MONEY) {
        starts = startsByNumber;
      } else {
        int id = terms.id(q);
        if (id < 0) {
          continue;
        }
        starts = startsByTerm[id];
      }
      for (int packed : starts) {
        Rule r = rules[packed >>> 3];
        long bit = 1L << r.index;
        int w = r.index >>> 6;
        if ((m.candidate[w] & bit) == 0 || (m.fired[w] & bit) != 0 || !possible(r, m)) {
          continue;
        }
        m.steps = 0;
        m.spanStart = terms.start(q);
        m.spanEnd = terms.end(q);
        if (matchSlot(r, packed & 7, q, q, terms, m)) {
          m.fired[r.index >>> 6] |= 1L << r.index;
          if (r.frames != 0) {
            m.frames |= r.frames;
          } else {
            report(r, m.spanStart, m.spanEnd, out);
          }
        }
      }
    }
  }

  private boolean matchSlot(Rule r, int s, int from, int to, TermBuffer terms, Matches m) {
    if (s == r.slots.length) {
      return true;
    }
    Slot slot = r.slots[s];
    int n = terms.count();
    int last = Math.min(to, n - 1);
    for (int q = from; q <= last; q++) {
      if (++m.steps > STEP_BUDGET) {
        return false;
      }
      int end = slot.matchAt(terms, q);
      if (end < 0) {
        continue;
      }
      int nextGap = s + 1 < r.slots.length ? r.slots[s + 1].gapBefore : 0;
      if (matchSlot(r, s + 1, end, end + nextGap, terms, m)) {
        m.spanEnd = Math.max(m.spanEnd, terms.end(end - 1));
        return true;
      }
    }
    if (slot.optional) {
      if (s + 1 == r.slots.length) {
        return true;
      }
      return matchSlot(r, s + 1, from, to + 1 + r.slots[s + 1].gapBefore, terms, m);
    }
    return false;
  }

  private static void report(Rule r, int start, int end, ScoreSink out) {
    if (r.veto) {
      for (Stage st : r.stages) {
        out.vetoStage(st, r.source);
      }
      for (Signal sg : r.signals) {
        out.vetoSignal(sg, r.source);
      }
      return;
    }
    for (Stage st : r.stages) {
      out.stage(st, r.weight, r.source, start, end);
    }
    for (Signal sg : r.signals) {
      out.signal(sg, r.weight, r.source, start, end);
    }
  }
}
