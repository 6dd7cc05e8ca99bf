package dev.vigil.models.train;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Seeded text augmentation for training copies of a conversation: the evasions and registers that
 * real chat has and the tuning corpus has little of. Each transform keeps the message's meaning
 * and labels: leetspeak, s p a c e d letters, stretched letters, typos (swap, drop, double), SMS
 * register in both directions (EN {@code you -> u}, FR {@code je sais pas -> jsp}), dropped
 * accents and case. Deterministic for a given {@link Random}.
 */
final class Augmenter {

  private static final Pattern WORD = Pattern.compile("\\p{L}[\\p{L}']*");

  /** Standard form to SMS form; applied as whole-word, case-insensitive replacements. */
  private static final Map<String, List<String[]>> SMS = Map.of(
      "en", List.of(
          new String[] {"you", "u"}, new String[] {"your", "ur"}, new String[] {"you're", "ur"},
          new String[] {"are", "r"}, new String[] {"please", "pls"}, new String[] {"because", "cuz"},
          new String[] {"tonight", "2nite"}, new String[] {"for", "4"}, new String[] {"to", "2"},
          new String[] {"okay", "k"}, new String[] {"really", "rly"}, new String[] {"right now", "rn"},
          new String[] {"i don't know", "idk"}, new String[] {"what", "wat"}, new String[] {"thanks", "thx"},
          new String[] {"people", "ppl"}, new String[] {"message", "msg"}, new String[] {"pictures", "pics"},
          new String[] {"picture", "pic"}, new String[] {"something", "smth"}, new String[] {"love", "luv"},
          new String[] {"see you", "cya"}, new String[] {"to be honest", "tbh"}, new String[] {"later", "l8r"},
          new String[] {"before", "b4"}, new String[] {"great", "gr8"}, new String[] {"be", "b"},
          new String[] {"why", "y"}, new String[] {"know", "kno"}, new String[] {"going to", "gonna"},
          new String[] {"want to", "wanna"}, new String[] {"don't", "dont"}, new String[] {"i'm", "im"}),
      "fr", List.of(
          new String[] {"je sais pas", "jsp"}, new String[] {"je ne sais pas", "jsp"},
          new String[] {"t'inquiète", "tkt"}, new String[] {"pourquoi", "pk"}, new String[] {"c'est", "c"},
          new String[] {"quoi", "koi"}, new String[] {"salut", "slt"}, new String[] {"s'il te plaît", "stp"},
          new String[] {"s'il te plait", "stp"}, new String[] {"beaucoup", "bcp"}, new String[] {"tu es", "t'es"},
          new String[] {"je suis", "chui"}, new String[] {"demain", "dem1"}, new String[] {"rien", "r1"},
          new String[] {"bien", "b1"}, new String[] {"mais", "mé"}, new String[] {"oui", "ouais"},
          new String[] {"quelqu'un", "qqn"}, new String[] {"quelque chose", "qqch"}, new String[] {"toujours", "tjrs"},
          new String[] {"aujourd'hui", "ajd"}, new String[] {"pour", "pr"}, new String[] {"avec", "avc"},
          new String[] {"tout", "tt"}, new String[] {"vraiment", "vrmt"}, new String[] {"message", "msg"},
          new String[] {"d'accord", "dac"}, new String[] {"qu'est-ce que", "kesk"}, new String[] {"je t'aime", "jtm"},
          new String[] {"il y a", "ya"}, new String[] {"photo", "foto"}));

  private static final char[][] LEET = {{'a', '4'}, {'a', '@'}, {'e', '3'}, {'i', '1'}, {'o', '0'},
      {'s', '5'}, {'s', '$'}, {'t', '7'}};

  private final Random random;
  private final String language;

  Augmenter(Random random, String language) {
    this.random = random;
    this.language = language;
  }

  /** A transformed copy of {@code text}: one to three transforms, chosen at random. */
  String augment(String text) {
    String t = text;
    int n = 1 + random.nextInt(3);
    for (int i = 0; i < n; i++) {
      t = switch (random.nextInt(8)) {
        case 0 -> leet(t);
        case 1 -> spaced(t);
        case 2 -> stretched(t);
        case 3, 4 -> typo(t);
        case 5 -> sms(t, true);
        case 6 -> sms(t, false);
        default -> flatten(t);
      };
    }
    return t;
  }

