package dev.vigil.detector.internal.text;

import dev.vigil.detector.Language;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.CharArrayMap;
import org.jspecify.annotations.Nullable;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;
import org.apache.lucene.analysis.fr.FrenchLightStemmer;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.tartarus.snowball.ext.EnglishStemmer;

/**
 * Turns a message's tokens into analysed terms for one language: the same steps as a Lucene
 * analysis chain (ASCII folding, French elision with Lucene's article set, English possessives,
 * stemming with Lucene's Snowball English stemmer or its French light stemmer), plus the chat
 * steps Lucene lacks (SMS abbreviations, emoji read as words, leetspeak resolved against the
 * vocabulary, doubled letters removed when that makes a known word).
 *
 * <p>Design note: the hot path calls Lucene's stemmers and folding directly on char buffers
 * instead of building a {@code TokenStream} per message; {@code LanguageAnalyzerTest} checks that
 * the result equals the equivalent Lucene {@code Analyzer}'s on the same words. Lexicon words are
 * analysed by the same code, so a pattern and a message always meet on the same terms.
 *
 * <p>Immutable and thread-safe; per-call state lives in a {@link Scratch}.
 */
public final class LanguageAnalyzer {

  private static final String RESOURCES = "/dev/vigil/detector/text/";
  private static final char FOLD_LIMIT = 0x250;
  private static final char[][] FOLDED = new char[FOLD_LIMIT][];

  static {
    char[] out = new char[8];
    for (char c = 0; c < FOLD_LIMIT; c++) {
      int n = ASCIIFoldingFilter.foldToASCII(new char[] {c}, 0, out, 0, 1);
      FOLDED[c] = java.util.Arrays.copyOf(out, n);
    }
  }

  private static final char[] LEET_FROM = {'0', '1', '3', '4', '5', '7', '@', '$', '!'};
  private static final char[] LEET_TO = {'o', 'i', 'e', 'a', 's', 't', 'a', 's', 'i'};

  private final Language language;
  private final CharArrayMap<String[]> sms;
  private final Map<String, String> emoji;
  private final CharArraySet articles;
  private final CharArraySet functionWords;

  private LanguageAnalyzer(Language language) {
    this.language = language;
    String code = language.name().toLowerCase(java.util.Locale.ROOT);
    this.articles = language == Language.FR ? FrenchAnalyzer.DEFAULT_ARTICLES : CharArraySet.EMPTY_SET;
    this.emoji = loadEmoji(language);
    this.functionWords = loadWords(RESOURCES + "function-words-" + code + ".txt");
    this.sms = new CharArrayMap<>(256, false);
    Scratch scratch = new Scratch();
    for (Map.Entry<String, String> e : loadTable(RESOURCES + "sms-" + code + ".tsv").entrySet()) {
      List<String> terms = new ArrayList<>();
      for (String word : e.getValue().split(" ")) {
        terms.addAll(analyzeWord(word, scratch));
      }
      sms.put(e.getKey(), terms.toArray(new String[0]));
    }
  }

  /** The analyser of a language (EN or FR). */
  public static LanguageAnalyzer of(Language language) {
    if (language == Language.UNDETERMINED) {
      throw new IllegalArgumentException("no analyser for UNDETERMINED");
    }
    return new LanguageAnalyzer(language);
  }

  /** This analyser's language. */
  public Language language() {
    return language;
  }

  /** Whether {@code token} of the buffer is one of this language's function words. */
  public boolean isFunctionWord(TextBuffer b, int token) {
    return b.tokenKind[token] == TextBuffer.WORD
        && functionWords.contains(b.tokenChars, b.tokenCharStart[token], b.tokenCharLength[token]);
  }

  /**
   * Analyses one word or short phrase as a lexicon entry: the terms it becomes. Used when a
   * lexicon is loaded; allocates.
   */
  public List<String> analyzeWord(String word) {
    return analyzeWord(word, new Scratch());
  }

