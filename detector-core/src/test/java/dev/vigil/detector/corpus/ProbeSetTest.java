package dev.vigil.detector.corpus;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.detector.Assessment;
import dev.vigil.detector.Detector;
import dev.vigil.detector.Language;
import dev.vigil.detector.Message;
import dev.vigil.detector.RiskLevel;
import dev.vigil.detector.Signal;
import dev.vigil.detector.Stage;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Generalisation gate on the probe sets ({@code corpus/probes/}): single messages written
 * independently of the lexicons and of the corpus, each labelled with what it expresses on its
 * own. The odd-numbered lines may be used to find lexicon gaps; the even-numbered lines are never
 * used for that, and this test measures the lexicons on them: recall over every expected stage and
 * signal, and the share of benign look-alike lines on which anything fires.
 */
class ProbeSetTest {

  // One floor of LOW for every signal: a probe is a lone message, and the default holds the late
  // steps back until a conversation reaches MEDIUM; this test measures the lexicons, not that.
  private static final Detector DETECTOR = Detector.builder().signalFloor(RiskLevel.LOW).build();
  private static final ObjectMapper JSON = new ObjectMapper();

  @ParameterizedTest(name = "{0} report half: recall >= {1}, benign lines firing <= {2}")
  @CsvSource({"en, 0.60, 0.20", "fr, 0.58, 0.25"})
  void reportHalf_generalisesAboveFloors(String lang, double minRecall, double maxBenignFiring)
      throws IOException {
    Path file = LabelledCorpus.root().resolve("corpus/probes/" + lang + "-probes.jsonl");
    int expected = 0;
    int found = 0;
    int benign = 0;
    int benignFiring = 0;
    try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      for (String line; (line = r.readLine()) != null; ) {
        JsonNode n = JSON.readTree(line);
        String id = n.get("id").asText();
        if (Integer.parseInt(id.substring(id.lastIndexOf('-') + 1)) % 2 != 0) {
          continue; // the odd half is for finding gaps, not for measuring
        }
        Assessment a = DETECTOR.newTracker().observe(Message.of(id, n.get("role").asText(),
            Instant.parse("2026-05-01T16:00:00Z"), n.get("text").asText())
            .withLanguage(Language.ofCode(lang)));
        Set<String> fired = new HashSet<>();
        for (Stage s : Stage.values()) {
          if (a.stageScore(s) >= 0.5) {
            fired.add(s.name());
          }
        }
        for (Signal s : a.signals()) {
          fired.add(s.name());
        }
        for (JsonNode t : n.get("expect")) {
          expected++;
          found += fired.contains(t.asText()) ? 1 : 0;
        }
        if (n.get("role").asText().equals("benign")) {
          benign++;
          benignFiring += fired.isEmpty() ? 0 : 1;
        }
      }
    }
    double recall = found / (double) expected;
    double firing = benignFiring / (double) benign;
    assertTrue(recall >= minRecall, String.format("%s probe recall %.3f < %.3f", lang, recall, minRecall));
    assertTrue(firing <= maxBenignFiring,
        String.format("%s benign probe lines firing %.3f > %.3f", lang, firing, maxBenignFiring));
  }
}
