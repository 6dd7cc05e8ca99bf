package dev.vigil.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.detector.Detector;
import dev.vigil.detector.spi.Classifier;
import dev.vigil.detector.spi.ClassifierProvider;
import dev.vigil.models.internal.ModelBundle;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServiceLoadingTest {

  @Test
  void serviceLoader_findsTheTrainedProvider() {
    List<String> names = ServiceLoader.load(ClassifierProvider.class).stream()
        .map(p -> p.get().name()).toList();
    assertTrue(names.contains(TrainedClassifierProvider.NAME), names.toString());
  }

  @Test
  void defaultDetector_runsTheTrainedTierAfterTheLexicon() {
    List<String> pipeline = Detector.builder().build().pipeline();
    assertTrue(pipeline.indexOf("lexicon") < pipeline.indexOf(TrainedClassifierProvider.NAME), pipeline.toString());
    assertFalse(Detector.builder().serviceLoading(false).build().pipeline().contains(TrainedClassifierProvider.NAME));
  }

  @Test
  void create_shippedModel_isLoadedOnceAndShared() {
    TrainedClassifierProvider p = new TrainedClassifierProvider();
    Classifier a = p.create(Map.of());
    assertSame(a, p.create(Map.of()));
    assertEquals(TrainedClassifierProvider.NAME, a.name());
  }

  @Test
  void create_unknownParameter_isRejectedWithTheKnownOnes() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new TrainedClassifierProvider().create(Map.of("url", "http://example.invalid/m")));
    assertTrue(e.getMessage().contains("url") && e.getMessage().contains("[confident_labels, counts_toward_risk, min_risk, path, standalone]"),
        e.getMessage());
  }

  @Test
  void create_badMinRisk_isRejected() {
    assertThrows(IllegalArgumentException.class,
        () -> new TrainedClassifierProvider().create(Map.of(TrainedClassifierProvider.MIN_RISK, "2")));
    assertThrows(IllegalArgumentException.class,
        () -> new TrainedClassifierProvider().create(Map.of(TrainedClassifierProvider.MIN_RISK, "high")));
    assertThrows(IllegalArgumentException.class,
        () -> new TrainedClassifierProvider().create(Map.of(TrainedClassifierProvider.STANDALONE, "yes")));
    assertThrows(IllegalArgumentException.class, () -> new TrainedClassifierProvider()
        .create(Map.of(TrainedClassifierProvider.COUNTS_TOWARD_RISK, "maybe")));
  }

  @Test
  void create_cascadeLabelsOnly_unlessAskedOrStandalone() {
    TrainedClassifierProvider p = new TrainedClassifierProvider();
    assertFalse(p.create(Map.of()).countsTowardRisk());
    assertTrue(p.create(Map.of(TrainedClassifierProvider.COUNTS_TOWARD_RISK, "true")).countsTowardRisk());
    assertTrue(p.create(Map.of(TrainedClassifierProvider.STANDALONE, "true")).countsTowardRisk());
  }

  @Test
  void create_minRisk_gatesTheCascade() {
    Classifier everyMessage = new TrainedClassifierProvider()
        .create(Map.of(TrainedClassifierProvider.MIN_RISK, "0"));
    Classifier shipped = new TrainedClassifierProvider()
        .create(Map.of(TrainedClassifierProvider.CONFIDENT_LABELS, "false"));
    // A first message: risk 0. The shipped gate (MEDIUM) skips it without confident labels;
    // min_risk=0 reads it.
    var ran = new java.util.concurrent.atomic.AtomicInteger();
    Classifier probe = new Classifier() {
      @Override
      public String name() {
        return "probe";
      }

      @Override
      public void classify(dev.vigil.detector.spi.MessageView m, dev.vigil.detector.spi.ScoreSink out) {
        if (everyMessage.wants(m, 0)) {
          ran.incrementAndGet();
        }
        if (shipped.wants(m, 0)) {
          ran.addAndGet(100);
        }
      }
    };
    Detector.builder().serviceLoading(false).addClassifier(probe).build().newTracker()
        .observe(dev.vigil.detector.Message.of("c", "u", java.time.Instant.EPOCH, "hello there"));
    assertEquals(1, ran.get());
  }

  @Test
  void create_shippedModel_readsEveryMessageForConfidentLabels_unlessTurnedOff() {
    var first = new java.util.concurrent.atomic.AtomicReference<Boolean[]>();
    Classifier shipped = new TrainedClassifierProvider().create(Map.of());
    Classifier cascade = new TrainedClassifierProvider()
        .create(Map.of(TrainedClassifierProvider.CONFIDENT_LABELS, "false"));
    Classifier probe = new Classifier() {
      @Override
      public String name() {
        return "probe";
      }

      @Override
      public void classify(dev.vigil.detector.spi.MessageView m, dev.vigil.detector.spi.ScoreSink out) {
        first.set(new Boolean[] {shipped.wants(m, 0), cascade.wants(m, 0)});
      }
    };
    Detector.builder().serviceLoading(false).addClassifier(probe).build().newTracker()
        .observe(dev.vigil.detector.Message.of("c", "u", java.time.Instant.EPOCH, "hello there"));
    assertTrue(first.get()[0], "the shipped model has confident thresholds: it reads a first message");
    assertFalse(first.get()[1], "confident_labels=false: the cascade alone, a first message is skipped");
    assertThrows(IllegalArgumentException.class, () -> new TrainedClassifierProvider()
        .create(Map.of(TrainedClassifierProvider.CONFIDENT_LABELS, "sometimes")));
  }

  @Test
  void create_pathParameter_loadsAModelDirectory(@TempDir Path dir) throws IOException {
    copyShipped(dir);
    Classifier c = new TrainedClassifierProvider().create(Map.of(TrainedClassifierProvider.PATH, dir.toString()));
    assertEquals(TrainedClassifierProvider.NAME, c.name());
  }

  /** Copies the shipped model directory (every file the manifest names) to {@code dir}. */
  static void copyShipped(Path dir) throws IOException {
    for (String f : List.of("manifest.json", "features.json", "columns.bin", "linear.onnx")) {
      try (InputStream in = ModelBundle.class.getResourceAsStream(ModelBundle.CLASSPATH_DIR + f)) {
        Files.copy(in, dir.resolve(f));
      }
    }
  }
}
