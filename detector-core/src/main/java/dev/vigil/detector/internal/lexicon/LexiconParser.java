package dev.vigil.detector.internal.lexicon;

import dev.vigil.detector.Language;
import dev.vigil.detector.Signal;
import dev.vigil.detector.Stage;
import dev.vigil.detector.internal.text.LanguageAnalyzer;
import dev.vigil.detector.internal.text.Vocabulary;
import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Parses the {@code .vlex} format of {@code docs/lexicon-format.md} into a {@link Lexicon}. Every
 * word of a pattern or class is analysed by the language's {@link LanguageAnalyzer}, exactly as
 * message text is. Errors name the resource and line: a broken pack must fail the build, not
 * silently lose rules.
 */
final class LexiconParser {

  private static final Pattern TRAILING_COMMENT = Pattern.compile("\\s{2,}#(\\s.*)?$");
  private static final Pattern ID = Pattern.compile("[a-z0-9_]+(\\.[a-z0-9_]+)*");
  static final int DEFAULT_GAP = 2;
  static final int WIDE_GAP = 6;

  private final String resource;
  private final Language language;
  private final LanguageAnalyzer analyzer;
  private final Vocabulary vocabulary = new Vocabulary();
  private final Map<String, WordSet> classes = new HashMap<>();
  private final Set<String> ruleIds = new HashSet<>();
  private final List<Rule> rules = new ArrayList<>();
  private int lineNo;

  /** A set of words after analysis: single terms and multi-term phrases. */
  private static final class WordSet {
    final Set<Integer> singles = new LinkedHashSet<>();
    final List<int[]> phrases = new ArrayList<>();
    boolean anyNumber;
    boolean anyMoney;
    boolean anyToken;
  }

  private LexiconParser(String resource, Language language, LanguageAnalyzer analyzer) {
    this.resource = resource;
    this.language = language;
    this.analyzer = analyzer;
  }

  static Lexicon parse(String resource, BufferedReader reader, Language language, LanguageAnalyzer analyzer)
      throws IOException {
    LexiconParser p = new LexiconParser(resource, language, analyzer);
    for (String line; (line = reader.readLine()) != null; ) {
      p.lineNo++;
      p.parseLine(line);
    }
    return new Lexicon(language, p.vocabulary, p.rules);
  }

  private IllegalArgumentException error(String what) {
    return new IllegalArgumentException(resource + ":" + lineNo + ": " + what);
  }

  private void parseLine(String raw) {
    String line = raw.strip();
    if (line.isEmpty() || line.startsWith("#")) {
      return;
    }
    line = TRAILING_COMMENT.matcher(line).replaceFirst("").strip();
    if (line.startsWith("@")) {
      parseClass(line);
    } else if (line.startsWith("rule ") || line.startsWith("veto ") || line.startsWith("frame ")) {
      parseRule(line);
    } else {
      throw error("expected a comment, a class (@name = ...), a rule, a veto or a frame");
    }
  }

  private void parseClass(String line) {
    int eq = line.indexOf('=');
    if (eq < 0) {
      throw error("a class needs '=': @name = word word ...");
    }
    String name = line.substring(1, eq).strip();
    if (!ID.matcher(name).matches()) {
      throw error("bad class name '" + name + "'");
    }
    if (classes.containsKey(name)) {
      throw error("class @" + name + " is defined twice");
    }
    WordSet set = new WordSet();
    for (String w : line.substring(eq + 1).strip().split("\\s+")) {
      if (!w.isEmpty()) {
        addAlternative(set, w);
      }
    }
    classes.put(name, set);
  }

