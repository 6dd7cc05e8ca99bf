package dev.vigil.detector.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.detector.Assessment;
import dev.vigil.detector.AssessmentFlag;
import dev.vigil.detector.ConversationTracker;
import dev.vigil.detector.Detector;
import dev.vigil.detector.Evidence;
import dev.vigil.detector.Message;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link Classifier} must meet, as a base test for plug-in authors (shipped in
 * detector-core's test-jar; in the spirit of Lucene's {@code BaseTokenStreamTestCase}). Extend it,
 * return your classifier from {@link #classifier()}, and it throws random Unicode, emoji, empty
 * and huge messages at it inside a real detector, checking that it never fails, that its output is
 * deterministic, and that conversations do not leak into each other.
 */
public abstract class ClassifierContractTestBase {

  /** The classifier under test; a new or shared instance, as the plug-in would be used. */
  protected abstract Classifier classifier();

  private Detector detector() {
    return Detector.builder().serviceLoading(false).addClassifier(classifier()).maxMessageChars(2_000).build();
  }

  private static String randomText(Random random) {
    StringBuilder sb = new StringBuilder();
    int n = random.nextInt(6) == 0 ? random.nextInt(5_000) : random.nextInt(120);
    String[] words = {"send", "pic", "snap", "secret", "parents", "envoie", "photo", "t'es", "seul",
        "robux", "meet", "\uD83D\uDCF8", "\uD83D\uDC7B", "50$", "12", "?"};
    for (int i = 0; i < n; i++) {
      switch (random.nextInt(4)) {
        case 0 -> sb.append(words[random.nextInt(words.length)]).append(' ');
        case 1 -> sb.appendCodePoint(0x1F300 + random.nextInt(0x2FF));
        case 2 -> {
          int cp = random.nextInt(0x30000);
          if (Character.isValidCodePoint(cp)) {
            sb.appendCodePoint(cp);
          }
        }
        default -> sb.append((char) ('a' + random.nextInt(26)));
      }
    }
    return sb.toString();
  }

  private List<Assessment> run(Detector d, long seed, String conversationPrefix) {
    Random random = new Random(seed);
    ConversationTracker t = d.newTracker();
    List<Assessment> out = new ArrayList<>();
    Instant time = Instant.parse("2026-01-01T00:00:00Z");
    for (int i = 0; i < 300; i++) {
      String c = conversationPrefix + random.nextInt(5);
      out.add(t.observe(Message.of(c, "u" + random.nextInt(3), time.plusSeconds(i), randomText(random))));
    }
    return out;
  }

  @Test
  void classify_randomInput_neverFailsAndStaysInBounds() {
    for (Assessment a : run(detector(), 7, "c")) {
      assertFalse(a.flags().contains(AssessmentFlag.PLUGIN_FAILURE), "the classifier threw");
      assertTrue(a.risk() >= 0 && a.risk() <= 1);
      for (double s : a.stageScores().values()) {
        assertTrue(s >= 0 && s <= 1);
      }
      for (Evidence e : a.evidence()) {
        assertTrue(e.start() >= 0 && e.end() >= e.start() && e.end() <= 2_000);
      }
    }
  }

  @Test
  void classify_sameInput_sameOutput() {
    Detector d = detector();
    assertEquals(run(d, 11, "c"), run(d, 11, "c"));
  }

  @Test
  void classify_conversations_doNotLeakIntoEachOther() {
    Detector d = detector();
    ConversationTracker t = d.newTracker();
    Instant time = Instant.parse("2026-01-01T00:00:00Z");
    Message probe = Message.of("probe", "p", time, "hello there");
    Assessment alone = d.newTracker().observe(probe);
    Random random = new Random(3);
    for (int i = 0; i < 200; i++) {
      t.observe(Message.of("noise", "n", time.plusSeconds(i), randomText(random)));
    }
    Assessment after = t.observe(probe);
    assertEquals(alone.risk(), after.risk(), 1e-9);
    assertEquals(alone.stage(), after.stage());
    assertEquals(alone.signals(), after.signals());
  }
}
