package dev.vigil.models.internal;

import java.nio.ByteBuffer;
import java.util.List;

/**
 * The transformer tier's head: one sigmoid per label over the sentence embedding, {@code p =
 * 1 / (1 + exp(-(w . x + b)))}, stage labels first, then signal labels. A logistic model and a
 * Platt-scaled centroid margin ({@code cos(x, c+) - cos(x, c-)} for unit vectors is a linear
 * function of {@code x}) both take this form, so the runtime does not care which the trainer
 * chose. Immutable and thread-safe.
 */
public final class EmbeddingHead {

  private final int dimension;
  private final float[][] weights;
  private final float[] bias;
  private final int stageRows;
  private final int signalRows;

  /**
   * A head.
   *
   * @param weights one row of {@code dimension} weights per label, stage labels then signal labels
   * @param bias one per row
   * @throws IllegalArgumentException if the shapes do not agree or a value is not finite
   */
  public EmbeddingHead(int dimension, float[][] weights, float[] bias, int stageRows, int signalRows) {
    if (weights.length != stageRows + signalRows || bias.length != weights.length) {
      throw new IllegalArgumentException("the head has " + weights.length + " rows and " + bias.length
          + " biases for " + stageRows + " + " + signalRows + " labels");
    }
    this.weights = new float[weights.length][];
    for (int r = 0; r < weights.length; r++) {
      if (weights[r].length != dimension) {
        throw new IllegalArgumentException("head row " + r + " has " + weights[r].length + " weights, expected "
            + dimension);
      }
      for (float w : weights[r]) {
        if (!Float.isFinite(w)) {
          throw new IllegalArgumentException("head row " + r + " has a non-finite weight");
        }
      }
      if (!Float.isFinite(bias[r])) {
        throw new IllegalArgumentException("head row " + r + " has a non-finite bias");
      }
      this.weights[r] = weights[r].clone();
    }
    this.dimension = dimension;
    this.bias = bias.clone();
    this.stageRows = stageRows;
    this.signalRows = signalRows;
  }

  /**
   * Reads the head file: per row, {@code dimension} weights then the bias, big-endian float32.
   *
   * @throws IllegalArgumentException if the size does not fit the labels and dimension
   */
  public static EmbeddingHead read(byte[] bytes, int dimension, List<String> stageLabels, List<String> signalLabels) {
    int rows = stageLabels.size() + signalLabels.size();
    long expected = (long) rows * (dimension + 1) * Float.BYTES;
    if (bytes.length != expected) {
      throw new IllegalArgumentException("the head file has " + bytes.length + " bytes; " + rows + " labels of "
          + dimension + " weights and a bias need " + expected);
    }
    ByteBuffer b = ByteBuffer.wrap(bytes);
    float[][] w = new float[rows][dimension];
    float[] bias = new float[rows];
    for (int r = 0; r < rows; r++) {
      for (int j = 0; j < dimension; j++) {
        w[r][j] = b.getFloat();
      }
      bias[r] = b.getFloat();
    }
    return new EmbeddingHead(dimension, w, bias, stageLabels.size(), signalLabels.size());
  }

  /** The head file's bytes (the inverse of {@link #read}). */
  public byte[] toBytes() {
    ByteBuffer b = ByteBuffer.allocate(weights.length * (dimension + 1) * Float.BYTES);
    for (int r = 0; r < weights.length; r++) {
      for (float w : weights[r]) {
        b.putFloat(w);
      }
      b.putFloat(bias[r]);
    }
    return b.array();
  }

  /** The embedding size. */
  public int dimension() {
    return dimension;
  }

  /** Stage rows. */
  public int stageRows() {
    return stageRows;
  }

  /** Signal rows. */
  public int signalRows() {
    return signalRows;
  }

  /** Writes each label's probability for embedding {@code x}. */
  public void predict(float[] x, double[] stageOut, double[] signalOut) {
    for (int r = 0; r < weights.length; r++) {
      float[] w = weights[r];
      double z = bias[r];
      for (int j = 0; j < dimension; j++) {
        z += w[j] * x[j];
      }
      double p = 1 / (1 + Math.exp(-z));
      if (r < stageRows) {
        stageOut[r] = p;
      } else {
        signalOut[r - stageRows] = p;
      }
    }
  }
}
