package dev.vigil.cli.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.detector.Signal;
import dev.vigil.detector.Stage;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CsvReaderTest {

  private static List<InputLine> read(String text) throws IOException {
    List<InputLine> lines = new ArrayList<>();
    try (CsvReader r = new CsvReader(new StringReader(text), true)) {
      for (InputLine l; (l = r.next()) != null; ) {
        lines.add(l);
      }
    }
    return lines;
  }

  @Test
  void next_resourceFile_handlesQuotingLabelsAndBadRecords() throws IOException {
    List<InputLine> lines = new ArrayList<>();
    try (InputStream in = Objects.requireNonNull(
            getClass().getResourceAsStream("/dev/vigil/cli/small.csv"));
        CsvReader r = new CsvReader(in, true)) {
      for (InputLine l; (l = r.next()) != null; ) {
        lines.add(l);
      }
    }
    assertEquals(5, lines.size());
    assertEquals("hello, friend", lines.get(0).message().message().text());
    assertEquals(2, lines.get(0).line());
    assertEquals("she said \"hi\"\nand left", lines.get(1).message().message().text());
    assertEquals(3, lines.get(1).line(), "a record is numbered by the line where it starts");
    LabelledMessage labelled = lines.get(2).message();
    assertNotNull(labelled);
    assertEquals(5, labelled.line());
    assertEquals(GoldClass.GROOMING, labelled.goldClass());
    assertEquals(Stage.PERSONAL_INFO, labelled.goldStage());
    assertEquals(Set.of(Signal.AGE_QUERY, Signal.PLATFORM_MIGRATION), labelled.goldSignals());
    assertEquals(6, lines.get(3).line());
    assertEquals("expected 8 fields as in the header, got 4", lines.get(3).error());
    assertEquals(7, lines.get(4).line());
    assertTrue(lines.get(4).error().startsWith("bad time"));
  }

  @Test
  void next_crlfAndEmbeddedCrlf_areHandled() throws IOException {
    List<InputLine> lines = read("time,text,sender,conversation\r\n"
        + "2026-02-01T18:00:00Z,\"a\r\nb\",u1,c1\r\n"
        + "2026-02-01T18:01:00Z,,u2,c1\r\n");
    assertEquals(2, lines.size());
    assertEquals("a\r\nb", lines.get(0).message().message().text());
    assertEquals("", lines.get(1).message().message().text());
    assertEquals(4, lines.get(1).line());
  }

  @Test
  void next_blankLineAndUnterminatedQuote_areMalformed() throws IOException {
    List<InputLine> lines = read("conversation,sender,time,text\n"
        + "\n"
        + "c1,u1,2026-02-01T18:00:00Z,\"never closed\n");
    assertEquals("empty line", lines.get(0).error());
    assertEquals(2, lines.get(0).line());
    assertEquals("unterminated quoted field", lines.get(1).error());
  }

  @Test
  void next_characterAfterClosingQuote_isMalformedAndReadingGoesOn() throws IOException {
    List<InputLine> lines = read("conversation,sender,time,text\n"
        + "c1,u1,2026-02-01T18:00:00Z,\"quoted\"tail\n"
        + "c1,u1,2026-02-01T18:00:00Z,fine\n");
    assertTrue(lines.get(0).isMalformed());
    assertFalse(lines.get(0).error().contains("quoted"));
    assertEquals("fine", lines.get(1).message().message().text());
  }

  @Test
  void next_headerWithoutRequiredColumns_throws() {
    InputException e = assertThrows(InputException.class,
        () -> read("conversation,sender,text\nc1,u1,hi\n"));
    assertTrue(e.getMessage().contains("missing: time"), e.getMessage());
  }

  @Test
  void next_emptyInput_throws() {
    assertThrows(InputException.class, () -> read(""));
  }
}
