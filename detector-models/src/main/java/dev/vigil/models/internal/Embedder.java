package dev.vigil.models.internal;

/**
 * Turns a message's text into a fixed-size vector: {@link TextEncoder} in production, a caching
 * wrapper in the trainer (so that every candidate head is evaluated through the same classifier
 * code without encoding a message twice). Implementations are thread-safe.
 */
public interface Embedder {

  /** The vector's size. */
  int dimension();

  /**
   * Writes the embedding of {@code text} to {@code out} (length {@link #dimension()}).
   *
   * @throws IllegalArgumentException if {@code out} has the wrong length
   */
  void embed(String text, float[] out);
}
