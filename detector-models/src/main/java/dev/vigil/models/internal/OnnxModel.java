package dev.vigil.models.internal;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

/**
 * The stage and signal models in ONNX Runtime: one graph over a sparse input. The feature vector's
 * columns that the models know are written, as model column numbers and values, into per-thread
 * direct buffers that back the two input tensors; one run gives both outputs. The graph does
 * {@code k x labels} multiply-adds for {@code k} non-zero columns, not one per trained column.
 * Thread-safe ({@link OrtSession#run} is); the session runs on the caller's thread (one intra-op
 * thread), so the tier adds no thread pool to the host's chat pipeline.
 */
public final class OnnxModel implements ProbabilityModel {

  /** The longest command line with which ONNX Runtime 1.29.0 was seen to start (bytes, with margin). */
  static final int MAX_COMMAND_LINE = 3_900;

  private final OrtEnvironment env;
  private final OrtSession session;
  private final String indicesInput;
  private final String valuesInput;
  private final String stageOutput;
  private final String signalOutput;
  private final int stageLabels;
  private final int signalLabels;
  private final int[] columnOf;
  private final int columns;
  private final ThreadLocal<Input> input = ThreadLocal.withInitial(Input::new);

  private static final class Input {
    int capacity;
    LongBuffer indices;
    FloatBuffer values;

    Input() {
      allocate(256);
    }

    private void allocate(int n) {
      capacity = n;
      indices = ByteBuffer.allocateDirect(n * Long.BYTES).order(ByteOrder.nativeOrder()).asLongBuffer();
      values = ByteBuffer.allocateDirect(n * Float.BYTES).order(ByteOrder.nativeOrder()).asFloatBuffer();
    }

    void ensure(int n) {
      if (n > capacity) {
        allocate(Math.max(n, capacity * 2));
      }
    }
  }

  /**
   * Opens the graph.
   *
   * @param hashedColumns the feature indices the models were trained on, increasing; model column
   *     {@code k} is feature {@code hashedColumns[k]}
   * @param dimension the feature space's size
   * @throws OrtException if ONNX Runtime rejects the graph
   * @throws IllegalArgumentException if the graph's inputs or outputs do not fit the manifest
   */
  OnnxModel(byte[] graph, Manifest.ModelFile file, Manifest.Output stage, Manifest.Output signals,
      int[] hashedColumns, int dimension) throws OrtException {
    checkCommandLine();
    this.env = OrtEnvironment.getEnvironment();
    this.columns = hashedColumns.length;
    this.columnOf = new int[dimension];
    Arrays.fill(columnOf, -1);
    for (int k = 0; k < hashedColumns.length; k++) {
      columnOf[hashedColumns[k]] = k;
    }
    this.indicesInput = file.indices();
    this.valuesInput = file.values();
    this.stageOutput = stage.output();
    this.signalOutput = signals.output();
    this.stageLabels = stage.labels().size();
    this.signalLabels = signals.labels().size();
    this.session = open(graph);
    try {
      check();
    } catch (RuntimeException | OrtException e) {
      session.close();
      throw e;
    }
  }

  private void check() throws OrtException {
    Map<String, NodeInfo> in = session.getInputInfo();
    Map<String, NodeInfo> out = session.getOutputInfo();
    if (!in.keySet().equals(java.util.Set.of(indicesInput, valuesInput))) {
      throw new IllegalArgumentException("the graph's inputs are " + in.keySet() + ", the manifest names "
          + indicesInput + " and " + valuesInput);
    }
    TensorInfo indices = (TensorInfo) in.get(indicesInput).getInfo();
    TensorInfo values = (TensorInfo) in.get(valuesInput).getInfo();
    if (indices.type != OnnxJavaType.INT64 || values.type != OnnxJavaType.FLOAT
        || indices.getShape().length != 1 || values.getShape().length != 1) {
      throw new IllegalArgumentException("the graph's inputs must be int64[k] and float[k], got " + indices
          + " and " + values);
    }
    checkOutput(out.get(stageOutput), stageOutput, stageLabels);
    checkOutput(out.get(signalOutput), signalOutput, signalLabels);
  }

  private static void checkOutput(NodeInfo info, String name, int labels) {
    if (info == null) {
      throw new IllegalArgumentException("the graph has no output " + name);
    }
    long[] shape = ((TensorInfo) info.getInfo()).getShape();
    if (shape.length != 2 || shape[1] != labels) {
      throw new IllegalArgumentException("output " + name + " has shape " + Arrays.toString(shape)
          + ", expected [1, " + labels + "]");
    }
  }

  /**
   * ONNX Runtime 1.29.0 on Linux x64 crashes the whole JVM (SIGSEGV, no Java exception) while
   * creating its environment when the process command line ({@code /proc/self/cmdline}) is longer
   * than about 3,950 bytes, e.g. a long {@code -cp} or many file arguments. Refuse with a clear
   * error instead of letting the host process die; a JVM started with an {@code @argfile} or a
   * {@code CLASSPATH} variable keeps its command line short.
   */
  static void checkCommandLine() {
    Path cmdline = Path.of("/proc/self/cmdline");
    if (!Files.isReadable(cmdline)) {
      return;
    }
    long length;
    try {
      length = Files.size(cmdline) == 0 ? Files.readAllBytes(cmdline).length : Files.size(cmdline);
    } catch (IOException | RuntimeException e) {
      return;
    }
    if (length > MAX_COMMAND_LINE) {
      throw new IllegalStateException("this process's command line is " + length + " bytes long; ONNX Runtime "
          + "crashes the JVM above about " + MAX_COMMAND_LINE + " bytes. Start Java with an @argfile or the "
          + "CLASSPATH variable, or pass fewer arguments");
    }
  }

  private OrtSession open(byte[] model) throws OrtException {
    try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
      options.setIntraOpNumThreads(1);
      options.setInterOpNumThreads(1);
      options.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
      options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
      return env.createSession(model, options);
    }
  }

  /** Columns of the models' input space. */
  public int columns() {
    return columns;
  }

  @Override
  public void predict(SparseVector features, double[] stageOut, double[] signalOut) {
    Input in = input.get();
    in.ensure(features.size() + 1);
    LongBuffer indices = in.indices;
    FloatBuffer values = in.values;
    int n = 0;
    for (int k = 0; k < features.size(); k++) {
      int c = columnOf[features.index(k)];
      if (c >= 0) {
        indices.put(n, c);
        values.put(n, (float) features.value(k));
        n++;
      }
    }
    if (n == 0) {
      // Nothing the models know: score the all-zero row (the biases) through a zero entry.
      indices.put(0, 0);
      values.put(0, 0f);
      n = 1;
    }
    long[] shape = {n};
    try (OnnxTensor i = OnnxTensor.createTensor(env, indices.slice(0, n), shape);
        OnnxTensor v = OnnxTensor.createTensor(env, values.slice(0, n), shape);
        OrtSession.Result r = session.run(Map.of(indicesInput, i, valuesInput, v))) {
      copy(r, stageOutput, stageOut, stageLabels);
      copy(r, signalOutput, signalOut, signalLabels);
    } catch (OrtException e) {
      throw new IllegalStateException("ONNX Runtime failed to score a message: " + e.getCode(), e);
    }
  }

  private static void copy(OrtSession.Result r, String name, double[] out, int labels) throws OrtException {
    float[][] v = (float[][]) r.get(name).orElseThrow(() -> new IllegalStateException("no output " + name))
        .getValue();
    for (int i = 0; i < labels; i++) {
      out[i] = v[0][i];
    }
  }
}
