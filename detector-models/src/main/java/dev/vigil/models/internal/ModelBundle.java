package dev.vigil.models.internal;

import ai.onnxruntime.OrtException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.models.ModelIntegrityException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Loads a model directory (from the classpath or a local path, never the network): reads {@code
 * manifest.json}, verifies the SHA-256 of every file it names before parsing it, checks the
 * feature pipeline against its fingerprint and the models against their labels, and builds the
 * {@link TrainedClassifier}. Nothing in a model file names a class to load: the pipeline is fixed
 * in code and the manifest only parameterises it.
 */
public final class ModelBundle {

  /** Where the shipped model lives on the classpath. */
  public static final String CLASSPATH_DIR = "/dev/vigil/models/linear/";
  /** The manifest's file name in a model directory. */
  public static final String MANIFEST = "manifest.json";

  private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");
  /** ObjectMapper is thread-safe once configured. */
  static final ObjectMapper JSON = new ObjectMapper()
      .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

  /** Where the files come from. */
  public interface Source {
    /** The bytes of a plain file name. */
    byte[] read(String file) throws IOException;

    /** For messages: where this source is. */
    String describe();
  }

  /** The shipped model on the classpath. */
  public static Source classpath() {
    return new Source() {
      @Override
      public byte[] read(String file) throws IOException {
        try (InputStream in = ModelBundle.class.getResourceAsStream(CLASSPATH_DIR + file)) {
          if (in == null) {
            throw new ModelIntegrityException("model file " + file + " is missing from the classpath at "
                + CLASSPATH_DIR);
          }
          return in.readAllBytes();
        }
      }

      @Override
      public String describe() {
        return "classpath:" + CLASSPATH_DIR;
      }
    };
  }

  /** A model directory on the local file system. */
  public static Source directory(Path dir) {
    return new Source() {
      @Override
      public byte[] read(String file) throws IOException {
        try {
          return Files.readAllBytes(dir.resolve(file));
        } catch (NoSuchFileException e) {
          throw new ModelIntegrityException("model file " + file + " is missing from " + dir, e);
        }
      }

      @Override
      public String describe() {
        return dir.toString();
      }
    };
  }

  private final Manifest manifest;
  private final FeatureSpec spec;
  private final OnnxModel model;
  private final TrainedClassifier classifier;

  private ModelBundle(Manifest manifest, FeatureSpec spec, OnnxModel model, TrainedClassifier classifier) {
    this.manifest = manifest;
    this.spec = spec;
    this.model = model;
    this.classifier = classifier;
  }

  /** The manifest. */
  public Manifest manifest() {
    return manifest;
  }

  /** The feature definition. */
  public FeatureSpec spec() {
    return spec;
  }

  /** The ONNX models. */
  public OnnxModel model() {
    return model;
  }

  /** The classifier. */
  public TrainedClassifier classifier() {
    return classifier;
  }

