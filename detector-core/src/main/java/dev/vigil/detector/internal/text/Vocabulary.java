package dev.vigil.detector.internal.text;

import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.CharArrayMap;

/**
 * The analysed terms a lexicon pack knows, each with a dense id. Lookups take a char slice and
 * allocate nothing (Lucene's {@link CharArrayMap}). Built once, then read-only and thread-safe.
 */
public final class Vocabulary {

  private final CharArrayMap<Integer> ids = new CharArrayMap<>(1024, false);
  private final List<String> terms = new ArrayList<>();

  /** The id of {@code term}, adding it if new. Only while building. */
  public int intern(String term) {
    Integer id = ids.get(term);
    if (id != null) {
      return id;
    }
    int next = terms.size();
    ids.put(term, Integer.valueOf(next));
    terms.add(term);
    return next;
  }

  /** The id of the term in {@code chars[0..length)}, or -1. */
  public int id(char[] chars, int length) {
    Integer id = ids.get(chars, 0, length);
    return id == null ? -1 : id;
  }

  /** The id of {@code term}, or -1. */
  public int id(String term) {
    Integer id = ids.get(term);
    return id == null ? -1 : id;
  }

  /** How many terms. */
  public int size() {
    return terms.size();
  }

  /** The term of an id. */
  public String term(int id) {
    return terms.get(id);
  }
}
