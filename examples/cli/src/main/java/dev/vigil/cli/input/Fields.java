package dev.vigil.cli.input;

import dev.vigil.detector.Language;
import dev.vigil.detector.Message;
import dev.vigil.detector.Signal;
import dev.vigil.detector.Stage;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The field values of one record as strings, and their validation into a {@link LabelledMessage}.
 * Shared by the JSON Lines and CSV readers so that both accept and reject the same values with the
 * same words.
 *
 * <p>Design note: error messages name the field and, for labels and codes, the offending value
 * (shortened); they never contain the message text, which may be a child's message.
 */
final class Fields {

  private static final int MAX_QUOTED = 40;

  @Nullable String conversation;
  @Nullable String sender;
  @Nullable String time;
  @Nullable String text;
  @Nullable String lang;
  @Nullable String senderAge;
  @Nullable String goldClass;
  @Nullable String goldStage;
  @Nullable List<String> goldSignals;

  /**
   * Builds the record at {@code line}. Labels are parsed only if {@code readLabels}; otherwise
   * they are ignored like unknown fields.
   */
  InputLine build(int line, boolean readLabels) {
    String missing = firstMissing();
    if (missing != null) {
      return InputLine.malformed(line, missing);
    }
    Instant instant = parseTime(time);
    if (instant == null) {
      return InputLine.malformed(line,
          "bad time: expected ISO-8601 with an offset, e.g. 2026-02-01T18:00:00Z");
    }
    Message message = Message.of(conversation, sender, instant, text);
    try {
      if (lang != null && !lang.isBlank()) {
        message = message.withLanguage(Language.ofCode(lang));
      }
    } catch (IllegalArgumentException e) {
      return InputLine.malformed(line, "unsupported lang " + quote(lang) + ": use en or fr");
    }
    if (senderAge != null && !senderAge.isBlank()) {
      Integer age = parseAge(senderAge);
      if (age == null) {
        return InputLine.malformed(line, "bad sender_age " + quote(senderAge)
            + ": expected a whole number in 0..150");
      }
      message = message.withSenderAge(age);
    }
    if (!readLabels) {
      return InputLine.ok(LabelledMessage.of(line, message));
    }
    try {
      GoldClass gc = isBlank(goldClass) ? null : GoldClass.parse(goldClass);
      Stage gs = isBlank(goldStage) ? null : parseStage(goldStage);
      EnumSet<Signal> signals = EnumSet.noneOf(Signal.class);
      if (goldSignals != null) {
        for (String s : goldSignals) {
          if (!s.isBlank()) {
            signals.add(parseSignal(s));
          }
        }
      }
      return InputLine.ok(new LabelledMessage(line, message, gc, gs, signals, null));
    } catch (IllegalArgumentException e) {
      return InputLine.malformed(line, e.getMessage());
    }
  }

  private @Nullable String firstMissing() {
    if (conversation == null) {
      return "missing field \"conversation\"";
    }
    if (conversation.isEmpty()) {
      return "empty field \"conversation\"";
    }
    if (sender == null) {
      return "missing field \"sender\"";
    }
    if (sender.isEmpty()) {
      return "empty field \"sender\"";
    }
    if (time == null) {
      return "missing field \"time\"";
    }
    if (time.isEmpty()) {
      return "empty field \"time\"";
    }
    if (text == null) {
      // An empty text is a valid message (Message allows it: a sticker, an attachment); a missing
      // one is not.
      return "missing field \"text\"";
    }
    return null;
  }

  private static boolean isBlank(@Nullable String s) {
    return s == null || s.isBlank();
  }

  /**
   * Parses a time: ISO-8601 with an offset ({@code Z} or {@code +01:00}); without one
   * ({@code 2026-02-01T18:00:00}, or a date alone) it is read as UTC; a bare integer is epoch
   * seconds, or epoch milliseconds from 13 digits on. Null if none of these.
   */
  static @Nullable Instant parseTime(String value) {
    String v = value.trim();
    try {
      return OffsetDateTime.parse(v).toInstant();
    } catch (DateTimeParseException e) {
      // fall through to the lenient forms
    }
    try {
      return java.time.LocalDateTime.parse(v).toInstant(java.time.ZoneOffset.UTC);
    } catch (DateTimeParseException e) {
      // fall through
    }
    try {
      return java.time.LocalDate.parse(v).atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
    } catch (DateTimeParseException e) {
      // fall through
    }
    if (!v.isEmpty() && v.length() <= 16 && v.chars().allMatch(Character::isDigit)) {
      long n = Long.parseLong(v);
      return v.length() >= 13 ? Instant.ofEpochMilli(n) : Instant.ofEpochSecond(n);
    }
    return null;
  }

  private static @Nullable Integer parseAge(String value) {
    String v = value.trim();
    if (v.isEmpty() || v.length() > 3) {
      return null;
    }
    for (int i = 0; i < v.length(); i++) {
      if (v.charAt(i) < '0' || v.charAt(i) > '9') {
        return null;
      }
    }
    int age = Integer.parseInt(v);
    return age <= 150 ? age : null;
  }

  /**
   * The stage of a label, case-insensitive.
   *
   * @throws IllegalArgumentException naming the value if it is not a stage
   */
  static Stage parseStage(String value) {
    try {
      return Stage.valueOf(value.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("unknown gold_stage " + quote(value), e);
    }
  }

  /**
   * The signal of a label, case-insensitive.
   *
   * @throws IllegalArgumentException naming the value if it is not a signal
   */
  static Signal parseSignal(String value) {
    try {
      return Signal.valueOf(value.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("unknown gold_signals value " + quote(value), e);
    }
  }

  /** A label or code value for an error message: quoted, shortened, control characters removed. */
  static String quote(String value) {
    StringBuilder sb = new StringBuilder(Math.min(value.length(), MAX_QUOTED) + 3).append('"');
    int n = 0;
    for (int i = 0; i < value.length() && n < MAX_QUOTED; i++, n++) {
      char c = value.charAt(i);
      sb.append(Character.isISOControl(c) || c == '"' ? '?' : c);
    }
    if (value.length() > MAX_QUOTED) {
      sb.append('…');
    }
    return sb.append('"').toString();
  }
}
