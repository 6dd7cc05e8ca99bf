package dev.vigil.cli.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Pan12ReaderTest {

  private static List<InputLine> read(InputStream in, Set<String> predators) throws IOException {
    List<InputLine> lines = new ArrayList<>();
    try (Pan12Reader r = new Pan12Reader(in, predators)) {
      for (InputLine l; (l = r.next()) != null; ) {
        lines.add(l);
      }
    }
    return lines;
  }

  private InputStream resource() {
    return Objects.requireNonNull(getClass().getResourceAsStream("/dev/vigil/cli/pan12-small.xml"));
  }

  private Path resourcePath(String name) throws URISyntaxException {
    return Path.of(Objects.requireNonNull(getClass().getResource("/dev/vigil/cli/" + name)).toURI());
  }

  @Test
  void next_smallFile_readsMessagesInOrderWithLabels() throws Exception {
    Set<String> predators = Pan12Reader.readPredators(resourcePath("pan12-predators.txt"));
    assertEquals(Set.of("author-p1"), predators);
    List<InputLine> lines = read(resource(), predators);
    assertEquals(8, lines.size());

    LabelledMessage first = lines.get(0).message();
    assertEquals("conv-a", first.message().conversationId());
    assertEquals("author-p1", first.message().senderId());
    assertEquals("hey, you play that racing game too?", first.message().text());
    assertEquals(GoldClass.GROOMING, first.goldClass());
    assertEquals(Instant.parse("2012-01-01T23:58:00Z"), first.message().time());
    assertEquals(5, first.line(), "the line of the <message> start tag");

    assertEquals(Instant.parse("2012-01-02T00:02:00Z"), lines.get(2).message().message().time(),
        "a time earlier than the previous one moves to the next day");
    assertEquals("", lines.get(3).message().message().text(), "an empty <text/> is an empty message");

    LabelledMessage benign = lines.get(4).message();
    assertEquals("conv-b", benign.message().conversationId());
    assertEquals(GoldClass.BENIGN, benign.goldClass());
    assertEquals("anyone up for a match at 5? & bring snacks", benign.message().text());
    assertEquals(Instant.parse("2012-01-01T14:10:00Z"), benign.message().time());

    assertEquals("message without an author", lines.get(5).error());
    assertEquals("bad time: expected HH:MM", lines.get(6).error());
    assertFalse(lines.get(7).isMalformed());
  }

  @Test
  void next_withoutPredators_hasNoLabels() throws IOException {
    List<InputLine> lines = new ArrayList<>();
    try (Pan12Reader r = new Pan12Reader(resource(), null)) {
      for (InputLine l; (l = r.next()) != null; ) {
        lines.add(l);
      }
    }
    assertNull(lines.get(0).message().goldClass());
  }

  @Test
  void next_externalEntity_isRefusedNotResolved(@TempDir Path dir) throws IOException {
    Path secret = dir.resolve("secret.txt");
    Files.writeString(secret, "do-not-leak-4242");
    String xml = "<?xml version=\"1.0\"?>\n"
        + "<!DOCTYPE conversations [<!ENTITY xxe SYSTEM \"" + secret.toUri() + "\">]>\n"
        + "<conversations><conversation id=\"c\"><message line=\"1\"><author>a</author>"
        + "<time>10:00</time><text>&xxe;</text></message></conversation></conversations>";
    InputException e = assertThrows(InputException.class,
        () -> read(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), Set.of()));
    assertTrue(e.getMessage().contains("DTDs and entities are not accepted"), e.getMessage());
    assertFalse(e.getMessage().contains("do-not-leak"), e.getMessage());
  }

  @Test
  void next_notWellFormed_throwsWithPosition() {
    String xml = "<conversations><conversation id=\"c\"><message line=\"1\">"
        + "<author>a</author><time>10:00</time><text>unclosed</message></conversation>";
    InputException e = assertThrows(InputException.class,
        () -> read(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), Set.of()));
    assertTrue(e.getMessage().startsWith("not well-formed PAN 2012 XML at line 1"), e.getMessage());
    assertFalse(e.getMessage().contains("unclosed"), e.getMessage());
  }

  @Test
  void minuteOfDay_validAndInvalid() {
    assertEquals(0, Pan12Reader.minuteOfDay("00:00"));
    assertEquals(23 * 60 + 59, Pan12Reader.minuteOfDay("23:59"));
    assertEquals(9 * 60 + 5, Pan12Reader.minuteOfDay("9:05"));
    assertEquals(-1, Pan12Reader.minuteOfDay("24:00"));
    assertEquals(-1, Pan12Reader.minuteOfDay("12:60"));
    assertEquals(-1, Pan12Reader.minuteOfDay("1200"));
    assertEquals(-1, Pan12Reader.minuteOfDay("ab:cd"));
  }

  @Test
  void readPredators_missingFile_throws(@TempDir Path dir) {
    InputException e = assertThrows(InputException.class,
        () -> Pan12Reader.readPredators(dir.resolve("none.txt")));
    assertTrue(e.getMessage().contains("no such file"), e.getMessage());
  }
}
