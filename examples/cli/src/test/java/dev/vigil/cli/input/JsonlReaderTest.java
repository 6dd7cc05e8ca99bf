package dev.vigil.cli.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.detector.Language;
import dev.vigil.detector.Signal;
import dev.vigil.detector.Stage;
import java.io.IOException;
import java.io.StringReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class JsonlReaderTest {

  private static final String SECRET = "zebra marmalade 7731";

  private static List<InputLine> read(String text, boolean labels) throws IOException {
    List<InputLine> lines = new ArrayList<>();
    try (JsonlReader r = new JsonlReader(new StringReader(text), labels)) {
      for (InputLine l; (l = r.next()) != null; ) {
        lines.add(l);
      }
    }
    return lines;
  }

  private static String msg(String extra) {
    return "{\"conversation\": \"c1\", \"sender\": \"u1\", \"time\": \"2026-02-01T18:00:00Z\","
        + " \"text\": \"" + SECRET + "\"" + extra + "}";
  }

  @Test
  void next_wellFormedLine_readsEveryField() throws IOException {
    List<InputLine> lines = read(msg(", \"lang\": \"fr\", \"sender_age\": 13, \"room\": \"x\"")
        + "\n", false);
    assertEquals(1, lines.size());
    LabelledMessage m = lines.get(0).message();
    assertNotNull(m);
    assertEquals(1, m.line());
    assertEquals("c1", m.message().conversationId());
    assertEquals("u1", m.message().senderId());
    assertEquals(Instant.parse("2026-02-01T18:00:00Z"), m.message().time());
    assertEquals(SECRET, m.message().text());
    assertEquals(Language.FR, m.message().language());
    assertEquals(13, m.message().senderAge());
    assertNull(m.goldClass());
  }

  @Test
  void next_labelledLine_readsLabels() throws IOException {
    InputLine line = read(msg(", \"gold_class\": \"GROOMING\", \"gold_stage\": \"PERSONAL_INFO\","
        + " \"gold_signals\": [\"AGE_QUERY\", \"IMAGE_REQUEST\"]"), true).get(0);
    LabelledMessage m = line.message();
    assertNotNull(m);
    assertEquals(GoldClass.GROOMING, m.goldClass());
    assertEquals(Stage.PERSONAL_INFO, m.goldStage());
    assertEquals(Set.of(Signal.AGE_QUERY, Signal.IMAGE_REQUEST), m.goldSignals());
  }

  @Test
  void next_labelsNotAsked_ignoresBadLabels() throws IOException {
    InputLine line = read(msg(", \"gold_stage\": \"NOT_A_STAGE\""), false).get(0);
    assertFalse(line.isMalformed());
  }

  @Test
  void next_unknownLabel_isMalformedNamingTheValue() throws IOException {
    InputLine line = read(msg(", \"gold_stage\": \"NOT_A_STAGE\""), true).get(0);
    assertTrue(line.isMalformed());
    assertEquals("unknown gold_stage \"NOT_A_STAGE\"", line.error());
  }

  @Test
  void next_byteOrderMark_isDropped() throws IOException {
    InputLine line = read("\uFEFF" + msg(""), false).get(0);
    assertFalse(line.isMalformed());
  }

  @Test
  void next_malformedLines_keepLineNumbersAndNeverQuoteText() throws IOException {
    String input = String.join("\n",
        msg(""),
        "",
        "{\"conversation\": \"c1\", \"text\": \"" + SECRET + "\"",
        "{\"conversation\": \"c1\", \"sender\": \"u1\", \"text\": \"" + SECRET + "\"}",
        "{\"conversation\": \"\", \"sender\": \"u1\", \"time\": \"2026-02-01T18:00:00Z\", \"text\": \"x\"}",
        "{\"conversation\": \"c1\", \"sender\": \"u1\", \"time\": \"" + SECRET + "\", \"text\": \"x\"}",
        "{\"conversation\": \"c1\", \"sender\": \"u1\", \"time\": \"2026-02-01 18:00\", \"text\": \"x\"}",
        SECRET,
        "[1, 2]",
        msg("") + " {}",
        msg(", \"lang\": \"de\""),
        msg(", \"sender_age\": 200"),
        msg(""));
    List<InputLine> lines = read(input, false);
    assertEquals(13, lines.size());
    for (int i = 0; i < lines.size(); i++) {
      assertEquals(i + 1, lines.get(i).line(), "line numbers follow physical lines");
      String error = lines.get(i).error();
      if (error != null) {
        assertFalse(error.contains("zebra") || error.contains("marmalade"), error);
      }
    }
    assertFalse(lines.get(0).isMalformed());
    assertEquals("empty line", lines.get(1).error());
    assertEquals("bad JSON: the line ends inside a value", lines.get(2).error());
    assertEquals("missing field \"time\"", lines.get(3).error());
    assertEquals("empty field \"conversation\"", lines.get(4).error());
    assertTrue(lines.get(5).error().startsWith("bad time"), lines.get(5).error());
    assertTrue(lines.get(6).error().startsWith("bad time"), lines.get(6).error());
    assertTrue(lines.get(7).error().startsWith("bad JSON"), lines.get(7).error());
    assertEquals("not a JSON object", lines.get(8).error());
    assertEquals("bad JSON: more content after the object", lines.get(9).error());
    assertEquals("unsupported lang \"de\": use en or fr", lines.get(10).error());
    assertTrue(lines.get(11).error().startsWith("bad sender_age"), lines.get(11).error());
    assertFalse(lines.get(12).isMalformed(), "a bad line does not stop the reader");
  }

  @Test
  void next_emptyText_isAValidMessage() throws IOException {
    InputLine line = read("{\"conversation\": \"c1\", \"sender\": \"u1\","
        + " \"time\": \"2026-02-01T19:00:00+01:00\", \"text\": \"\"}", false).get(0);
    assertFalse(line.isMalformed());
    assertEquals(Instant.parse("2026-02-01T18:00:00Z"), line.message().message().time());
  }

  @Test
  void next_numericIds_areAccepted() throws IOException {
    InputLine line = read("{\"conversation\": 42, \"sender\": 7,"
        + " \"time\": \"2026-02-01T18:00:00Z\", \"text\": \"hi\"}", false).get(0);
    assertEquals("42", line.message().message().conversationId());
  }

  @Test
  void next_signalsAsSemicolonString_areSplit() throws IOException {
    InputLine line = read(msg(", \"gold_signals\": \"THREAT;PAYMENT_DEMAND\""), true).get(0);
    assertEquals(Set.of(Signal.THREAT, Signal.PAYMENT_DEMAND), line.message().goldSignals());
  }

  @Test
  void parseTime_lenientForms_readAsUtc() {
    assertEquals(Instant.parse("2026-02-01T18:00:00Z"), Fields.parseTime("2026-02-01T18:00:00"));
    assertEquals(Instant.parse("2026-02-01T00:00:00Z"), Fields.parseTime("2026-02-01"));
    assertEquals(Instant.ofEpochSecond(1_767_225_600L), Fields.parseTime("1767225600"));
    assertEquals(Instant.ofEpochMilli(1_767_225_600_123L), Fields.parseTime("1767225600123"));
    assertEquals(null, Fields.parseTime("yesterday"));
  }

  @Test
  void next_overlongLine_isSkippedAndReportedAndReadingGoesOn() throws Exception {
    String ok = "{\"conversation\": \"c1\", \"sender\": \"u1\", \"time\": \"2026-02-01T18:00:00Z\", \"text\": \"hi\"}";
    String input = ok + "\n" + "x".repeat(500) + "\n" + ok + "\n";
    JsonlReader r = new JsonlReader(new java.io.StringReader(input), false).withMaxLineChars(200);
    assertTrue(r.next().message() != null);
    InputLine skipped = r.next();
    assertTrue(skipped.isMalformed() && skipped.error().startsWith("line longer than 200"), skipped.error());
    assertTrue(r.next().message() != null);
    assertEquals(null, r.next());
  }
}
