package dev.vigil.models.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * {@code manifest.json}: what a model directory holds and how to check it. The runtime reads the
 * format version, the files with their SHA-256 (verified before anything is parsed), the models'
 * kinds, labels and thresholds, the report range and the cascade gate; {@code training} (provenance: trainer, seed,
 * library versions, the SHA-256 of every training file, the split) and {@code metrics} (on the
 * held-back part of the tuning corpus) are for people and are kept as they are. Immutable.
 *
 * @param formatVersion {@value #FORMAT_VERSION} for this layout
 * @param name the model family's stable name
 * @param sdkVersion the Vigil version that trained it
 * @param features the feature definition ({@code features.json})
 * @param columns the hashed columns the models were trained on, big-endian int32, increasing
 * @param model the ONNX graph: both models over one sparse input (column indices and values)
 * @param outputs the graph's outputs: {@code stage} (softmax over NONE and the stages) and {@code
 *     signals} (independent sigmoids)
 * @param reportLow the score a label is reported with at its threshold ({@link OutputMapping})
 * @param reportHigh the score a label is reported with at probability 1
 * @param minRisk the tier runs only where the risk so far is at least this (a cascade after the
 *     lexicon; see {@link TrainedClassifier#wants})
 * @param training provenance
 * @param metrics measured on the held-back part
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Manifest(
    @JsonProperty("format_version") int formatVersion,
    String name,
    @JsonProperty("sdk_version") String sdkVersion,
    FileRef features,
    FileRef columns,
    ModelFile model,
    List<Output> outputs,
    @JsonProperty("report_low") double reportLow,
    @JsonProperty("report_high") double reportHigh,
    @JsonProperty("min_risk") double minRisk,
    JsonNode training,
    JsonNode metrics) {

  /** The manifest layout this version reads. */
  public static final int FORMAT_VERSION = 1;

  /** Copies the list. */
  public Manifest {
    outputs = List.copyOf(outputs);
  }

  /**
   * A file of the model directory and its checksum.
   *
   * @param file a plain file name in the manifest's directory (no path separators)
   * @param sha256 lower-case hex SHA-256 of the file's bytes
   */
  public record FileRef(String file, String sha256) {}

  /**
   * The ONNX graph file.
   *
   * @param file a plain file name
   * @param sha256 its SHA-256
   * @param indices the name of the int64 input of model column numbers
   * @param values the name of the float input of their values
   */
  public record ModelFile(String file, String sha256, String indices, String values) {}

  /**
   * One output of the graph.
   *
   * @param name {@code stage} or {@code signals}
   * @param output the graph's output name
   * @param kind {@code softmax} or {@code sigmoid}
   * @param labels output columns in order (stage: {@code NONE} and Stage names; signals: Signal names)
   * @param thresholds per label, the model probability that maps to a calibrated 0.5; 1 or more
   *     means the label is never reported (too few out-of-fold examples to trust it)
   * @param confidentThresholds optional (absent: none), per label, the probability from which the
   *     label is reported on any message, also outside the cascade ({@code
   *     OutputMapping#withConfident}); 1 or more means never
   */
  public record Output(String name, String output, String kind, List<String> labels, List<Double> thresholds,
      @JsonProperty("confident_thresholds") @Nullable List<Double> confidentThresholds) {

    /** Copies the lists. */
    public Output {
      labels = List.copyOf(labels);
      thresholds = List.copyOf(thresholds);
      confidentThresholds = confidentThresholds == null ? null : List.copyOf(confidentThresholds);
    }
  }
}
