package dev.vigil.cli.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SmsReaderTest {

  @Test
  void next_hamSpamAndBadLines_eachSmsItsOwnConversation() throws IOException {
    String text = "ham\tsee you at practice\nspam\tyou won a prize, call now\nnot labelled\n\n";
    List<InputLine> lines = new ArrayList<>();
    try (SmsReader r = new SmsReader(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)))) {
      for (InputLine l; (l = r.next()) != null; ) {
        lines.add(l);
      }
    }
    assertEquals(4, lines.size());
    LabelledMessage ham = lines.get(0).message();
    assertEquals("sms-1", ham.message().conversationId());
    assertEquals("s", ham.message().senderId());
    assertEquals("see you at practice", ham.message().text());
    assertEquals(SmsReader.HAM, ham.tag());
    assertEquals(GoldClass.BENIGN, ham.goldClass());
    LabelledMessage spam = lines.get(1).message();
    assertEquals("sms-2", spam.message().conversationId());
    assertEquals(SmsReader.SPAM, spam.tag());
    assertEquals("expected ham or spam, a tab, then the text", lines.get(2).error());
    assertNull(lines.get(2).message());
    assertEquals("empty line", lines.get(3).error());
  }
}