  /**
   * Loads and verifies a model directory.
   *
   * @throws ModelIntegrityException if a file is missing, fails its checksum or does not fit
   * @throws IOException if a file cannot be read
   */
  public static ModelBundle load(Source source) throws IOException {
    byte[] manifestBytes = source.read(MANIFEST);
    Manifest manifest;
    try {
      manifest = JSON.readValue(manifestBytes, Manifest.class);
    } catch (IOException | IllegalArgumentException e) {
      throw new ModelIntegrityException(MANIFEST + " in " + source.describe() + " is malformed: "
          + e.getMessage(), e);
    }
    if (manifest.formatVersion() != Manifest.FORMAT_VERSION) {
      throw new ModelIntegrityException(MANIFEST + " in " + source.describe() + " has format version "
          + manifest.formatVersion() + "; this version reads " + Manifest.FORMAT_VERSION);
    }
    FeatureSpec spec;
    byte[] featureBytes = verified(source, manifest.features());
    try {
      spec = JSON.readValue(featureBytes, FeatureSpec.class);
    } catch (IOException | IllegalArgumentException e) {
      throw new ModelIntegrityException(manifest.features().file() + " in " + source.describe()
          + " is malformed: " + e.getMessage(), e);
    }
    HashedFeatures features = new HashedFeatures(spec);
    String fingerprint = Probes.fingerprint(features);
    if (!fingerprint.equals(spec.fingerprint())) {
      throw new ModelIntegrityException("the feature code of this build (fingerprint " + fingerprint
          + ") differs from the one the model in " + source.describe() + " was trained with ("
          + spec.fingerprint() + "): retrain the model with this build");
    }
    int[] columns = columns(verified(source, manifest.columns()), spec.dimension(), manifest.columns().file());
    Manifest.Output stageEntry = output(manifest, "stage", "softmax", spec);
    Manifest.Output signalEntry = output(manifest, "signals", "sigmoid", spec);
    byte[] graph = verified(source, new Manifest.FileRef(manifest.model().file(), manifest.model().sha256()));
    OutputMapping mapping;
    OnnxModel model;
    try {
      mapping = new OutputMapping(stageEntry.labels(), stageEntry.thresholds(), signalEntry.labels(),
          signalEntry.thresholds(), manifest.reportLow(), manifest.reportHigh());
      if (stageEntry.confidentThresholds() != null || signalEntry.confidentThresholds() != null) {
        mapping = mapping.withConfident(
            orNever(stageEntry.confidentThresholds(), stageEntry.labels().size()),
            orNever(signalEntry.confidentThresholds(), signalEntry.labels().size()));
      }
      model = new OnnxModel(graph, manifest.model(), stageEntry, signalEntry, columns, spec.dimension());
    } catch (IllegalArgumentException e) {
      throw new ModelIntegrityException("model in " + source.describe() + " does not fit: " + e.getMessage(), e);
    } catch (OrtException e) {
      throw new ModelIntegrityException("ONNX Runtime rejected a model in " + source.describe() + ": "
          + e.getMessage(), e);
    }
    TrainedClassifier classifier;
    try {
      classifier = new TrainedClassifier(features, model, mapping, manifest.minRisk(), false);
    } catch (IllegalArgumentException e) {
      throw new ModelIntegrityException(MANIFEST + " in " + source.describe() + ": " + e.getMessage(), e);
    }
    return new ModelBundle(manifest, spec, model, classifier);
  }

  private static List<Double> orNever(@Nullable List<Double> thresholds, int labels) {
    return thresholds != null ? thresholds : java.util.Collections.nCopies(labels, 1.0);
  }

  private static Manifest.Output output(Manifest m, String name, String kind, FeatureSpec spec)
      throws ModelIntegrityException {
    for (Manifest.Output e : m.outputs()) {
      if (e.name().equals(name)) {
        if (!e.kind().equals(kind)) {
          throw new ModelIntegrityException("output " + name + " must be of kind " + kind + ", got " + e.kind());
        }
        List<String> labels = spec.labels().get(name);
        if (!e.labels().equals(labels)) {
          throw new ModelIntegrityException("output " + name + " labels " + e.labels()
              + " differ from the feature definition's " + labels);
        }
        return e;
      }
    }
    throw new ModelIntegrityException("the manifest has no output named " + name);
  }

  /** Reads a file and checks its SHA-256 against the manifest's. */
  static byte[] verified(Source source, Manifest.FileRef ref) throws IOException {
    if (!PLAIN_NAME.matcher(ref.file()).matches()) {
      throw new ModelIntegrityException("model file name '" + ref.file()
          + "' is not a plain file name in the manifest's directory");
    }
    byte[] bytes = source.read(ref.file());
    String actual = sha256(bytes);
    if (!actual.equals(ref.sha256())) {
      throw new ModelIntegrityException("model file " + ref.file() + " in " + source.describe()
          + " fails its checksum: the manifest says sha256 " + ref.sha256() + ", the file has " + actual);
    }
    return bytes;
  }

  private static int[] columns(byte[] bytes, int dimension, String file) throws ModelIntegrityException {
    if (bytes.length % 4 != 0 || bytes.length == 0) {
      throw new ModelIntegrityException(file + " must hold big-endian int32 columns, got " + bytes.length + " bytes");
    }
    ByteBuffer b = ByteBuffer.wrap(bytes);
    int[] out = new int[bytes.length / 4];
    for (int i = 0; i < out.length; i++) {
      out[i] = b.getInt();
      if (out[i] < 0 || out[i] >= dimension || (i > 0 && out[i] <= out[i - 1])) {
        throw new ModelIntegrityException(file + ": columns must increase within [0, " + dimension
            + "), got " + out[i] + " at " + i);
      }
    }
    return out;
  }

  /** Lower-case hex SHA-256. */
  public static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every Java platform", e);
    }
  }

  /** For the trainer: the JSON mapper with this module's settings. */
  public static ObjectMapper json() {
    return JSON;
  }

}
