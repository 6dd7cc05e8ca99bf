package dev.vigil.detector;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;

/**
 * Turns the risk model's score into a calibrated probability: the share of conversations whose
 * risk reached that score that were grooming or sextortion, on the corpus the calibration was
 * fitted on. Immutable and thread-safe.
 *
 * <p>The method is Platt scaling (Platt 1999) on the model's evidence total {@code x = -ln(1 -
 * score)}: {@code p = 1 / (1 + exp(-(slope * x + intercept)))}, kept within [0.001, 0.999], fitted per
 * conversation on the highest score it reached. Monotone, so it never reorders conversations and the levels (which the
 * risk model sets from its own score and its pattern rules) are unchanged; only the number a
 * moderator reads becomes a probability. The file also carries the threshold of each {@link
 * AlertPreset}.
 *
 * <p><b>Base rate.</b> A probability is calibrated at the base rate of its calibration corpus
 * (the shipped one: half harmful). Where harmful conversations are rarer, as on any real platform,
 * the same score means a lower probability: multiply the odds {@code p/(1-p)} by {@code
 * (prior/(1-prior)) / (base/(1-base))} ({@link #atBaseRate(double)} does this).
 *
 * <p>The shipped calibration ({@link #shipped()}) was fitted with {@code vigil-cli calibrate} on the
 * development corpus's held-back part; fit your own on your labelled conversations with the same
 * command and load it with {@link #read(Path)} and {@link DetectorBuilder#calibration}.
 *
 * <p>File format: Java properties, UTF-8: {@code format=1}, {@code method=platt} (or {@code none}),
 * {@code slope} (&gt; 0), {@code intercept}, {@code base_rate} in (0,1), {@code threshold.<preset
 * key>} in (0,1] for every preset; keys starting with {@code info.} are provenance and are ignored.
 *
 * @since 0.1
 */
public final class RiskCalibration {

  /** The resource holding the shipped calibration. */
  public static final String SHIPPED_RESOURCE = "/dev/vigil/detector/calibration.properties";

  private static final int FORMAT = 1;
  /** Keys of the format besides {@code threshold.*} and {@code info.*}. */
  private static final Set<String> KNOWN_KEYS =
      Set.of("format", "method", "slope", "intercept", "base_rate");
  /**
   * A calibrated probability stays within [0.001, 0.999]: no calibration corpus we can fit on
   * supports more certainty, and a moderator should never read "1.0".
   */
  static final double MIN_PROBABILITY = 0.001;
  static final double MAX_PROBABILITY = 0.999;
  /** Scores this close to 1 are read as this evidence total (float state saturates near 17). */
  private static final double MAX_EVIDENCE = 16;

  private static final RiskCalibration UNCALIBRATED = new RiskCalibration(false, 1, 0, 0.5,
      thresholds(0.7, 0.7, 0.45), Map.of());

  private final boolean calibrated;
  private final double slope;
  private final double intercept;
  private final double baseRate;
  private final EnumMap<AlertPreset, Double> thresholds;
  private final Map<String, String> info;

  private RiskCalibration(boolean calibrated, double slope, double intercept, double baseRate,
      EnumMap<AlertPreset, Double> thresholds, Map<String, String> info) {
    this.calibrated = calibrated;
    this.slope = slope;
    this.intercept = intercept;
    this.baseRate = baseRate;
    this.thresholds = thresholds;
    this.info = Map.copyOf(info);
  }

  private static EnumMap<AlertPreset, Double> thresholds(double parent, double queue, double triage) {
    EnumMap<AlertPreset, Double> t = new EnumMap<>(AlertPreset.class);
    t.put(AlertPreset.PARENT_ALERT, parent);
    t.put(AlertPreset.MODERATION_QUEUE, queue);
    t.put(AlertPreset.REPORT_TRIAGE, triage);
    return t;
  }