  private List<int[]> words(String t, int minLength) {
    List<int[]> out = new ArrayList<>();
    Matcher m = WORD.matcher(t);
    while (m.find()) {
      if (m.end() - m.start() >= minLength) {
        out.add(new int[] {m.start(), m.end()});
      }
    }
    return out;
  }

  private int[] pick(List<int[]> words) {
    return words.get(random.nextInt(words.size()));
  }

  String leet(String t) {
    List<int[]> w = words(t, 4);
    if (w.isEmpty()) {
      return t;
    }
    int[] span = pick(w);
    StringBuilder sb = new StringBuilder(t);
    for (int i = span[0]; i < span[1]; i++) {
      char c = Character.toLowerCase(sb.charAt(i));
      for (char[] pair : LEET) {
        if (pair[0] == c && random.nextInt(3) > 0) {
          sb.setCharAt(i, pair[1]);
          break;
        }
      }
    }
    return sb.toString();
  }

  String spaced(String t) {
    List<int[]> w = words(t, 3);
    w.removeIf(s -> s[1] - s[0] > 9);
    if (w.isEmpty()) {
      return t;
    }
    int[] span = pick(w);
    StringBuilder sb = new StringBuilder();
    for (int i = span[0]; i < span[1]; i++) {
      if (i > span[0]) {
        sb.append(random.nextInt(4) == 0 ? "." : " ");
      }
      sb.append(t.charAt(i));
    }
    return t.substring(0, span[0]) + sb + t.substring(span[1]);
  }

  String stretched(String t) {
    List<int[]> w = words(t, 2);
    if (w.isEmpty()) {
      return t;
    }
    int[] span = pick(w);
    int at = span[1] - 1;
    char c = t.charAt(at);
    return t.substring(0, at + 1) + String.valueOf(c).repeat(1 + random.nextInt(4)) + t.substring(at + 1);
  }

  String typo(String t) {
    List<int[]> w = words(t, 4);
    if (w.isEmpty()) {
      return t;
    }
    int[] span = pick(w);
    int i = span[0] + 1 + random.nextInt(span[1] - span[0] - 2);
    StringBuilder sb = new StringBuilder(t);
    switch (random.nextInt(3)) {
      case 0 -> {
        char a = sb.charAt(i);
        sb.setCharAt(i, sb.charAt(i + 1));
        sb.setCharAt(i + 1, a);
      }
      case 1 -> sb.deleteCharAt(i);
      default -> sb.insert(i, sb.charAt(i));
    }
    return sb.toString();
  }

  /** SMS register: {@code toSms} shortens standard forms, otherwise SMS forms are spelt out. */
  String sms(String t, boolean toSms) {
    List<String[]> table = SMS.get(language);
    String lower = t.toLowerCase(Locale.ROOT);
    String out = t;
    boolean changed = false;
    for (String[] pair : table) {
      String from = toSms ? pair[0] : pair[1];
      String to = toSms ? pair[1] : pair[0];
      if (from.equals(to) || !lower.contains(from)) {
        continue;
      }
      Pattern p = Pattern.compile("(?iu)(?<![\\p{L}'])" + Pattern.quote(from) + "(?![\\p{L}'])");
      Matcher m = p.matcher(out);
      if (m.find() && random.nextInt(3) > 0) {
        out = m.replaceAll(Matcher.quoteReplacement(to));
        changed = true;
      }
    }
    return changed ? out : flatten(t);
  }

  /** Drops accents, capitals and some punctuation, as in fast typing. */
  String flatten(String t) {
    String s = java.text.Normalizer.normalize(t, java.text.Normalizer.Form.NFD)
        .replaceAll("\\p{M}+", "");
    s = s.toLowerCase(Locale.ROOT);
    if (random.nextBoolean()) {
      s = s.replaceAll("[.,!]+", "");
    }
    return s;
  }
}
