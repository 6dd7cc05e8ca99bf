package dev.vigil.models.train;

import dev.vigil.models.internal.Embedder;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * For the trainer only: remembers the embedding of every text it was asked for, so that each
 * candidate head is evaluated through the real classifier code without running the encoder again.
 * Holds message text in memory for the trainer's run; never written anywhere.
 */
final class CachingEmbedder implements Embedder {

  private final Embedder inner;
  private final Map<String, float[]> cache = new ConcurrentHashMap<>();

  CachingEmbedder(Embedder inner) {
    this.inner = inner;
  }

  @Override
  public int dimension() {
    return inner.dimension();
  }

  @Override
  public void embed(String text, float[] out) {
    float[] v = vector(text);
    System.arraycopy(v, 0, out, 0, v.length);
  }

  /** The (shared, not to be changed) embedding of {@code text}. */
  float[] vector(String text) {
    return cache.computeIfAbsent(text, t -> {
      float[] v = new float[inner.dimension()];
      inner.embed(t, v);
      return v;
    });
  }

  int size() {
    return cache.size();
  }
}
