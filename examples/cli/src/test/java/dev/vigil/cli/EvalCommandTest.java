package dev.vigil.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvalCommandTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private static final List<String> REQUIRED = List.of("/conversations/precision",
      "/conversations/recall", "/conversations/f1", "/conversations/f05", "/stages/macro_f1",
      "/signals/micro_f1", "/early_warning/latency_weighted_f1");

  /** {@code ${vigil.root}/../shared/examples/sample.jsonl}, or a skipped test if absent. */
  private static Path sample() {
    String root = System.getProperty("vigil.root");
    assumeTrue(root != null && !root.isBlank(),
        "system property vigil.root is not set (surefire sets it to the project root): skipped");
    Path sample = Path.of(root).resolve("../shared/examples/sample.jsonl").normalize();
    assumeTrue(Files.isRegularFile(sample), sample + " is absent: skipped");
    return sample;
  }

  @Test
  void eval_sampleJson_hasEveryRequiredMeasure() throws IOException {
    CliRun r = CliRun.run("eval", "--json", "--no-progress", sample().toString());
    assertEquals(0, r.code(), r.err());
    JsonNode json = MAPPER.readTree(r.out());
    for (String path : REQUIRED) {
      JsonNode v = json.at(path);
      assertTrue(v.isNumber(), path + " in " + r.out());
      assertTrue(v.asDouble() >= 0 && v.asDouble() <= 1, path + " = " + v);
    }
    assertEquals(38, json.at("/input/messages").asInt());
    assertEquals(6, json.at("/input/labelled_conversations").asInt());
    long n = json.at("/conversations/tp").asLong() + json.at("/conversations/fp").asLong()
        + json.at("/conversations/fn").asLong() + json.at("/conversations/tn").asLong();
    assertEquals(6, n);
    assertTrue(json.at("/conversations/by_language/en").isObject(), "sample-en-* ids give en");
    assertTrue(json.at("/conversations/by_language/fr").isObject(), "sample-fr-* ids give fr");
    assertEquals(3, json.at("/early_warning/harmful_conversations").asInt());
    assertEquals(11, json.at("/stages/confusion/matrix").size());
    assertFalse(json.has("benign"));
  }

  @Test
  void eval_sampleText_printsTables() {
    CliRun r = CliRun.run("eval", "--no-progress", sample().toString());
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("Conversations"), r.out());
    assertTrue(r.out().contains("macro F1"), r.out());
    assertTrue(r.out().contains("latency-weighted F1"), r.out());
    assertFalse(r.out().contains("robux"), "no message text in the report");
  }

  @Test
  void eval_benignInput_reportsAlertsPer1000(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("benign.jsonl");
    Files.writeString(file, String.join("\n",
        "{\"conversation\": \"r1\", \"sender\": \"a\", \"time\": \"2026-02-01T18:00:00Z\", \"text\": \"anyone up for a match?\"}",
        "{\"conversation\": \"r1\", \"sender\": \"b\", \"time\": \"2026-02-01T18:00:10Z\", \"text\": \"sure, in 5\"}",
        "{\"conversation\": \"r2\", \"sender\": \"c\", \"time\": \"2026-02-01T18:00:20Z\", \"text\": \"dinner at 7, bring the salad\"}",
        "not json") + "\n", StandardCharsets.UTF_8);
    CliRun r = CliRun.run("eval", "--benign", "--json", "--no-progress", file.toString());
    assertEquals(0, r.code(), r.err());
    JsonNode json = MAPPER.readTree(r.out());
    assertTrue(json.at("/benign/alerts_per_1000").isNumber(), r.out());
    assertEquals(3, json.at("/benign/messages").asInt());
    assertEquals(1, json.at("/input/malformed_lines").asInt());
    assertTrue(r.err().contains("line 4: bad JSON"), r.err());
    assertEquals(64, json.at("/input/files/0/sha256").asText().length());
  }

  @Test
  void eval_pan12WithPredators_labelsConversations() throws Exception {
    Path xml = Path.of(getClass().getResource("/dev/vigil/cli/pan12-small.xml").toURI());
    Path predators = Path.of(getClass().getResource("/dev/vigil/cli/pan12-predators.txt").toURI());
    CliRun r = CliRun.run("eval", "--json", "--no-progress", "--predators", predators.toString(),
        xml.toString());
    assertEquals(0, r.code(), r.err());
    JsonNode json = MAPPER.readTree(r.out());
    assertEquals(2, json.at("/input/labelled_conversations").asInt());
    assertEquals(2, json.at("/input/malformed_lines").asInt());
    assertEquals(1, json.at("/conversations/by_class/GROOMING/conversations").asInt());
    assertEquals(1, json.at("/conversations/by_class/BENIGN/conversations").asInt());
  }

  @Test
  void eval_missingPredatorsFile_exitsTwo() throws Exception {
    Path xml = Path.of(getClass().getResource("/dev/vigil/cli/pan12-small.xml").toURI());
    CliRun r = CliRun.run("eval", "--predators", "/nonexistent/predators.txt", xml.toString());
    assertEquals(2, r.code());
    assertTrue(r.err().contains("predators"), r.err());
  }

  @Test
  void eval_badThreshold_exitsTwo() {
    assertEquals(2, CliRun.run("eval", "--threshold-level", "SEVERE", "-").code());
  }

  @Test
  void calibrate_writesAFileThatEvalReads(@TempDir Path dir) throws IOException {
    String root = System.getProperty("vigil.root");
    assumeTrue(root != null && !root.isBlank(), "vigil.root is not set: skipped");
    Path tune = Path.of(root, "corpus", "tune");
    Path out = dir.resolve("calibration.properties");
    CliRun r = CliRun.run("calibrate", "--no-progress", "--tiers", "rules", "--out", out.toString(),
        tune.toString());
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("out of fold"), r.out());
    dev.vigil.detector.RiskCalibration c = dev.vigil.detector.RiskCalibration.read(out);
    assertTrue(c.isCalibrated());
    assertEquals("rules", c.info().get("tiers"));
    CliRun e = CliRun.run("eval", "--json", "--no-progress", "--tiers", "rules", "--calibration",
        out.toString(), tune.toString());
    assertEquals(0, e.code(), e.err());
    JsonNode json = MAPPER.readTree(e.out());
    assertTrue(json.at("/calibration/ece").isNumber(), e.out());
    assertTrue(json.at("/calibration/presets/report_triage/recall").asDouble() >= 0.98, e.out());
  }

  @Test
  void calibrate_oneClassOnly_isRefusedWithAReason() {
    String oneClass = "{\"conversation\":\"a\",\"sender\":\"u\",\"time\":\"2026-01-01T00:00:00Z\","
        + "\"text\":\"hi\",\"gold_class\":\"BENIGN\"}\n";
    CliRun r = CliRun.withStdin(oneClass, "calibrate", "--no-progress", "-");
    assertEquals(2, r.code());
    assertTrue(r.err().contains("harmful"), r.err());
  }
}
