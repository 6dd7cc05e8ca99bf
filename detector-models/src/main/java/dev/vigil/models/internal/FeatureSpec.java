package dev.vigil.models.internal;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.vigil.detector.Stage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The feature definition of the linear tier, as {@code features.json} records it: which pipeline
 * (only {@value #PIPELINE} exists), its hashing and n-gram settings, the context features in
 * column order, the probe fingerprint, and the label order of each model's output. Immutable.
 *
 * @param pipeline the feature pipeline's stable name; {@link HashedFeatures} implements {@value #PIPELINE}
 * @param hashBits the hashed block has {@code 2^hashBits} columns
 * @param seed the MurmurHash3 seed of the first namespace
 * @param wordNgramMax word n-grams of the analysed terms from 1 to this (1 or 2)
 * @param charNgramMin smallest character n-gram of a term with {@code <} and {@code >} around it
 * @param charNgramMax largest character n-gram
 * @param wordWeight L2 norm of the word block
 * @param charWeight L2 norm of the character block
 * @param positionBounds message-index bucket starts after 0 (e.g. 1, 3, 6: buckets 0, 1-2, 3-5, 6+)
 * @param context the names of the context columns after the hashed block, in order (checked)
 * @param fingerprint SHA-256 over the vectors of {@link Probes}, to catch code and model skew
 * @param labels each model's output labels in column order
 */
public record FeatureSpec(
    String pipeline,
    @JsonProperty("hash_bits") int hashBits,
    int seed,
    @JsonProperty("word_ngram_max") int wordNgramMax,
    @JsonProperty("char_ngram_min") int charNgramMin,
    @JsonProperty("char_ngram_max") int charNgramMax,
    @JsonProperty("word_weight") double wordWeight,
    @JsonProperty("char_weight") double charWeight,
    @JsonProperty("position_bounds") List<Integer> positionBounds,
    List<String> context,
    String fingerprint,
    Map<String, List<String>> labels) {

  /** The only feature pipeline this version implements. */
  public static final String PIPELINE = "hashed-ngrams-v1";

  /** Validates the settings. */
  public FeatureSpec {
    if (!PIPELINE.equals(pipeline)) {
      throw new IllegalArgumentException("unknown feature pipeline '" + pipeline + "'; this version knows "
          + PIPELINE);
    }
    if (hashBits < 10 || hashBits > 24) {
      throw new IllegalArgumentException("hash_bits must be in 10..24, got " + hashBits);
    }
    if (wordNgramMax < 1 || wordNgramMax > 2) {
      throw new IllegalArgumentException("word_ngram_max must be 1 or 2, got " + wordNgramMax);
    }
    if (charNgramMin < 2 || charNgramMax < charNgramMin || charNgramMax > 8) {
      throw new IllegalArgumentException("char n-grams must satisfy 2 <= min <= max <= 8, got "
          + charNgramMin + ".." + charNgramMax);
    }
    positionBounds = List.copyOf(positionBounds);
    for (int i = 0; i < positionBounds.size(); i++) {
      if (positionBounds.get(i) < 1 || (i > 0 && positionBounds.get(i) <= positionBounds.get(i - 1))) {
        throw new IllegalArgumentException("position_bounds must be increasing and >= 1, got " + positionBounds);
      }
    }
    context = List.copyOf(context);
    if (!context.equals(contextNames(positionBounds))) {
      throw new IllegalArgumentException("context columns do not match this pipeline: " + context);
    }
    labels = Map.copyOf(labels);
  }

  /** The defaults the trainer uses, with the given fingerprint and labels. */
  public static FeatureSpec defaults(String fingerprint, Map<String, List<String>> labels) {
    List<Integer> bounds = List.of(1, 3, 6, 11, 21);
    return new FeatureSpec(PIPELINE, 18, 0x5eed_0001, 2, 3, 5, 1.0, 1.0, bounds, contextNames(bounds),
        fingerprint, labels);
  }

  /** The same spec with another fingerprint and labels. */
  public FeatureSpec with(String fingerprint, Map<String, List<String>> labels) {
    return new FeatureSpec(pipeline, hashBits, seed, wordNgramMax, charNgramMin, charNgramMax, wordWeight,
        charWeight, positionBounds, context, fingerprint, labels);
  }

  /** Columns of the hashed block. */
  public int hashSize() {
    return 1 << hashBits;
  }

  /** All columns: the hashed block, then the context columns. */
  public int dimension() {
    return hashSize() + context.size();
  }

  /** The context column names of this pipeline, in order. */
  static List<String> contextNames(List<Integer> positionBounds) {
    List<String> names = new ArrayList<>();
    names.add("sender_previous_stage=NONE");
    for (Stage s : Stage.values()) {
      names.add("sender_previous_stage=" + s.name());
    }
    names.add("sender_question_ratio");
    names.add("question");
    names.add("position<" + positionBounds.get(0));
    for (int i = 0; i < positionBounds.size(); i++) {
      names.add("position>=" + positionBounds.get(i));
    }
    return names;
  }
}