  private List<String> analyzeWord(String word, Scratch scratch) {
    TextBuffer b = new TextBuffer();
    Tokenizer.tokenize(word, Integer.MAX_VALUE, b);
    TermBuffer out = new TermBuffer();
    analyze(b, null, out, scratch);
    List<String> terms = new ArrayList<>();
    for (int i = 0; i < out.count(); i++) {
      terms.add(out.kind(i) == TextBuffer.WORD ? out.term(i) : (out.kind(i) == TextBuffer.MONEY ? "#money" : "#num"));
    }
    return terms;
  }

  /**
   * Analyses every token of {@code in} into {@code out}, looking ids up in {@code vocabulary}
   * (or leaving them -1 when it is null).
   */
  public void analyze(TextBuffer in, @Nullable Vocabulary vocabulary, TermBuffer out, Scratch s) {
    out.reset();
    for (int t = 0; t < in.tokenCount; t++) {
      byte kind = in.tokenKind[t];
      int start = in.tokenOrigStart[t];
      int end = in.tokenOrigEnd[t];
      if (kind == TextBuffer.NUMBER || kind == TextBuffer.MONEY) {
        out.add(-1, kind, in.tokenChars, 0, start, end);
        continue;
      }
      if (kind == TextBuffer.EMOJI) {
        String word = emoji.get(new String(in.tokenChars, in.tokenCharStart[t], in.tokenCharLength[t]));
        if (word != null) {
          int len = copy(word, s);
          emitStemmed(s, len, vocabulary, out, start, end);
        }
        continue;
      }
      int len = fold(in.tokenChars, in.tokenCharStart[t], in.tokenCharLength[t], s);
      // Cache short, plain words only: long tokens (pasted junk) would bloat it, and a leetspeak
      // token is analysed differently from the same characters written plainly.
      CharArrayMap<Analysed> cache = vocabulary == null || len > Scratch.CACHED_TOKEN_CHARS
          || in.tokenLeet[t] ? null : s.cache(language, vocabulary);
      if (cache != null) {
        Analysed hit = cache.get(s.word, 0, len);
        if (hit != null) {
          for (int k = 0; k < hit.ids.length; k++) {
            out.add(hit.ids[k], TextBuffer.WORD, hit.terms[k], hit.terms[k].length, start, end);
          }
          continue;
        }
        char[] key = java.util.Arrays.copyOf(s.word, len);
        int before = out.count;
        analyzeWordToken(in, t, len, vocabulary, out, s, start, end);
        if (cache.size() >= Scratch.CACHE_LIMIT) {
          cache.clear();
        }
        cache.put(key, Analysed.of(out, before));
        continue;
      }
      analyzeWordToken(in, t, len, vocabulary, out, s, start, end);
    }
  }

  /** The uncached path for one folded word token (its characters are in {@code s.word}). */
  private void analyzeWordToken(TextBuffer in, int t, int len, @Nullable Vocabulary vocabulary,
      TermBuffer out, Scratch s, int start, int end) {
    if (emitSms(s, len, vocabulary, out, start, end)) {
      return;
    }
    if (in.tokenLeet[t]) {
      for (int i = 0; i < len; i++) {
        for (int k = 0; k < LEET_FROM.length; k++) {
          if (s.word[i] == LEET_FROM[k]) {
            s.word[i] = LEET_TO[k];
            break;
          }
        }
      }
      if (emitSms(s, len, vocabulary, out, start, end)) {
        return;
      }
    }
    int stripped = stripApostrophes(s, len);
    if (stripped == 0) {
      return;
    }
    if (stripped != len && emitSms(s, stripped, vocabulary, out, start, end)) {
      return;
    }
    emitStemmed(s, stripped, vocabulary, out, start, end);
  }

  /** A cached analysis of one folded token: the terms it became, with their vocabulary ids. */
  private static final class Analysed {
    final int[] ids;
    final char[][] terms;

