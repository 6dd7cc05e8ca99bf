package dev.vigil.models.internal;

import java.util.Arrays;

/**
 * A growable sparse vector of (index, value) pairs, reused per thread. After {@link #compact()}
 * the indices are strictly increasing and no value is zero. Not thread-safe.
 */
public final class SparseVector {

  private int[] index = new int[256];
  private double[] value = new double[256];
  private int size;

  /** Empties the vector, keeping its capacity. */
  public void clear() {
    size = 0;
  }

  /** Appends a pair (duplicates are summed by {@link #compact()}). */
  public void add(int i, double v) {
    if (size == index.length) {
      index = Arrays.copyOf(index, size * 2);
      value = Arrays.copyOf(value, size * 2);
    }
    index[size] = i;
    value[size] = v;
    size++;
  }

  /** Pairs stored. */
  public int size() {
    return size;
  }

  /** Index of pair {@code k}. */
  public int index(int k) {
    return index[k];
  }

  /** Value of pair {@code k}. */
  public double value(int k) {
    return value[k];
  }

  /** Multiplies the values of pairs {@code [from, size)} so that their L2 norm is 1 (if not 0). */
  void normaliseFrom(int from, double weight) {
    double sum = 0;
    for (int k = from; k < size; k++) {
      sum += value[k] * value[k];
    }
    if (sum > 0) {
      double f = weight / Math.sqrt(sum);
      for (int k = from; k < size; k++) {
        value[k] *= f;
      }
    }
  }

  /**
   * Sorts by index, sums duplicates, drops zeros and rounds every value to float precision, so
   * that the double-precision trainer and the float ONNX model see the same numbers.
   */
  public void compact() {
    if (size == 0) {
      return;
    }
    sortByIndex(0, size - 1);
    int out = 0;
    for (int k = 0; k < size; ) {
      int i = index[k];
      double v = 0;
      while (k < size && index[k] == i) {
        v += value[k++];
      }
      float f = (float) v;
      if (f != 0f) {
        index[out] = i;
        value[out] = f;
        out++;
      }
    }
    size = out;
  }

  /** Insertion sort for short runs, quicksort otherwise; on the parallel arrays. */
  private void sortByIndex(int lo, int hi) {
    while (hi - lo > 16) {
      int p = index[(lo + hi) >>> 1];
      int i = lo;
      int j = hi;
      while (i <= j) {
        while (index[i] < p) {
          i++;
        }
        while (index[j] > p) {
          j--;
        }
        if (i <= j) {
          swap(i++, j--);
        }
      }
      if (j - lo < hi - i) {
        sortByIndex(lo, j);
        lo = i;
      } else {
        sortByIndex(i, hi);
        hi = j;
      }
    }
    for (int a = lo + 1; a <= hi; a++) {
      for (int b = a; b > lo && index[b - 1] > index[b]; b--) {
        swap(b - 1, b);
      }
    }
  }

  private void swap(int a, int b) {
    int ti = index[a];
    index[a] = index[b];
    index[b] = ti;
    double tv = value[a];
    value[a] = value[b];
    value[b] = tv;
  }
}
