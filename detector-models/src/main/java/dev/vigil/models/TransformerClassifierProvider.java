package dev.vigil.models;

import dev.vigil.detector.spi.Classifier;
import dev.vigil.detector.spi.ClassifierProvider;
import dev.vigil.models.internal.ModelBundle;
import dev.vigil.models.internal.ProviderParameters;
import dev.vigil.models.internal.TransformerBundle;
import dev.vigil.models.internal.TransformerClassifier;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

/**
 * The transformer tier, named {@value #NAME}: a sentence encoder (any BERT-like ONNX model with a
 * HuggingFace {@code tokenizer.json}; shipped: English all-MiniLM-L6-v2, quantised) embeds the
 * message, and a small head trained in-house on the embeddings gives the ten stages and the ten
 * signals, reported as contextual cues like the trained tier's. Registered with {@code
 * ServiceLoader}, so adding {@code detector-models} to the classpath adds it to the default
 * detector after the {@code trained} tier.
 *
 * <p>A cascade: by default the tier reads a message only in a conversation the cheaper tiers
 * have already brought to MEDIUM (risk 0.45, the manifest's {@code min_risk}), so ordinary chat
 * rarely pays for the encoder (a few milliseconds a message on one core).
 *
 * <p>Parameters: {@code path}, a local directory holding a {@code manifest.json} and the files
 * it names (default: the model shipped in this jar; see {@code docs/transformer-tier.md} for
 * plugging in a multilingual encoder); {@code min_risk}, the conversation risk from which the
 * tier runs (default: the manifest's; 0 runs it on every message); {@code every_message}, {@code
 * true} to run it on every message (the same as {@code min_risk=0}); {@code counts_toward_risk},
 * {@code true} to let its labels raise the conversation's risk (default: they label only, like the
 * trained tier's; see {@link #COUNTS_TOWARD_RISK}). Every file's SHA-256 is
 * checked against the manifest before it is used; nothing is ever fetched from the network (the
 * tokenizer's native library comes from the DJL jar). The shipped model is loaded once per class
 * loader and shared by every detector built with the defaults.
 *
 * <p>Thread-safe. The created classifier is thread-safe and keeps no conversation state; it
 * holds no message text after a call.
 *
 * @since 0.1
 */
public final class TransformerClassifierProvider implements ClassifierProvider {

  /** The tier's stable name. */
  public static final String NAME = TransformerClassifier.NAME;
  /** The parameter naming a model directory. */
  public static final String PATH = "path";
  /**
   * The parameter overriding the manifest's cascade gate: the conversation risk from which the
   * tier runs, in [0,1]; 0 runs it on every message.
   */
  public static final String MIN_RISK = "min_risk";
  /**
   * The parameter that runs the tier on every message ({@code true}; default {@code false}): the
   * same as {@code min_risk=0}, and refused together with a non-zero {@code min_risk}.
   */
  public static final String EVERY_MESSAGE = "every_message";
  /**
   * The parameter that lets the tier's labels count as risk evidence ({@code true}; default {@code
   * false}: the tier labels the steps and the cheaper tiers alone decide risk and level; see {@link
   * dev.vigil.detector.spi.Classifier#countsTowardRisk()}).
   */
  public static final String COUNTS_TOWARD_RISK = "counts_toward_risk";
  private static final Set<String> PARAMETERS = Set.of(PATH, MIN_RISK, EVERY_MESSAGE, COUNTS_TOWARD_RISK);

  /** Required by {@code ServiceLoader}. */
  public TransformerClassifierProvider() {}

  @Override
  public String name() {
    return NAME;
  }

  /**
   * Loads the model.
   *
   * @throws IllegalArgumentException for an unknown parameter (the known ones are listed) or a bad
   *     value
   * @throws IllegalStateException if {@code every_message=true} is given with a non-zero {@code
   *     min_risk}
   * @throws UncheckedIOException wrapping a {@link ModelIntegrityException} if a model file is
   *     missing, fails its checksum or does not fit this version, or an {@link IOException} if it
   *     cannot be read
   */
  @Override
  public Classifier create(Map<String, String> params) {
    ProviderParameters.requireKnown(NAME, params, PARAMETERS);
    Double minRisk = ProviderParameters.unitInterval(params, MIN_RISK);
    boolean every = Boolean.TRUE.equals(ProviderParameters.bool(params, EVERY_MESSAGE));
    if (every) {
      if (minRisk != null && minRisk != 0) {
        throw new IllegalStateException(EVERY_MESSAGE + "=true conflicts with " + MIN_RISK + "="
            + params.get(MIN_RISK));
      }
      minRisk = 0.0;
    }
    String path = params.get(PATH);
    TransformerBundle bundle;
    if (path == null) {
      bundle = Shipped.get();
    } else {
      try {
        bundle = TransformerBundle.load(ModelBundle.directory(Path.of(path)));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    TransformerClassifier c = bundle.classifier();
    Boolean counts = ProviderParameters.bool(params, COUNTS_TOWARD_RISK);
    if (counts != null && counts != c.countsTowardRisk()) {
      c = c.withRiskCounting(counts);
    }
    return minRisk == null || minRisk == c.minRisk() ? c : c.withMinRisk(minRisk);
  }

  /** The shipped model, loaded on first use (holder idiom). */
  private static final class Shipped {
    private static final Object RESULT = load();

    private static Object load() {
      try {
        return TransformerBundle.load(TransformerBundle.classpath());
      } catch (IOException e) {
        return e;
      } catch (RuntimeException | LinkageError e) {
        // E.g. no tokenizer native for this platform: the tier fails to create, the class stays usable.
        return new IOException("the transformer tier cannot start: " + e, e);
      }
    }

    static TransformerBundle get() {
      if (RESULT instanceof IOException e) {
        throw new UncheckedIOException(e.getMessage(), e);
      }
      return (TransformerBundle) RESULT;
    }
  }
}