  /**
   * No calibration: the risk is the model's own score. Preset thresholds are the level
   * boundaries: HIGH (0.7) for a parent's alert and the moderation queue, MEDIUM (0.45) for
   * triage. For measuring the model itself and for fitting a calibration.
   */
  public static RiskCalibration uncalibrated() {
    return UNCALIBRATED;
  }

  /**
   * A Platt calibration.
   *
   * @param slope the weight of the evidence total, &gt; 0 (the probability rises with the score)
   * @param intercept the offset
   * @param baseRate the share of harmful conversations in the calibration corpus, in (0,1)
   * @param thresholds every preset's threshold on the calibrated probability, in (0,1]
   * @param info provenance (data, sizes, measured error), written with the {@code info.} prefix
   * @throws IllegalArgumentException if a value is out of range or a preset is missing
   */
  public static RiskCalibration platt(double slope, double intercept, double baseRate,
      Map<AlertPreset, Double> thresholds, Map<String, String> info) {
    if (!(slope > 0) || !Double.isFinite(slope)) {
      throw new IllegalArgumentException("slope must be a finite number > 0, got " + slope);
    }
    if (!Double.isFinite(intercept)) {
      throw new IllegalArgumentException("intercept must be finite, got " + intercept);
    }
    if (!(baseRate > 0 && baseRate < 1)) {
      throw new IllegalArgumentException("base_rate must be in (0,1), got " + baseRate);
    }
    EnumMap<AlertPreset, Double> t = new EnumMap<>(AlertPreset.class);
    for (AlertPreset p : AlertPreset.values()) {
      Double v = thresholds.get(p);
      if (v == null || !(v > 0 && v <= 1)) {
        throw new IllegalArgumentException("threshold." + p.key() + " must be in (0,1], got " + v);
      }
      t.put(p, v);
    }
    return new RiskCalibration(true, slope, intercept, baseRate, t, info);
  }

  /** The calibration shipped with this version (see the class description). */
  public static RiskCalibration shipped() {
    return Shipped.VALUE;
  }

  private static final class Shipped {
    static final RiskCalibration VALUE = load();

