package dev.vigil.models.internal;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A generic ONNX sentence encoder: HuggingFace tokenizer ({@code tokenizer.json}, through DJL's
 * Rust binding), ONNX Runtime, pooling and L2 normalisation as the manifest declares. Any
 * BERT-like encoder exported to ONNX (e.g. with Optimum) fits: it is fed {@code input_ids} and
 * {@code attention_mask}, and {@code token_type_ids} only when the graph declares that input.
 *
 * <p>Text is bounded twice: at most {@link #maxChars()} UTF-16 characters are tokenised (16 per
 * token of the model's window, far more than a word-piece ever needs), and the tokens are
 * truncated to {@code max_length}, special tokens included. Lone surrogates, which the JNI bridge
 * cannot pass to Rust as UTF-8, are replaced with U+FFFD first, so any Java string is accepted.
 *
 * <p>Thread-safe: the tokenizer (Rust {@code &self} encode) and the session ({@link
 * OrtSession#run}) are; the model inputs live in per-thread direct buffers. The session runs on
 * the caller's thread (one intra-op thread), so the tier adds no thread pool to the host's
 * pipeline. Lives as long as its class loader (the SPI has no {@code close()}).
 *
 * <p>Design note: no network, ever. The tokenizer is built from bytes the caller verified, never
 * from a hub name; {@code ai.djl.offline=true} is set (unless the host set it) before DJL is first
 * touched, so that no DJL code path would try to download; the tokenizer's native library comes
 * from the DJL jar and is extracted to DJL's cache directory ({@code ~/.djl.ai}, or {@code
 * ENGINE_CACHE_DIR}).
 */
public final class TextEncoder implements Embedder {

  /** Characters tokenised per token of the window. */
  static final int CHARS_PER_TOKEN = 16;

  static {
    if (System.getProperty("ai.djl.offline") == null) {
      System.setProperty("ai.djl.offline", "true");
    }
  }

  private final OrtEnvironment env;
  private final OrtSession session;
  private final HuggingFaceTokenizer tokenizer;
  private final int maxLength;
  private final int maxChars;
  private final int dimension;
  private final String output;
  private final Pooling pooling;
  private final boolean normalize;
  private final boolean tokenTypes;
  private final ThreadLocal<Buffers> buffers;

  /** How token states become one vector. */
  enum Pooling {
    MEAN, CLS, NONE;

    static Pooling of(String s) {
      try {
        return valueOf(s.toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("pooling must be mean, cls or none, got '" + s + "'", e);
      }
    }
  }

  private static final class Buffers {
    final LongBuffer ids;
    final LongBuffer mask;
    final LongBuffer types;

    Buffers(int n) {
      ids = direct(n);
      mask = direct(n);
      types = direct(n);
      for (int i = 0; i < n; i++) {
        types.put(i, 0);
      }
    }

    private static LongBuffer direct(int n) {
      return ByteBuffer.allocateDirect(n * Long.BYTES).order(ByteOrder.nativeOrder()).asLongBuffer();
    }
  }

  /**
   * Opens an encoder from verified bytes.
   *
   * @throws IllegalArgumentException if the spec is invalid or the graph does not fit it
   * @throws OrtException if ONNX Runtime rejects the graph
   * @throws IOException if the tokenizer file cannot be parsed
   */
  public TextEncoder(byte[] graph, byte[] tokenizerJson, TransformerManifest.Encoder spec)
      throws OrtException, IOException {
    if (spec.maxLength() < 4 || spec.maxLength() > 8_192) {
      throw new IllegalArgumentException("max_length must be in 4..8192, got " + spec.maxLength());
    }
    if (spec.dimension() < 1 || spec.dimension() > 65_536) {
      throw new IllegalArgumentException("dimension must be in 1..65536, got " + spec.dimension());
    }
    this.maxLength = spec.maxLength();
    this.maxChars = maxLength * CHARS_PER_TOKEN;
    this.dimension = spec.dimension();
    this.output = spec.output();
    this.pooling = Pooling.of(spec.pooling());
    this.normalize = spec.normalize();
    OnnxModel.checkCommandLine();
    this.env = OrtEnvironment.getEnvironment();
    Map<String, String> options = new HashMap<>();
    options.put("truncation", "true");
    options.put("padding", "false");
    options.put("maxLength", Integer.toString(maxLength));
    options.put("addSpecialTokens", "true");
    this.tokenizer = tokenizer(tokenizerJson, options);
    try (OrtSession.SessionOptions o = new OrtSession.SessionOptions()) {
      o.setIntraOpNumThreads(1);
      o.setInterOpNumThreads(1);
      o.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
      o.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
      this.session = env.createSession(graph, o);
    }
    try {
      this.tokenTypes = check();
    } catch (RuntimeException | OrtException e) {
      session.close();
      tokenizer.close();
      throw e;
    }
    this.buffers = ThreadLocal.withInitial(() -> new Buffers(maxLength));
  }

  private static HuggingFaceTokenizer tokenizer(byte[] json, Map<String, String> options) throws IOException {
    try {
      return HuggingFaceTokenizer.newInstance(new ByteArrayInputStream(json), options);
    } catch (RuntimeException | LinkageError e) {
      // DJL reports a malformed tokenizer.json, or a native library it cannot load, unchecked.
      throw new IOException("the tokenizer file cannot be read: " + e.getMessage(), e);
    }
  }

  /** Checks the graph against the spec; returns whether it takes token_type_ids. */
  private boolean check() throws OrtException {
    Map<String, NodeInfo> in = session.getInputInfo();
    for (String required : new String[] {"input_ids", "attention_mask"}) {
      if (!in.containsKey(required)) {
        throw new IllegalArgumentException("the graph has no input " + required + "; its inputs are " + in.keySet());
      }
    }
    for (Map.Entry<String, NodeInfo> e : in.entrySet()) {
      String n = e.getKey();
      if (!n.equals("input_ids") && !n.equals("attention_mask") && !n.equals("token_type_ids")) {
        throw new IllegalArgumentException("the graph has an input this encoder cannot feed: " + n);
      }
      TensorInfo t = (TensorInfo) e.getValue().getInfo();
      if (t.type != OnnxJavaType.INT64 || t.getShape().length != 2) {
        throw new IllegalArgumentException("input " + n + " must be int64 [batch, tokens], got " + t);
      }
    }
    NodeInfo out = session.getOutputInfo().get(output);
    if (out == null) {
      throw new IllegalArgumentException("the graph has no output " + output + "; its outputs are "
          + session.getOutputInfo().keySet());
    }
    TensorInfo t = (TensorInfo) out.getInfo();
    long[] shape = t.getShape();
    int rank = pooling == Pooling.NONE ? 2 : 3;
    if (t.type != OnnxJavaType.FLOAT || shape.length != rank
        || (shape[rank - 1] > 0 && shape[rank - 1] != dimension)) {
      throw new IllegalArgumentException("output " + output + " is " + t.type + " " + Arrays.toString(shape)
          + "; pooling " + pooling.name().toLowerCase(Locale.ROOT) + " with dimension " + dimension
          + " needs float " + (rank == 3 ? "[batch, tokens, " : "[batch, ") + dimension + "]");
    }
    return in.containsKey("token_type_ids");
  }

  @Override
  public int dimension() {
    return dimension;
  }

  /** Tokens fed to the model at most, special tokens included. */
  public int maxLength() {
    return maxLength;
  }

  /** Characters of a text that are tokenised at most. */
  public int maxChars() {
    return maxChars;
  }

  /** The token ids the model is fed for {@code text} (special tokens included, truncated). */
  public long[] tokenIds(String text) {
    return tokenizer.encode(prepare(text, maxChars)).getIds();
  }

  /** The bounded, well-formed text that is tokenised. */
  static String prepare(String text, int maxChars) {
    int end = Math.min(text.length(), maxChars);
    if (end < text.length() && end > 0 && Character.isHighSurrogate(text.charAt(end - 1))) {
      end--;
    }
    StringBuilder sb = null;
    for (int i = 0; i < end; i++) {
      char c = text.charAt(i);
      boolean lone = Character.isHighSurrogate(c)
          ? !(i + 1 < end && Character.isLowSurrogate(text.charAt(i + 1)))
          : Character.isLowSurrogate(c) && !(i > 0 && Character.isHighSurrogate(text.charAt(i - 1)));
      if (lone || c == 0) {
        if (sb == null) {
          sb = new StringBuilder(end).append(text, 0, i);
        }
        sb.append(c == 0 ? ' ' : '\uFFFD');
      } else if (sb != null) {
        sb.append(c);
      }
    }
    return sb != null ? sb.toString() : end == text.length() ? text : text.substring(0, end);
  }

  @Override
  public void embed(String text, float[] out) {
    if (out.length != dimension) {
      throw new IllegalArgumentException("output needs " + dimension + " floats, got " + out.length);
    }
    Encoding enc = tokenizer.encode(prepare(text, maxChars));
    long[] ids = enc.getIds();
    long[] mask = enc.getAttentionMask();
    int n = Math.min(ids.length, maxLength);
    Buffers b = buffers.get();
    for (int i = 0; i < n; i++) {
      b.ids.put(i, ids[i]);
      b.mask.put(i, mask[i]);
    }
    long[] shape = {1, n};
    Map<String, OnnxTensor> inputs = new HashMap<>(4);
    try (OnnxTensor idT = OnnxTensor.createTensor(env, b.ids.slice(0, n), shape);
        OnnxTensor maskT = OnnxTensor.createTensor(env, b.mask.slice(0, n), shape);
        OnnxTensor typeT = tokenTypes ? OnnxTensor.createTensor(env, b.types.slice(0, n), shape) : null) {
      inputs.put("input_ids", idT);
      inputs.put("attention_mask", maskT);
      if (typeT != null) {
        inputs.put("token_type_ids", typeT);
      }
      try (OrtSession.Result r = session.run(inputs, java.util.Set.of(output))) {
        OnnxValue v = r.get(0);
        FloatBuffer states = ((OnnxTensor) v).getFloatBuffer();
        pool(states, mask, n, out);
      }
    } catch (OrtException e) {
      throw new IllegalStateException("ONNX Runtime failed to encode a message: " + e.getCode(), e);
    }
    if (normalize) {
      double norm = 0;
      for (float x : out) {
        norm += x * (double) x;
      }
      if (norm > 0) {
        float inv = (float) (1 / Math.sqrt(norm));
        for (int i = 0; i < dimension; i++) {
          out[i] *= inv;
        }
      }
    }
  }

  private void pool(FloatBuffer states, long[] mask, int n, float[] out) {
    int d = dimension;
    if (states.remaining() < (pooling == Pooling.NONE ? d : (long) n * d)) {
      throw new IllegalStateException("output " + output + " has " + states.remaining() + " values, expected "
          + (pooling == Pooling.NONE ? d : n * d));
    }
    switch (pooling) {
      case NONE, CLS -> {
        for (int j = 0; j < d; j++) {
          out[j] = states.get(j);
        }
      }
      case MEAN -> {
        Arrays.fill(out, 0f);
        int count = 0;
        for (int t = 0; t < n; t++) {
          if (mask[t] == 0) {
            continue;
          }
          count++;
          int base = t * d;
          for (int j = 0; j < d; j++) {
            out[j] += states.get(base + j);
          }
        }
        if (count > 0) {
          float inv = 1f / count;
          for (int j = 0; j < d; j++) {
            out[j] *= inv;
          }
        }
      }
      default -> throw new IllegalStateException("unknown pooling " + pooling);
    }
  }
}