  private void parseRule(String line) {
    boolean veto = line.startsWith("veto ");
    boolean frame = line.startsWith("frame ");
    int colon = line.indexOf(" : ");
    if (colon < 0) {
      throw error("a rule needs ' : ' between its header and its pattern");
    }
    String[] head = line.substring(frame ? 6 : 5, colon).strip().split("\\s+");
    String pattern = line.substring(colon + 3).strip();
    String id = head[0];
    if (!ID.matcher(id).matches()) {
      throw error("bad rule id '" + id + "' (lower case, dots, digits, underscores)");
    }
    if (!ruleIds.add(id)) {
      throw error("rule id '" + id + "' is used twice");
    }
    List<Stage> stages = new ArrayList<>();
    List<Signal> signals = new ArrayList<>();
    double weight = veto || frame ? 1.0 : Double.NaN;
    int frames = 0;
    for (int i = 1; i < head.length; i++) {
      String h = head[i];
      try {
        if (frame && h.startsWith("context=")) {
          frames |= frameOf(h.substring(8));
        } else if (frame) {
          throw error("a frame takes only context=NAME, got '" + h + "'");
        } else if (h.startsWith("stage=")) {
          stages.add(Stage.valueOf(h.substring(6)));
        } else if (h.startsWith("signal=")) {
          signals.add(Signal.valueOf(h.substring(7)));
        } else if (h.startsWith("weight=") && !veto) {
          weight = Double.parseDouble(h.substring(7));
        } else {
          throw error("unknown header item '" + h + "'");
        }
      } catch (IllegalArgumentException e) {
        if (e.getMessage() != null && e.getMessage().startsWith(resource)) {
          throw e;
        }
        throw error("bad header item '" + h + "': " + e.getMessage());
      }
    }
    if (frame && frames == 0) {
      throw error("frame '" + id + "' has no context= (known: family)");
    }
    if (!frame && stages.isEmpty() && signals.isEmpty()) {
      throw error("rule '" + id + "' has no stage= or signal= target");
    }
    if (!(weight > 0 && weight <= 1)) {
      throw error("rule '" + id + "' needs weight= in (0,1]");
    }
    Slot[] slots = parsePattern(pattern);
    String source = "lexicon:" + language.name().toLowerCase(Locale.ROOT) + ":" + id;
    rules.add(new Rule(rules.size(), id, source, stages.toArray(new Stage[0]),
        signals.toArray(new Signal[0]), weight, veto, frames, slots));
  }

  private int frameOf(String name) {
    if (name.equals("family")) {
      return Lexicon.FRAME_FAMILY;
    }
    throw error("unknown context '" + name + "' (known: family)");
  }

  private Slot[] parsePattern(String pattern) {
    List<Slot> slots = new ArrayList<>();
    int gap = DEFAULT_GAP;
    for (String item : pattern.split("\\s+")) {
      if (item.equals("...")) {
        gap = WIDE_GAP;
        continue;
      }
      if (item.equals("+")) {
        gap = 0;
        continue;
      }
      boolean optional = item.endsWith("?") && item.length() > 1;
      String body = optional ? item.substring(0, item.length() - 1) : item;
      WordSet set = new WordSet();
      for (String alt : body.split("\\|")) {
        if (alt.isEmpty()) {
          throw error("empty alternative in '" + item + "'");
        }
        addAlternative(set, alt);
      }
      int gapBefore = slots.isEmpty() ? 0 : gap;
      // A single word that analyses to several terms becomes that many adjacent slots.
      if (!set.anyNumber && !set.anyMoney && !set.anyToken && set.singles.isEmpty()
          && set.phrases.size() == 1 && !optional) {
        int[] phrase = set.phrases.get(0);
        for (int k = 0; k < phrase.length; k++) {
          slots.add(new Slot(new int[] {phrase[k]}, new int[0][], false, false, false, false,
              k == 0 ? gapBefore : 0));
        }
      } else {
        slots.add(new Slot(set.singles.stream().mapToInt(Integer::intValue).toArray(),
            set.phrases.toArray(new int[0][]), set.anyNumber, set.anyMoney, set.anyToken, optional,
            gapBefore));
      }
      gap = DEFAULT_GAP;
    }
    if (slots.isEmpty()) {
      throw error("empty pattern");
    }
    if (slots.size() > 8) {
      throw error("a pattern has at most 8 slots after analysis, got " + slots.size());
    }
    boolean required = false;
    for (Slot s : slots) {
      required |= !s.optional;
    }
    if (!required) {
      throw error("a pattern needs at least one slot that is not optional");
    }
    return slots.toArray(new Slot[0]);
  }

  private void addAlternative(WordSet set, String alt) {
    if (alt.startsWith("@")) {
      WordSet c = classes.get(alt.substring(1));
      if (c == null) {
        throw error("class " + alt + " is used before it is defined");
      }
      set.singles.addAll(c.singles);
      set.phrases.addAll(c.phrases);
      set.anyNumber |= c.anyNumber;
      set.anyMoney |= c.anyMoney;
      set.anyToken |= c.anyToken;
      return;
    }
    switch (alt) {
      case "#num":
        set.anyNumber = true;
        return;
      case "#money":
        set.anyMoney = true;
        return;
      case "*":
        set.anyToken = true;
        return;
      default:
        break;
    }
    List<String> terms = analyzer.analyzeWord(alt);
    if (terms.isEmpty()) {
      throw error("'" + alt + "' analyses to nothing");
    }
    if (terms.size() == 1) {
      String t = terms.get(0);
      if (t.equals("#num")) {
        set.anyNumber = true;
      } else if (t.equals("#money")) {
        set.anyMoney = true;
      } else {
        set.singles.add(vocabulary.intern(t));
      }
      return;
    }
    int[] phrase = new int[terms.size()];
    for (int i = 0; i < phrase.length; i++) {
      phrase[i] = vocabulary.intern(terms.get(i));
    }
    set.phrases.add(phrase);
  }
}
