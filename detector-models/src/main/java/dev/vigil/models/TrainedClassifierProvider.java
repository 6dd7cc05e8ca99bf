package dev.vigil.models;

import dev.vigil.detector.spi.Classifier;
import dev.vigil.detector.spi.ClassifierProvider;
import dev.vigil.models.internal.ModelBundle;
import dev.vigil.models.internal.ProviderParameters;
import dev.vigil.models.internal.TrainedClassifier;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

/**
 * The trained tier, named {@value #NAME}: a linear classifier over hashed word and character
 * n-grams of the analysed text and the conversation context, for the ten stages and the ten
 * signals, run with ONNX Runtime. Registered with {@code ServiceLoader}, so adding {@code
 * detector-models} to the classpath adds it to the default detector after the lexicon tier.
 *
 * <p>Parameters: {@code path}, a local directory holding a {@code manifest.json} and the files it
 * names (default: the model shipped in this jar); {@code min_risk}, the conversation risk from
 * which the tier runs (default: the manifest's, MEDIUM for the shipped model; 0 runs it on every
 * message); {@code standalone}, {@code true} to measure the model as a tier of its own (see {@link
 * #STANDALONE}); {@code counts_toward_risk}, {@code true} to let its labels raise the
 * conversation's risk (default: they label only; see {@link #COUNTS_TOWARD_RISK}); {@code
 * confident_labels}, {@code false} to run only in the cascade (see {@link #CONFIDENT_LABELS}).
 * Every file's SHA-256 is checked against the
 * manifest before it is used; nothing is ever fetched from the network. The shipped model is
 * loaded once per class loader and shared by every detector built with the defaults.
 *
 * <p>Thread-safe. The created classifier is thread-safe and keeps no conversation state.
 *
 * @since 0.1
 */
public final class TrainedClassifierProvider implements ClassifierProvider {

  /** The tier's stable name. */
  public static final String NAME = TrainedClassifier.NAME;
  /** The parameter naming a model directory. */
  public static final String PATH = "path";
  /**
   * The parameter overriding the manifest's cascade gate: the conversation risk from which the
   * tier runs, in [0,1]; 0 runs it on every message (e.g. to measure the tier alone).
   */
  public static final String MIN_RISK = "min_risk";
  /**
   * The parameter that turns the tier into a tier of its own ({@code true}; default {@code false}),
   * to measure the model alone: it runs on every message and reports a label at its threshold
   * with 0.5, the engine's reporting threshold, instead of as a contextual cue. Not for production
   * use: the model has seen no ordinary chat.
   */
  public static final String STANDALONE = "standalone";
  /**
   * The parameter that lets the cascade's labels count as risk evidence ({@code true}; default
   * {@code false}: the tier labels the steps and the rules alone decide risk and level; see {@link
   * Classifier#countsTowardRisk()}).
   */
  public static final String COUNTS_TOWARD_RISK = "counts_toward_risk";
  /**
   * The parameter that turns off the confident labels ({@code false}; default {@code true}): with
   * them the tier reads every message and names a step it is confident of (the out-of-fold
   * precision chosen at training, 80 or 90%, on every message) even before the rules see risk;
   * without them it runs only in the cascade, on conversations at {@code min_risk} or above, and
   * costs nothing elsewhere.
   */
  public static final String CONFIDENT_LABELS = "confident_labels";
  private static final Set<String> PARAMETERS = Set.of(PATH, MIN_RISK, STANDALONE, COUNTS_TOWARD_RISK,
      CONFIDENT_LABELS);

  /** Required by {@code ServiceLoader}. */
  public TrainedClassifierProvider() {}

  @Override
  public String name() {
    return NAME;
  }

  /**
   * Loads the model.
   *
   * @throws IllegalArgumentException for an unknown parameter (the known ones are listed)
   * @throws UncheckedIOException wrapping a {@link ModelIntegrityException} if a model file is
   *     missing, fails its checksum or does not fit this version, or an {@link IOException} if it
   *     cannot be read
   */
  @Override
  public Classifier create(Map<String, String> params) {
    ProviderParameters.requireKnown(NAME, params, PARAMETERS);
    Double minRisk = ProviderParameters.unitInterval(params, MIN_RISK);
    String path = params.get(PATH);
    ModelBundle bundle;
    if (path == null) {
      bundle = Shipped.get();
    } else {
      try {
        bundle = ModelBundle.load(ModelBundle.directory(Path.of(path)));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    Boolean standalone = ProviderParameters.bool(params, STANDALONE);
    TrainedClassifier c = Boolean.TRUE.equals(standalone) ? bundle.classifier().standalone() : bundle.classifier();
    Boolean counts = ProviderParameters.bool(params, COUNTS_TOWARD_RISK);
    if (counts != null) {
      c = c.withRiskCounting(counts);
    }
    if (Boolean.FALSE.equals(ProviderParameters.bool(params, CONFIDENT_LABELS))) {
      c = c.cascadeOnly();
    }
    return minRisk == null ? c : c.withMinRisk(minRisk);
  }

  /** The shipped model, loaded on first use (holder idiom). */
  private static final class Shipped {
    private static final Object RESULT = load();

    private static Object load() {
      try {
        return ModelBundle.load(ModelBundle.classpath());
      } catch (IOException e) {
        return e;
      }
    }

    static ModelBundle get() {
      if (RESULT instanceof IOException e) {
        // A new exception per call, with the stored one as its cause, so callers get a fresh trace.
        throw new UncheckedIOException(e.getMessage(), e);
      }
      return (ModelBundle) RESULT;
    }
  }
}
