package dev.vigil.models;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.models.internal.TextEncoder;
import dev.vigil.models.internal.TransformerBundle;
import java.io.IOException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The shipped encoder: the tokenizer's ids, stable embeddings, bounded and odd input. */
class TransformerEncoderTest {

  /** The first components of the embedding of "send me a selfie so I know you're real". */
  private static final float[] RECORDED_SELFIE = {-0.058894716f, -0.04693969f, 0.04713757f, 0.051491786f,
      0.033726547f, -0.08300575f, 0.057589546f, 0.010068144f};

  private static TextEncoder encoder;

  @BeforeAll
  static void load() throws IOException {
    encoder = TransformerBundle.load(TransformerBundle.classpath()).encoder();
  }

  @Test
  void tokenIds_fixedSentence_matchTheBertUncasedVocabulary() {
    // [CLS] hello world , how are you ? [SEP] in bert-base-uncased's vocabulary (all-MiniLM-L6-v2's).
    assertArrayEquals(new long[] {101, 7592, 2088, 1010, 2129, 2024, 2017, 1029, 102},
        encoder.tokenIds("Hello world, how are you?"));
  }

  @Test
  void tokenIds_longText_areTruncatedToTheWindow() {
    assertEquals(128, encoder.maxLength());
    assertEquals(128, encoder.tokenIds("word ".repeat(10_000)).length);
  }

  @Test
  void embed_isUnitLengthAndDeterministic() {
    float[] a = embed("do your parents check your phone?");
    float[] b = embed("do your parents check your phone?");
    assertArrayEquals(a, b);
    assertEquals(1.0, dot(a, a), 1e-5);
  }

  @Test
  void embed_paraphrasesAreCloserThanUnrelatedText() {
    float[] a = embed("don't tell your parents about our chats");
    float[] b = embed("keep our conversations secret from your mom and dad");
    float[] c = embed("the bus to the stadium leaves at nine tomorrow");
    double para = dot(a, b);
    double unrelated = dot(a, c);
    assertTrue(para > unrelated + 0.2, "paraphrase " + para + " vs unrelated " + unrelated);
  }

  @Test
  void embed_knownValuesAreStable() {
    // A fixed sentence's embedding against values recorded from this model (first components):
    // a changed tokenizer, graph, pooling or normalisation moves them.
    float[] v = embed("send me a selfie so I know you're real");
    float[] recorded = RECORDED_SELFIE;
    for (int i = 0; i < recorded.length; i++) {
      assertEquals(recorded[i], v[i], 1e-4, "component " + i);
    }
  }

  @Test
  void embed_oddInput_neverFails() {
    for (String s : new String[] {"", " ", "\u0000", "\uD800", "a\uDC00b", "\uD83D\uDCF8\uD83D\uDC7B",
        "x".repeat(100_000), "\u202Eabc\u200B\u200D", "é".repeat(3_000) + "\uD83D"}) {
      float[] v = embed(s);
      for (float x : v) {
        assertTrue(Float.isFinite(x));
      }
    }
  }

  private static float[] embed(String s) {
    float[] v = new float[encoder.dimension()];
    encoder.embed(s, v);
    return v;
  }

  static double dot(float[] a, float[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }
}
