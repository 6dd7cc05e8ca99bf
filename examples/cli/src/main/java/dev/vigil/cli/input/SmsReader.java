package dev.vigil.cli.input;

import dev.vigil.detector.Message;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Reads the SMS Spam Collection: one SMS per line, {@code ham} or {@code spam}, a tab, then the
 * text. Each SMS is its own conversation {@code sms-N} (N the line number) with the single sender
 * {@code s}, at the synthetic time {@link #BASE_TIME} plus N seconds. The ham/spam label is kept
 * as the record's {@link LabelledMessage#tag() tag}; every SMS is labelled {@link GoldClass#BENIGN}
 * (spam is not grooming), so eval counts any alert on it as a false alarm.
 *
 * <p>A blank line or a line without a {@code ham}/{@code spam} label and a tab is malformed.
 * Not thread-safe.
 */
public final class SmsReader implements MessageReader {

  /** The time of line 0; line N is N seconds later. */
  public static final Instant BASE_TIME = Instant.parse("2011-01-01T00:00:00Z");

  /** The tag of a legitimate SMS. */
  public static final String HAM = "ham";

  /** The tag of a spam SMS. */
  public static final String SPAM = "spam";

  private final BufferedReader reader;
  private int line;

  /**
   * A reader over UTF-8 bytes.
   *
   * @param in the input, closed with this reader
   */
  public SmsReader(InputStream in) {
    this.reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
  }

  @Override
  public @Nullable InputLine next() throws IOException {
    String text = reader.readLine();
    if (text == null) {
      return null;
    }
    line++;
    if (line == 1 && !text.isEmpty() && text.charAt(0) == '\uFEFF') {
      text = text.substring(1);
    }
    if (text.isBlank()) {
      return InputLine.malformed(line, "empty line");
    }
    int tab = text.indexOf('\t');
    String label = tab < 0 ? "" : text.substring(0, tab).strip();
    if (!label.equals(HAM) && !label.equals(SPAM)) {
      return InputLine.malformed(line, "expected ham or spam, a tab, then the text");
    }
    Message message = Message.of("sms-" + line, "s", BASE_TIME.plusSeconds(line),
        text.substring(tab + 1));
    return InputLine.ok(new LabelledMessage(line, message, GoldClass.BENIGN, null, Set.of(), label));
  }

  @Override
  public void close() throws IOException {
    reader.close();
  }
}