    private static RiskCalibration load() {
      try (InputStream in = RiskCalibration.class.getResourceAsStream(SHIPPED_RESOURCE)) {
        if (in == null) {
          throw new IllegalStateException("missing resource " + SHIPPED_RESOURCE);
        }
        return read(in, SHIPPED_RESOURCE);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + SHIPPED_RESOURCE, e);
      }
    }
  }

  /**
   * Reads a calibration file (format in the class description).
   *
   * @throws IOException if it cannot be read
   * @throws IllegalArgumentException if it is malformed (the message names the key)
   */
  public static RiskCalibration read(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return read(in, file.toString());
    }
  }

  private static RiskCalibration read(InputStream in, String source) throws IOException {
    Properties p = new Properties();
    try (Reader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
      p.load(r);
    }
    try {
      String format = required(p, "format");
      if (!format.equals(Integer.toString(FORMAT))) {
        throw new IllegalArgumentException("format " + format + " is not supported (expected " + FORMAT + ")");
      }
      for (String key : p.stringPropertyNames()) {
        if (!key.startsWith("info.") && !key.startsWith("threshold.") && !KNOWN_KEYS.contains(key)) {
          throw new IllegalArgumentException("unknown key '" + key + "'");
        }
      }
      String method = required(p, "method");
      if (method.equals("none")) {
        return UNCALIBRATED;
      }
      if (!method.equals("platt")) {
        throw new IllegalArgumentException("method must be platt or none, got '" + method + "'");
      }
      EnumMap<AlertPreset, Double> t = new EnumMap<>(AlertPreset.class);
      for (AlertPreset preset : AlertPreset.values()) {
        t.put(preset, number(p, "threshold." + preset.key()));
      }
      Map<String, String> info = new TreeMap<>();
      for (String key : p.stringPropertyNames()) {
        if (key.startsWith("info.")) {
          info.put(key.substring(5), p.getProperty(key));
        }
      }
      return platt(number(p, "slope"), number(p, "intercept"), number(p, "base_rate"), t, info);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("calibration " + source + ": " + e.getMessage(), e);
    }
  }

  private static String required(Properties p, String key) {
    String v = p.getProperty(key);
    if (v == null || v.isBlank()) {
      throw new IllegalArgumentException("missing key '" + key + "'");
    }
    return v.trim();
  }

  private static double number(Properties p, String key) {
    String v = required(p, key);
    try {
      return Double.parseDouble(v);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("key '" + key + "' is not a number: '" + v + "'", e);
    }
  }

  /** Whether this is a fitted calibration ({@code false} for {@link #uncalibrated()}). */
  public boolean isCalibrated() {
    return calibrated;
  }

  /**
   * The calibrated probability for a model score.
   *
   * @param score the risk model's uncalibrated score in [0,1] (what {@link #uncalibrated()} reports)
   */
  public double probability(double score) {
    if (!calibrated) {
      return score;
    }
    double s = score != score ? 0 : Math.max(0, Math.min(1, score));
    double x = s >= 1 ? MAX_EVIDENCE : Math.min(MAX_EVIDENCE, -Math.log1p(-s));
    double p = 1 / (1 + Math.exp(-(slope * x + intercept)));
    return Math.max(MIN_PROBABILITY, Math.min(MAX_PROBABILITY, p));
  }

  /** The threshold of {@code preset} on the calibrated probability. */
  public double threshold(AlertPreset preset) {
    return thresholds.get(Objects.requireNonNull(preset, "preset"));
  }

  /** The share of harmful conversations in the calibration corpus (0.5 when uncalibrated). */
  public double baseRate() {
    return baseRate;
  }

  /** Platt's slope (1 when uncalibrated). */
  public double slope() {
    return slope;
  }

  /** Platt's intercept (0 when uncalibrated). */
  public double intercept() {
    return intercept;
  }

  /** Provenance: the data it was fitted on, sizes, measured calibration error. */
  public Map<String, String> info() {
    return info;
  }

  /**
   * {@code probability} re-expressed for a population where a share {@code prior} of
   * conversations is harmful (Bayes' rule on the odds; thresholds are not moved).
   *
   * @throws IllegalArgumentException if {@code prior} is not in (0,1)
   */
  public double atBaseRate(double probability, double prior) {
    if (!(prior > 0 && prior < 1)) {
      throw new IllegalArgumentException("prior must be in (0,1), got " + prior);
    }
    double p = Math.max(1e-12, Math.min(1 - 1e-12, probability));
    double odds = p / (1 - p) * (prior / (1 - prior)) / (baseRate / (1 - baseRate));
    return odds / (1 + odds);
  }

  /** The calibration as a file of the format above, with {@code info} written as provenance. */
  public String format() {
    StringBuilder b = new StringBuilder();
    b.append("# Vigil risk calibration (RiskCalibration javadoc: format and meaning)\n");
    b.append("format=").append(FORMAT).append('\n');
    if (!calibrated) {
      return b.append("method=none\n").toString();
    }
    b.append("method=platt\n");
    b.append(String.format(Locale.ROOT, "slope=%.6f%nintercept=%.6f%nbase_rate=%.6f%n", slope, intercept, baseRate));
    for (AlertPreset p : AlertPreset.values()) {
      b.append(String.format(Locale.ROOT, "threshold.%s=%.4f%n", p.key(), thresholds.get(p)));
    }
    for (Map.Entry<String, String> e : new TreeMap<>(info).entrySet()) {
      b.append("info.").append(e.getKey()).append('=')
          .append(e.getValue().replace("\\", "\\\\").replace("\n", "\\n")).append('\n');
    }
    return b.toString();
  }

  @Override
  public String toString() {
    return calibrated
        ? String.format(Locale.ROOT, "RiskCalibration[platt slope=%.4f intercept=%.4f base_rate=%.3f]",
            slope, intercept, baseRate)
        : "RiskCalibration[none]";
  }
}
