package dev.vigil.models.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HashedFeaturesTest {

  @Test
  void fingerprint_ofThisCode_matchesTheShippedFeatureDefinition() throws Exception {
    FeatureSpec shipped = ModelBundle.load(ModelBundle.classpath()).spec();
    assertEquals(shipped.fingerprint(), Probes.fingerprint(new HashedFeatures(shipped)),
        "the feature code changed since the model was trained: retrain it");
  }

  @Test
  void fingerprint_otherSettings_differ() {
    FeatureSpec a = FeatureSpec.defaults("", Map.of());
    FeatureSpec b = new FeatureSpec(a.pipeline(), a.hashBits(), a.seed() + 1, a.wordNgramMax(), a.charNgramMin(),
        a.charNgramMax(), a.wordWeight(), a.charWeight(), a.positionBounds(), a.context(), "", Map.of());
    assertNotEquals(Probes.fingerprint(new HashedFeatures(a)), Probes.fingerprint(new HashedFeatures(b)));
  }

  @Test
  void spec_unknownPipeline_isRefused() {
    FeatureSpec a = FeatureSpec.defaults("", Map.of());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new FeatureSpec("bert",
        a.hashBits(), a.seed(), 2, 3, 5, 1, 1, a.positionBounds(), a.context(), "", Map.of()));
    assertTrue(e.getMessage().contains("bert"));
  }

  @Test
  void murmur3_isTheReferenceFunctionOnUtf16LittleEndian() {
    // MurmurHash3_x86_32 of the bytes "a\0b\0" (the chars "ab" as UTF-16LE) with seed 0, and of
    // the empty input, from the reference implementation.
    assertEquals(0, Murmur3.hash("", 0));
    assertEquals(Murmur3.hash(new char[] {'x', 'a', 'b'}, 1, 2, 0), Murmur3.hash("ab", 0));
    assertNotEquals(Murmur3.hash("ab", 0), Murmur3.hash("ab", 1));
  }

  @Test
  void sparseVector_compact_sortsSumsAndDropsZeros() {
    SparseVector v = new SparseVector();
    for (int i = 40; i >= 0; i--) {
      v.add(i % 7, 1);
      v.add(100 + i, i % 2 == 0 ? 1 : -1);
    }
    v.add(100, -1);
    v.compact();
    for (int k = 1; k < v.size(); k++) {
      assertTrue(v.index(k) > v.index(k - 1));
      assertTrue(v.value(k) != 0);
    }
    assertEquals(6, v.value(0), 0);
    assertEquals(List.of(0, 1, 2, 3, 4, 5, 6), java.util.stream.IntStream.range(0, 7).map(v::index).boxed().toList());
  }

  @Test
  void calibrate_mapsTheThresholdToOneHalf() {
    assertEquals(0.5, OutputMapping.calibrate(0.8, 0.8), 1e-12);
    assertEquals(0.25, OutputMapping.calibrate(0.4, 0.8), 1e-12);
    assertEquals(1.0, OutputMapping.calibrate(1.0, 0.8), 1e-12);
    assertEquals(0, OutputMapping.calibrate(1.0, 1.0), 0);
    OutputMapping m = new OutputMapping(List.of("NONE"), List.of(1.0), List.of("THREAT"), List.of(0.8), 0.35, 0.45);
    assertEquals(-1, m.score(0.79, 0.8), 0);
    assertEquals(0.35, m.score(0.8, 0.8), 1e-12);
    assertEquals(0.45, m.score(1.0, 0.8), 1e-12);
  }

  @Test
  void report_confidentThreshold_labelsOutsideTheCascadeOnlyFromIt() {
    OutputMapping m = new OutputMapping(List.of("NONE", "SECRECY"), List.of(1.0, 0.6), List.of("THREAT"),
        List.of(0.6), 0.35, 0.45).withConfident(List.of(1.0, 0.9), List.of(1.0));
    assertTrue(m.hasConfident());
    java.util.Map<String, Double> got = new java.util.HashMap<>();
    dev.vigil.detector.spi.ScoreSink sink = new dev.vigil.detector.spi.ScoreSink() {
      @Override
      public void stage(dev.vigil.detector.Stage stage, double score, String ruleId, int start, int end) {
        got.put(stage.name(), score);
      }

      @Override
      public void signal(dev.vigil.detector.Signal signal, double score, String ruleId, int start, int end) {
        got.put(signal.name(), score);
      }

      @Override
      public void vetoStage(dev.vigil.detector.Stage stage, String ruleId) {}

      @Override
      public void vetoSignal(dev.vigil.detector.Signal signal, String ruleId) {}
    };
    m.report(new double[] {0.05, 0.95}, new double[] {0.95}, sink, false);
    assertEquals(java.util.Map.of("SECRECY", OutputMapping.CONFIDENT_SCORE), got,
        "outside the cascade: the confident stage only; THREAT has no confident threshold");
    got.clear();
    m.report(new double[] {0.3, 0.7}, new double[] {0.7}, sink, false);
    assertEquals(java.util.Map.of(), got, "below the confident threshold nothing is reported outside");
    got.clear();
    m.report(new double[] {0.3, 0.7}, new double[] {0.7}, sink, true);
    assertEquals(java.util.Set.of("SECRECY", "THREAT"), got.keySet(), "in the cascade the context range applies");
    assertTrue(got.get("SECRECY") < 0.5);
    assertThrows(IllegalArgumentException.class, () -> m.withConfident(List.of(0.9), List.of(1.0)));
  }
}
