package dev.vigil.models.internal;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/** Validates and reads the string parameters the tiers' providers accept. Stateless. */
public final class ProviderParameters {

  private ProviderParameters() {}

  /** Rejects a parameter not in {@code known}, naming the known ones. */
  public static void requireKnown(String classifier, Map<String, String> params, Set<String> known) {
    for (String p : params.keySet()) {
      if (!known.contains(p)) {
        throw new IllegalArgumentException("unknown parameter '" + p + "' for classifier "
            + classifier + "; known: " + new TreeSet<>(known));
      }
    }
  }

  /** The value of {@code key} as a number in [0,1], or null if absent. */
  public static @Nullable Double unitInterval(Map<String, String> params, String key) {
    String v = params.get(key);
    if (v == null) {
      return null;
    }
    double d;
    try {
      d = Double.parseDouble(v);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(key + " must be a number in [0,1], got '" + v + "'", e);
    }
    if (!(d >= 0 && d <= 1)) {
      throw new IllegalArgumentException(key + " must be in [0,1], got " + v);
    }
    return d;
  }

  /** The value of {@code key} as {@code true} or {@code false}, or null if absent. */
  public static @Nullable Boolean bool(Map<String, String> params, String key) {
    String v = params.get(key);
    if (v == null) {
      return null;
    }
    if (!v.equals("true") && !v.equals("false")) {
      throw new IllegalArgumentException(key + " must be true or false, got '" + v + "'");
    }
    return v.equals("true");
  }
}
