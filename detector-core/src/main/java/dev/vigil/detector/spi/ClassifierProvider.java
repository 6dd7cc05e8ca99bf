package dev.vigil.detector.spi;

import java.util.Map;

/**
 * Creates a {@link Classifier} by stable name; registered in {@code
 * META-INF/services/dev.vigil.detector.spi.ClassifierProvider} and found with {@code
 * ServiceLoader}.
 *
 * @since 0.1
 */
public interface ClassifierProvider {

  /** The stable name, the same as the created classifier's. */
  String name();

  /**
   * Creates the classifier.
   *
   * @param params provider parameters; empty for the defaults
   * @throws IllegalArgumentException for an unknown parameter or a bad value (named in the message)
   * @throws java.io.UncheckedIOException if a model resource cannot be read or fails its checksum
   */
  Classifier create(Map<String, String> params);
}
