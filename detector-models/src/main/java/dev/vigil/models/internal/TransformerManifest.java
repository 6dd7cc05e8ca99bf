package dev.vigil.models.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * {@code manifest.json} of a transformer model directory: the encoder (an ONNX sentence encoder
 * and its HuggingFace {@code tokenizer.json}, with how to read its output), the head trained on
 * the embeddings, and how the tier reports. The runtime reads the format version, every file with
 * its SHA-256 (verified before anything is parsed), the encoder settings, the head's labels and
 * thresholds, the report range and the cascade gate; {@code training} (provenance) and {@code
 * metrics} (held-back figures) are for people and kept as they are. Nothing in it names a class:
 * the pipeline ({@value #PIPELINE}) is fixed in code. Immutable.
 *
 * @param formatVersion {@value #FORMAT_VERSION} for this layout
 * @param name the model's short stable name; the tier's evidence id is {@code transformer.<name>}
 * @param pipeline must be {@value #PIPELINE}
 * @param sdkVersion the Vigil version that trained the head
 * @param encoder the sentence encoder
 * @param head the head over the embeddings
 * @param reportLow the score a label is reported with at its threshold ({@link OutputMapping})
 * @param reportHigh the score a label is reported with at probability 1
 * @param minRisk the tier runs only on messages of conversations at least this risky (a cascade)
 * @param training provenance, for people
 * @param metrics held-back figures, for people
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TransformerManifest(
    @JsonProperty("format_version") int formatVersion,
    String name,
    String pipeline,
    @JsonProperty("sdk_version") String sdkVersion,
    Encoder encoder,
    Head head,
    @JsonProperty("report_low") double reportLow,
    @JsonProperty("report_high") double reportHigh,
    @JsonProperty("min_risk") double minRisk,
    @Nullable JsonNode training,
    @Nullable JsonNode metrics) {

  /** The manifest layout this version reads. */
  public static final int FORMAT_VERSION = 1;
  /** The only pipeline this version builds: tokenise, encode, pool, normalise, linear head. */
  public static final String PIPELINE = "sentence-embedding-head-v1";

  /**
   * The sentence encoder.
   *
   * @param model the ONNX graph (inputs {@code input_ids}, {@code attention_mask} and, if the graph
   *     declares it, {@code token_type_ids}, all int64 {@code [1, n]})
   * @param tokenizer the HuggingFace {@code tokenizer.json} that goes with it
   * @param maxLength tokens fed to the model, special tokens included; longer text is truncated
   * @param output the graph output to read: token states {@code [1, n, dimension]} for {@code
   *     mean} or {@code cls} pooling, or a sentence vector {@code [1, dimension]} for {@code none}
   * @param pooling {@code mean} (over the attention mask), {@code cls} (the first token) or
   *     {@code none} (the output is already pooled)
   * @param normalize whether the pooled vector is L2-normalised
   * @param dimension the embedding's size
   */
  public record Encoder(
      Manifest.FileRef model,
      Manifest.FileRef tokenizer,
      @JsonProperty("max_length") int maxLength,
      String output,
      String pooling,
      boolean normalize,
      int dimension) {}

  /**
   * The head: one sigmoid per label over the embedding, {@code p = 1 / (1 + exp(-(w . x + b)))}.
   * Its file holds, for each label in order (stage labels, then signal labels), {@code dimension}
   * weights then the bias, as big-endian float32.
   *
   * @param file a plain file name
   * @param sha256 its SHA-256
   * @param method how it was trained, for people ({@code centroid} or {@code logistic})
   * @param stages the stage labels (Stage names) and their thresholds
   * @param signals the signal labels (Signal names) and their thresholds
   */
  public record Head(String file, String sha256, String method, Labels stages, Labels signals) {

    /** The file and its checksum. */
    public Manifest.FileRef ref() {
      return new Manifest.FileRef(file, sha256);
    }
  }

  /**
   * Labels and their thresholds.
   *
   * @param labels names in the head's row order
   * @param thresholds per label, the probability that maps to a calibrated 0.5; 1 or more means
   *     the label is never reported (too few held-out examples to trust it)
   */
  public record Labels(List<String> labels, List<Double> thresholds) {

    /** Copies the lists. */
    public Labels {
      labels = List.copyOf(labels);
      thresholds = List.copyOf(thresholds);
    }
  }
}