    private Analysed(int[] ids, char[][] terms) {
      this.ids = ids;
      this.terms = terms;
    }

    static Analysed of(TermBuffer out, int from) {
      int n = out.count - from;
      int[] ids = new int[n];
      char[][] terms = new char[n][];
      for (int k = 0; k < n; k++) {
        int i = from + k;
        ids[k] = out.ids[i];
        terms[k] = java.util.Arrays.copyOfRange(out.chars, out.charStart[i], out.charStart[i] + out.charLength[i]);
      }
      return new Analysed(ids, terms);
    }
  }

  private boolean emitSms(Scratch s, int len, @Nullable Vocabulary vocabulary, TermBuffer out, int start, int end) {
    String[] expansion = sms.get(s.word, 0, len);
    if (expansion == null) {
      return false;
    }
    for (String term : expansion) {
      int n = copy(term, s);
      int id = vocabulary == null ? -1 : vocabulary.id(s.word, n);
      out.add(id, TextBuffer.WORD, s.word, n, start, end);
    }
    return true;
  }

  /** French elision (l', j', qu'…) and English possessives; other apostrophes stay. */
  private int stripApostrophes(Scratch s, int len) {
    char[] w = s.word;
    if (language == Language.FR) {
      for (int i = 0; i < len; i++) {
        if (w[i] == '\'') {
          if (articles.contains(w, 0, i)) {
            System.arraycopy(w, i + 1, w, 0, len - i - 1);
            return len - i - 1;
          }
          break;
        }
      }
    } else if (len > 2 && w[len - 2] == '\'' && w[len - 1] == 's') {
      return len - 2;
    }
    return len;
  }

  private void emitStemmed(Scratch s, int len, @Nullable Vocabulary vocabulary, TermBuffer out,
      int start, int end) {
    System.arraycopy(s.word, 0, s.spare, 0, len);
    int stemmed = stem(s, len);
    int id = vocabulary == null ? -1 : vocabulary.id(s.word, stemmed);
    if (id < 0 && vocabulary != null) {
      // "pleease", "heyy", "sooo": try without doubled letters before giving up.
      int dedup = 0;
      for (int i = 0; i < len; i++) {
        if (i == 0 || s.spare[i] != s.spare[i - 1] || !Character.isLetter(s.spare[i])) {
          s.spare[dedup++] = s.spare[i];
        }
      }
      if (dedup < len) {
        char[] keep = s.word;
        s.word = s.spare;
        s.spare = keep;
        int stemmed2 = stem(s, dedup);
        int id2 = vocabulary.id(s.word, stemmed2);
        if (id2 >= 0) {
          out.add(id2, TextBuffer.WORD, s.word, stemmed2, start, end);
          return;
        }
        // Keep the stemmed original, still in the other buffer.
        keep = s.word;
        s.word = s.spare;
        s.spare = keep;
      }
    }
    out.add(id, TextBuffer.WORD, s.word, stemmed, start, end);
  }

  private int stem(Scratch s, int len) {
    if (language == Language.FR) {
      return s.french.stem(s.word, len);
    }
    EnglishStemmer en = s.english;
    en.setCurrent(s.word, len);
    en.stem();
    int n = en.getCurrentBufferLength();
    char[] buf = en.getCurrentBuffer();
    if (n > s.word.length) {
      s.grow(n);
    }
    System.arraycopy(buf, 0, s.word, 0, n);
    return n;
  }

