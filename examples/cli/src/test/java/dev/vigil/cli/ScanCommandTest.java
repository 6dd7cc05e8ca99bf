package dev.vigil.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScanCommandTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final String SECRET = "zebra marmalade 7731";

  private static String msg(String conv, String sender, int minute, String text) {
    return String.format("{\"conversation\": \"%s\", \"sender\": \"%s\","
        + " \"time\": \"2026-02-01T18:%02d:00Z\", \"text\": \"%s\"}", conv, sender, minute, text);
  }

  private static Path write(Path dir, String... lines) throws IOException {
    Path file = dir.resolve("in.jsonl");
    Files.writeString(file, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
    return file;
  }

  private static List<String> keys(JsonNode node) {
    List<String> keys = new ArrayList<>();
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      keys.add(it.next());
    }
    return keys;
  }

  @Test
  void scan_mixedInput_writesOneLinePerInputLineInOrder(@TempDir Path dir) throws IOException {
    Path file = write(dir,
        msg("c1", "u1", 0, "hi, nice build " + SECRET),
        msg("c2", "u2", 1, "ok"),
        "",
        "{\"conversation\": \"c1\", \"text\": \"" + SECRET,
        msg("c1", "u2", 2, "thanks"),
        "{\"conversation\": \"c1\", \"sender\": \"u1\", \"time\": \"yesterday\", \"text\": \"" + SECRET + "\"}",
        msg("c1", "u1", 3, "how old are you? " + SECRET));
    CliRun r = CliRun.run("scan", "--no-progress", file.toString());
    assertEquals(0, r.code(), r.err());
    List<String> out = r.outLines();
    assertEquals(7, out.size(), r.out());

    JsonNode first = MAPPER.readTree(out.get(0));
    assertEquals(List.of("conversation", "index", "sender", "stage", "current_stage", "risk",
        "level", "signals", "suspect"), keys(first));
    assertEquals("c1", first.get("conversation").asText());
    assertEquals(0, first.get("index").asInt());
    assertEquals("c2", MAPPER.readTree(out.get(1)).get("conversation").asText());
    assertEquals(0, MAPPER.readTree(out.get(1)).get("index").asInt());
    assertEquals("{\"line\":3,\"error\":\"empty line\"}", out.get(2));
    assertEquals(4, MAPPER.readTree(out.get(3)).get("line").asInt());
    JsonNode fifth = MAPPER.readTree(out.get(4));
    assertEquals("c1", fifth.get("conversation").asText());
    assertEquals(1, fifth.get("index").asInt(), "malformed lines take no index");
    assertEquals(6, MAPPER.readTree(out.get(5)).get("line").asInt());
    assertEquals(2, MAPPER.readTree(out.get(6)).get("index").asInt());

    assertTrue(r.err().contains("line 3: empty line"), r.err());
    assertTrue(r.err().contains("line 4: bad JSON"), r.err());
    assertTrue(r.err().contains("line 6: bad time"), r.err());
    assertTrue(r.err().contains("3 malformed"), r.err());
    assertFalse(r.err().contains("zebra") || r.err().contains("marmalade"),
        "message text must never reach stderr:\n" + r.err());
    assertFalse(r.err().contains("Exception"), r.err());
  }

  @Test
  void scan_riskAndSignals_areRoundedAndSorted(@TempDir Path dir) throws IOException {
    Path file = write(dir, msg("c1", "u1", 0, "how old are you? let's move to whatsapp"));
    CliRun r = CliRun.run("scan", "--no-progress", file.toString());
    JsonNode line = MAPPER.readTree(r.outLines().get(0));
    double risk = line.get("risk").asDouble();
    assertEquals(Math.round(risk * 1000) / 1000.0, risk, 0.0);
    List<String> signals = new ArrayList<>();
    line.get("signals").forEach(s -> signals.add(s.asText()));
    List<String> sorted = new ArrayList<>(signals);
    sorted.sort((a, b) -> dev.vigil.detector.Signal.valueOf(a).compareTo(dev.vigil.detector.Signal.valueOf(b)));
    assertEquals(sorted, signals);
  }

  @Test
  void scan_evidenceOption_addsEvidenceWithoutTextUnlessSnippets(@TempDir Path dir) throws IOException {
    Path file = write(dir, msg("c1", "u1", 0, "how old are you? do your parents check your phone?"));
    JsonNode plain = MAPPER.readTree(CliRun.run("scan", "--no-progress", file.toString()).outLines().get(0));
    assertFalse(plain.has("evidence"));

    CliRun withEvidence = CliRun.run("scan", "--no-progress", "--evidence", file.toString());
    JsonNode line = MAPPER.readTree(withEvidence.outLines().get(0));
    assertTrue(line.get("evidence").isArray());
    for (JsonNode e : line.get("evidence")) {
      assertEquals(List.of("index", "start", "end", "source", "stage", "signal", "weight"), keys(e));
    }
    assertFalse(withEvidence.err().contains("parents check"), withEvidence.err());

    JsonNode snippets = MAPPER.readTree(CliRun.run("scan", "--no-progress", "--evidence",
        "--snippets", file.toString()).outLines().get(0));
    for (JsonNode e : snippets.get("evidence")) {
      assertTrue(e.has("snippet"), e.toString());
    }
  }

  @Test
  void scan_standardInput_isReadForDash() {
    CliRun r = CliRun.withStdin(msg("c1", "u1", 0, "hello") + "\n" + msg("c1", "u2", 1, "hey") + "\n",
        "scan", "--no-progress", "-");
    assertEquals(0, r.code(), r.err());
    assertEquals(2, r.outLines().size());
  }

  @Test
  void scan_csvAndPan12_areReadThroughTheSameCommand() throws Exception {
    Path csv = Path.of(getClass().getResource("/dev/vigil/cli/small.csv").toURI());
    CliRun c = CliRun.run("scan", "--no-progress", csv.toString());
    assertEquals(0, c.code(), c.err());
    assertEquals(5, c.outLines().size());
    assertTrue(c.err().contains("line 6: expected 8 fields"), c.err());

    Path xml = Path.of(getClass().getResource("/dev/vigil/cli/pan12-small.xml").toURI());
    CliRun p = CliRun.run("scan", "--no-progress", "--format", "pan12", xml.toString());
    assertEquals(0, p.code(), p.err());
    assertEquals(8, p.outLines().size());
    assertTrue(p.err().contains("message without an author"), p.err());
  }

  @Test
  void scan_missingFile_exitsTwoInOneLine() {
    CliRun r = CliRun.run("scan", "--no-progress", "/nonexistent/dir/none.jsonl");
    assertEquals(2, r.code());
    assertTrue(r.err().contains("no such file"), r.err());
    assertFalse(r.err().contains("\tat "), "no stack trace:\n" + r.err());
  }

  @Test
  void scan_badOptions_exitTwo() {
    assertEquals(2, CliRun.run("scan", "--format", "yaml", "x.jsonl").code());
    assertEquals(2, CliRun.run("scan", "--lang", "de", "x.jsonl").code());
    assertEquals(2, CliRun.run("scan").code());
    assertEquals(2, CliRun.run().code());
    assertEquals(2, CliRun.run("scan", "--top", "-1", "-").code());
  }

  @Test
  void scan_summary_listsTopConversationsWithoutText(@TempDir Path dir) throws IOException {
    Path file = write(dir,
        msg("c1", "u1", 0, "how old are you? " + SECRET),
        msg("c1", "u2", 1, "12"),
        msg("c1", "u1", 2, "do your parents check your phone? " + SECRET),
        msg("c2", "u3", 3, "gg"));
    CliRun r = CliRun.run("scan", "--no-progress", "--top", "1", file.toString());
    assertTrue(r.err().contains("conversations by final level"), r.err());
    assertTrue(r.err().contains("top 1 conversations by peak level, then peak risk"), r.err());
    assertTrue(r.err().contains(" 1. c1"), r.err());
    assertFalse(r.err().contains("zebra"), r.err());
  }

  @Test
  void scan_unexpectedFailure_exitsOneWithOneLineUnlessDebug() {
    java.io.InputStream failing = new java.io.InputStream() {
      @Override
      public int read() {
        throw new IllegalStateException("simulated failure");
      }

      @Override
      public int read(byte[] b, int off, int len) {
        throw new IllegalStateException("simulated failure");
      }
    };
    java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
    int code = VigilCli.execute(new String[] {"scan", "--no-progress", "-"}, failing,
        new java.io.PrintStream(new java.io.ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
        new java.io.PrintStream(err, true, StandardCharsets.UTF_8));
    assertEquals(1, code);
    String text = err.toString(StandardCharsets.UTF_8);
    assertTrue(text.startsWith("vigil-cli: unexpected failure: IllegalStateException: simulated failure"),
        text);
    assertFalse(text.contains("\tat "), text);

    java.io.ByteArrayOutputStream debugErr = new java.io.ByteArrayOutputStream();
    VigilCli.execute(new String[] {"scan", "--debug", "--no-progress", "-"}, failing,
        new java.io.PrintStream(new java.io.ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
        new java.io.PrintStream(debugErr, true, StandardCharsets.UTF_8));
    assertTrue(debugErr.toString(StandardCharsets.UTF_8).contains("\tat "), "stack trace with --debug");
  }
}
