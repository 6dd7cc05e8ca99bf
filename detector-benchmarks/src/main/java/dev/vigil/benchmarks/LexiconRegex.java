package dev.vigil.benchmarks;

import dev.vigil.detector.Detector;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The naive baseline of {@link BaselineBenchmark}: the shipped lexicon pack of a language turned,
 * roughly, into one big case-insensitive {@link java.util.regex} alternation, as a quick
 * hand-rolled detector would do it.
 *
 * <p>Each {@code rule} of {@code /dev/vigil/detector/lexicon/<lang>.vlex} (read from
 * detector-core's class path) becomes one alternative: {@code a|b} becomes {@code (?:a|b)}, a
 * class {@code @x} the alternation of its words (nested classes expanded), the default gap
 * between two slots {@code (?:\W+\w+){0,2}\W+}, a {@code ...} gap the same with {@code {0,6}}, a
 * {@code +} gap {@code \W+}, an optional slot {@code x?} {@code (?:GAP x)?}, {@code #num}
 * {@code \d+}, {@code #money} a number with a currency sign, {@code *} {@code \w+}. The whole is
 * {@code \b(?:rule1|rule2|...)\b}, compiled with {@code CASE_INSENSITIVE} and {@code
 * UNICODE_CHARACTER_CLASS} (so that {@code \w} and {@code \b} know accented letters, needed for
 * French). Vetoes are left out.
 *
 * <p>Approximate by design: there is no stemming (a rule's {@code picture} does not meet {@code
 * pictures}), no accent folding, no elision, no SMS or leetspeak normalisation, no homoglyph or
 * zero-width handling, no vetoes and no weights. It matches less than the real pipeline and
 * answers only one question: what does the obvious regex cost per message? Not thread-safe to
 * share a {@code Matcher}; the {@code Pattern} is.
 */
public final class LexiconRegex {

  private static final Pattern TRAILING_COMMENT = Pattern.compile("\\s{2,}#(\\s.*)?$");
  private static final String GAP = "(?:\\W+\\w+){0,2}\\W+";
  private static final String WIDE_GAP = "(?:\\W+\\w+){0,6}\\W+";
  private static final String ADJACENT = "\\W+";
  private static final String NUMBER = "\\d+";
  private static final String MONEY = "(?:[$€£]\\s?\\d+(?:[.,]\\d+)?|\\d+(?:[.,]\\d+)?\\s?[$€£])";
  private static final String ANY = "\\w+";

  private final Map<String, List<String>> classes = new HashMap<>();
  private final List<String> rules = new ArrayList<>();

  private LexiconRegex() {}

  /**
   * The regex of the lexicon of {@code lang} ({@code en} or {@code fr}).
   *
   * @throws IllegalArgumentException for another language
   * @throws UncheckedIOException if the pack cannot be read
   */
  public static Pattern compile(String lang) {
    String l = lang.toLowerCase(Locale.ROOT);
    if (!l.equals("en") && !l.equals("fr")) {
      throw new IllegalArgumentException("no lexicon for '" + lang + "': use en or fr");
    }
    String resource = "/dev/vigil/detector/lexicon/" + l + ".vlex";
    LexiconRegex r = new LexiconRegex();
    try (InputStream in = Detector.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalArgumentException(resource + " is not on the class path");
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line; (line = reader.readLine()) != null; ) {
        r.parseLine(line);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + resource, e);
    }
    return Pattern.compile(r.regex(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE
        | Pattern.UNICODE_CHARACTER_CLASS);
  }

  private String regex() {
    StringBuilder sb = new StringBuilder("\\b(?:");
    for (int i = 0; i < rules.size(); i++) {
      if (i > 0) {
        sb.append('|');
      }
      sb.append("(?:").append(rules.get(i)).append(')');
    }
    return sb.append(")\\b").toString();
  }

  private void parseLine(String raw) {
    String line = raw.strip();
    if (line.isEmpty() || line.startsWith("#")) {
      return;
    }
    line = TRAILING_COMMENT.matcher(line).replaceFirst("").strip();
    if (line.startsWith("@")) {
      int eq = line.indexOf('=');
      String name = line.substring(1, eq).strip();
      Set<String> words = new LinkedHashSet<>();
      for (String w : line.substring(eq + 1).strip().split("\\s+")) {
        expand(w, words);
      }
      classes.put(name, new ArrayList<>(words));
    } else if (line.startsWith("rule ")) {
      int colon = line.indexOf(" : ");
      rules.add(rule(line.substring(colon + 3).strip()));
    }
    // veto lines: left out (a naive detector has no vetoes).
  }

  private void expand(String word, Set<String> into) {
    if (word.startsWith("@")) {
      List<String> c = classes.get(word.substring(1));
      if (c == null) {
        throw new IllegalArgumentException("class " + word + " used before it is defined");
      }
      into.addAll(c);
    } else if (!word.isEmpty()) {
      into.add(word);
    }
  }

  private String rule(String pattern) {
    StringBuilder sb = new StringBuilder();
    String gap = GAP;
    boolean first = true;
    for (String item : pattern.split("\\s+")) {
      if (item.equals("...")) {
        gap = WIDE_GAP;
        continue;
      }
      if (item.equals("+")) {
        gap = ADJACENT;
        continue;
      }
      boolean optional = item.endsWith("?") && item.length() > 1;
      String slot = slot(optional ? item.substring(0, item.length() - 1) : item);
      if (first) {
        sb.append(optional ? "(?:" + slot + GAP + ")?" : slot);
      } else {
        sb.append(optional ? "(?:" + gap + slot + ")?" : gap + slot);
      }
      first = false;
      gap = GAP;
    }
    return sb.toString();
  }

  private String slot(String body) {
    Set<String> alternatives = new LinkedHashSet<>();
    for (String alt : body.split("\\|")) {
      switch (alt) {
        case "#num":
          alternatives.add(NUMBER);
          break;
        case "#money":
          alternatives.add(MONEY);
          break;
        case "*":
          alternatives.add(ANY);
          break;
        default:
          Set<String> words = new LinkedHashSet<>();
          expand(alt, words);
          for (String w : words) {
            alternatives.add(quote(w));
          }
      }
    }
    return alternatives.size() == 1 ? alternatives.iterator().next()
        : "(?:" + String.join("|", alternatives) + ")";
  }

  /** Escapes every character that is not a letter or a digit. */
  private static String quote(String word) {
    StringBuilder sb = new StringBuilder(word.length() + 4);
    for (int i = 0; i < word.length(); i++) {
      char c = word.charAt(i);
      if (!Character.isLetterOrDigit(c)) {
        sb.append('\\');
      }
      sb.append(c);
    }
    return sb.toString();
  }
}