  private static int fold(char[] src, int from, int length, Scratch s) {
    s.ensure(length * 4);
    boolean ascii = true;
    for (int i = from; i < from + length; i++) {
      if (src[i] >= 0x80) {
        ascii = false;
        break;
      }
    }
    int n;
    if (ascii) {
      System.arraycopy(src, from, s.word, 0, length);
      n = length;
    } else {
      // Lucene's foldToASCII is one huge method the JIT never compiles: fold the Latin letters
      // of French and English from a table built with it, and call it only for the rest.
      n = 0;
      for (int i = from; i < from + length; i++) {
        char c = src[i];
        if (c < 0x80) {
          s.word[n++] = c;
        } else if (c < FOLD_LIMIT) {
          char[] f = FOLDED[c];
          System.arraycopy(f, 0, s.word, n, f.length);
          n += f.length;
        } else {
          n = ASCIIFoldingFilter.foldToASCII(src, i, s.word, n, 1);
        }
      }
    }
    // Hyphens kept inside a token (v-bucks, ids) are dropped: "v-bucks" and "vbucks" meet.
    int w = 0;
    for (int i = 0; i < n; i++) {
      if (s.word[i] != '-') {
        s.word[w++] = s.word[i];
      }
    }
    return w;
  }

  private static int copy(String word, Scratch s) {
    int n = word.length();
    s.ensure(n);
    word.getChars(0, n, s.word, 0);
    return n;
  }

  /**
   * Per-thread working buffers, the (stateful) Snowball stemmer, and a bounded cache of analysed
   * words: chat vocabulary is Zipfian, so most tokens were stemmed and looked up before. The cache
   * holds words, never messages, and lives and dies with its thread's scratch space.
   */
  public static final class Scratch {
    static final int CACHE_LIMIT = 8192;
    static final int CACHED_TOKEN_CHARS = 32;
    char[] word = new char[128];
    char[] spare = new char[128];
    final EnglishStemmer english = new EnglishStemmer();
    final FrenchLightStemmer french = new FrenchLightStemmer();
    @SuppressWarnings("unchecked")
    private final CharArrayMap<Analysed>[] caches = new CharArrayMap[Language.values().length];
    private final Vocabulary[] cacheVocabularies = new Vocabulary[Language.values().length];

    CharArrayMap<Analysed> cache(Language language, Vocabulary vocabulary) {
      int k = language.ordinal();
      if (caches[k] == null || cacheVocabularies[k] != vocabulary) {
        caches[k] = new CharArrayMap<>(1024, false);
        cacheVocabularies[k] = vocabulary;
      }
      return caches[k];
    }

    void ensure(int n) {
      if (word.length < n) {
        grow(n);
      }
    }

    void grow(int n) {
      int size = Math.max(n, word.length * 2);
      word = java.util.Arrays.copyOf(word, size);
      spare = new char[size];
    }
  }

  private static Map<String, String> loadTable(String resource) {
    Map<String, String> table = new HashMap<>();
    int lineNo = 0;
    for (String line : readLines(resource)) {
      lineNo++;
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] parts = line.split("\t");
      if (parts.length != 2 || table.put(parts[0], parts[1]) != null) {
        throw new IllegalStateException(resource + ":" + lineNo + ": expected a unique key<TAB>value");
      }
    }
    return table;
  }

  private static Map<String, String> loadEmoji(Language language) {
    Map<String, String> table = new HashMap<>();
    int column = language == Language.FR ? 2 : 1;
    for (String line : readLines(RESOURCES + "emoji.tsv")) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] parts = line.split("\t");
      // Keys are stored as the tokenizer sees them: variation selectors removed.
      table.put(parts[0].replace("\uFE0F", ""), parts[column]);
    }
    return table;
  }

  private static CharArraySet loadWords(String resource) {
    CharArraySet set = new CharArraySet(256, false);
    for (String line : readLines(resource)) {
      if (line.startsWith("#")) {
        continue;
      }
      for (String w : line.trim().split("\\s+")) {
        if (!w.isEmpty()) {
          set.add(w);
        }
      }
    }
    return set;
  }

  static List<String> readLines(String resource) {
    InputStream in = LanguageAnalyzer.class.getResourceAsStream(resource);
    if (in == null) {
      throw new IllegalStateException("missing resource " + resource);
    }
    try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      List<String> lines = new ArrayList<>();
      for (String line; (line = r.readLine()) != null; ) {
        lines.add(line);
      }
      return lines;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + resource, e);
    }
  }
}
