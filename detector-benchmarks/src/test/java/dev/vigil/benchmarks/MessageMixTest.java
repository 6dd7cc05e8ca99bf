package dev.vigil.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.detector.Message;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class MessageMixTest {

  @Test
  void generate_sameSeed_sameLines() {
    assertEquals(MessageMix.generate(true, MessageMix.SEED), MessageMix.english());
    assertEquals(MessageMix.generate(false, MessageMix.SEED + 1), MessageMix.french());
    assertNotEquals(MessageMix.english(), MessageMix.generate(true, 42));
  }

  @Test
  void lines_eachLanguage_mostlyShortSomeLongWithEvasions() {
    for (List<String> lines : List.of(MessageMix.english(), MessageMix.french())) {
      assertEquals(MessageMix.SIZE, lines.size());
      long shortLines = lines.stream().filter(s -> s.strip().split("\\s+").length <= 12).count();
      long longLines = lines.stream().filter(s -> s.length() >= 300).count();
      assertTrue(shortLines > 0.85 * lines.size(), "short: " + shortLines);
      assertTrue(longLines > 0.02 * lines.size() && longLines < 0.1 * lines.size(), "long: " + longLines);
      assertTrue(lines.stream().allMatch(s -> s.length() <= 1500));
      assertTrue(lines.stream().anyMatch(s -> s.matches(".*\\w[0-9]\\w.*")), "leetspeak");
      assertTrue(lines.stream().anyMatch(s -> s.matches(".*\\b\\w \\w \\w \\w\\b.*")), "spaced");
      assertTrue(lines.stream().anyMatch(s -> s.indexOf('\u200B') >= 0 || s.indexOf('\u200D') >= 0), "zero-width");
      assertTrue(lines.stream().anyMatch(s -> s.chars().anyMatch(c -> c >= 0x0400 && c <= 0x04FF)), "Cyrillic");
      assertTrue(lines.stream().anyMatch(s -> s.codePoints().anyMatch(c -> c >= 0x1F300)), "emoji");
    }
  }

  @Test
  void ids_distinctPerConversationAndParty() {
    assertEquals(20, MessageMix.conversationId(999_999).length());
    assertNotEquals(MessageMix.senderId(1, 0), MessageMix.senderId(0, 1));
    assertNotEquals(MessageMix.senderId(1, 0), MessageMix.senderId(1, 1));
  }

  @Test
  void stream_timeNeverGoesBackInAConversation() {
    MessageStream stream = new MessageStream(MessageMix.Mix.BOTH, Conversations.of(10), 1);
    java.util.Map<String, java.time.Instant> last = new java.util.HashMap<>();
    for (int i = 0; i < 10_000; i++) {
      Message m = stream.next();
      java.time.Instant before = last.put(m.conversationId(), m.time());
      assertTrue(before == null || !m.time().isBefore(before));
    }
    assertEquals(10, last.size());
  }

  @Test
  void lexiconRegex_bothLanguages_compileAndMatchAPlatformMove() {
    Pattern en = LexiconRegex.compile("en");
    Pattern fr = LexiconRegex.compile("fr");
    assertTrue(en.matcher("hey add me on snapchat ok").find());
    assertTrue(fr.matcher("ajoute moi sur snap").find());
    assertFalse(en.matcher("").find());
  }
}
