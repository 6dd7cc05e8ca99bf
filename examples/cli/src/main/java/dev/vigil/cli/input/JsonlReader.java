package dev.vigil.cli.input;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Reads the JSON Lines input of DESIGN.md: one JSON object per line with {@code conversation},
 * {@code sender}, {@code time} (ISO-8601 with an offset) and {@code text}; optional {@code lang}
 * ({@code en}/{@code fr}) and {@code sender_age}; labelled corpora add {@code gold_class}, {@code
 * gold_stage} and {@code gold_signals} (a list, or a string separated by {@code ;}). Unknown
 * fields are ignored.
 *
 * <p>Every physical line is one record, so that {@code scan} writes one output line per input
 * line: a blank line is reported as malformed ({@code empty line}) rather than skipped. A UTF-8
 * byte order mark at the start is dropped; invalid UTF-8 is replaced, not fatal. Conversation and
 * sender ids may be JSON strings or numbers; {@code time} and {@code text} must be strings.
 *
 * <p>Not thread-safe.
 */
public final class JsonlReader implements MessageReader {

  private static final ObjectMapper MAPPER = new ObjectMapper()
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private final BufferedReader reader;
  private final boolean readLabels;
  private int line;

  /**
   * A reader over UTF-8 bytes.
   *
   * @param in the input, closed with this reader
   * @param readLabels whether to parse the gold labels (eval) or ignore them (scan)
   */
  public JsonlReader(InputStream in, boolean readLabels) {
    this(new InputStreamReader(in, StandardCharsets.UTF_8), readLabels);
  }

  /**
   * A reader over characters.
   *
   * @param in the input, closed with this reader
   * @param readLabels whether to parse the gold labels (eval) or ignore them (scan)
   */
  public JsonlReader(Reader in, boolean readLabels) {
    this.reader = in instanceof BufferedReader b ? b : new BufferedReader(in, 1 << 16);
    this.readLabels = readLabels;
  }

  /** Longest line read whole; a longer one is skipped and reported, so input cannot exhaust memory. */
  static final int MAX_LINE_CHARS = 16 << 20;

  private final StringBuilder buffer = new StringBuilder(256);
  private int maxLineChars = MAX_LINE_CHARS;
  private boolean tooLong;

  /** For tests: a smaller line limit. */
  JsonlReader withMaxLineChars(int max) {
    this.maxLineChars = max;
    return this;
  }

  /** Reads one line of at most {@link #MAX_LINE_CHARS}; null at the end of input. */
  private @Nullable String readLine() throws IOException {
    buffer.setLength(0);
    tooLong = false;
    int c;
    boolean any = false;
    while ((c = reader.read()) != -1) {
      any = true;
      if (c == '\n') {
        break;
      }
      if (buffer.length() < maxLineChars) {
        buffer.append((char) c);
      } else {
        tooLong = true;
      }
    }
    if (!any) {
      return null;
    }
    int n = buffer.length();
    if (n > 0 && buffer.charAt(n - 1) == '\r') {
      buffer.setLength(n - 1);
    }
    return buffer.toString();
  }

  @Override
  public @Nullable InputLine next() throws IOException {
    String text = readLine();
    if (text == null) {
      return null;
    }
    line++;
    if (tooLong) {
      return InputLine.malformed(line, "line longer than " + maxLineChars + " characters: skipped");
    }
    if (line == 1 && !text.isEmpty() && text.charAt(0) == '\uFEFF') {
      text = text.substring(1);
    }
    return parse(line, text, readLabels);
  }

  /** Parses one line; never throws for content. */
  static InputLine parse(int line, String text, boolean readLabels) {
    if (text.isBlank()) {
      return InputLine.malformed(line, "empty line");
    }
    JsonNode node;
    try {
      node = MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      return InputLine.malformed(line, describe(e));
    }
    if (node == null || !node.isObject()) {
      return InputLine.malformed(line, "not a JSON object");
    }
    Fields f = new Fields();
    try {
      f.conversation = id(node, "conversation");
      f.sender = id(node, "sender");
      f.time = string(node, "time");
      f.text = string(node, "text");
      f.lang = string(node, "lang");
      f.senderAge = age(node);
      if (readLabels) {
        f.goldClass = string(node, "gold_class");
        f.goldStage = string(node, "gold_stage");
        f.goldSignals = signals(node);
      }
    } catch (IllegalArgumentException e) {
      return InputLine.malformed(line, e.getMessage());
    }
    return f.build(line, readLabels);
  }

  /**
   * Describes a JSON syntax error by position only: Jackson's own messages quote the offending
   * input, which may be message text.
   */
  private static String describe(JsonProcessingException e) {
    if (e instanceof JsonEOFException) {
      return "bad JSON: the line ends inside a value";
    }
    if (e instanceof MismatchedInputException && e.getMessage() != null
        && e.getMessage().contains("Trailing token")) {
      return "bad JSON: more content after the object";
    }
    JsonLocation loc = e.getLocation();
    return loc != null && loc.getColumnNr() > 0
        ? "bad JSON at column " + loc.getColumnNr()
        : "bad JSON";
  }

  private static @Nullable String id(JsonNode node, String field) {
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) {
      return null;
    }
    if (v.isTextual() || v.isIntegralNumber()) {
      return v.asText();
    }
    throw new IllegalArgumentException("field \"" + field + "\" must be a string");
  }

  private static @Nullable String string(JsonNode node, String field) {
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) {
      return null;
    }
    if (v.isTextual()) {
      return v.textValue();
    }
    throw new IllegalArgumentException("field \"" + field + "\" must be a string");
  }

  private static @Nullable String age(JsonNode node) {
    JsonNode v = node.get("sender_age");
    if (v == null || v.isNull()) {
      return null;
    }
    if (v.isIntegralNumber()) {
      return v.asText();
    }
    if (v.isTextual()) {
      return v.textValue();
    }
    throw new IllegalArgumentException("bad sender_age: expected a whole number in 0..150");
  }

  private static @Nullable List<String> signals(JsonNode node) {
    JsonNode v = node.get("gold_signals");
    if (v == null || v.isNull()) {
      return null;
    }
    if (v.isTextual()) {
      return List.of(v.textValue().split(";"));
    }
    if (!v.isArray()) {
      throw new IllegalArgumentException("field \"gold_signals\" must be a list of signal names");
    }
    List<String> out = new ArrayList<>(v.size());
    for (JsonNode s : v) {
      if (!s.isTextual()) {
        throw new IllegalArgumentException("field \"gold_signals\" must be a list of signal names");
      }
      out.add(s.textValue());
    }
    return out;
  }

  @Override
  public void close() throws IOException {
    reader.close();
  }
}
