package dev.vigil.cli.input;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Reads comma-separated values (RFC 4180): a header row naming the columns {@code conversation},
 * {@code sender}, {@code time}, {@code text} (required, any order, case-insensitive) and optionally
 * {@code lang}, {@code sender_age}, {@code gold_class}, {@code gold_stage} and {@code gold_signals}
 * (signal names separated by {@code ;}); other columns are ignored. An empty optional cell means
 * "absent".
 *
 * <p>Quoting follows RFC 4180: a field in double quotes may hold commas, line breaks and doubled
 * quotes ({@code ""}); records end with CRLF, LF or CR. Two leniencies: a quote inside an unquoted
 * field is kept as a character, and a UTF-8 byte order mark before the header is dropped. A record
 * that spans several physical lines is reported with the line where it starts; the header row
 * produces no record. A blank line is a malformed record ({@code empty line}), like in JSON Lines.
 *
 * <p>Hand-written: no CSV library is among the project's dependencies, and the grammar is small.
 * Not thread-safe.
 */
public final class CsvReader implements MessageReader {

  private static final List<String> REQUIRED = List.of("conversation", "sender", "time", "text");

  private final Reader reader;
  private final boolean readLabels;
  private final char[] buf = new char[1 << 16];
  private int pos;
  private int limit;
  private int line = 1;
  private @Nullable Map<String, Integer> columns;
  private int width;

  /**
   * A reader over UTF-8 bytes.
   *
   * @param in the input, closed with this reader
   * @param readLabels whether to parse the gold labels (eval) or ignore them (scan)
   */
  public CsvReader(InputStream in, boolean readLabels) {
    this(new InputStreamReader(in, StandardCharsets.UTF_8), readLabels);
  }

  /**
   * A reader over characters.
   *
   * @param in the input, closed with this reader
   * @param readLabels whether to parse the gold labels (eval) or ignore them (scan)
   */
  public CsvReader(Reader in, boolean readLabels) {
    this.reader = in;
    this.readLabels = readLabels;
  }

  /**
   * {@inheritDoc}
   *
   * @throws InputException if the input is empty or its first row lacks a required column
   */
  @Override
  public @Nullable InputLine next() throws IOException {
    if (columns == null) {
      readHeader();
    }
    Row row = readRow();
    if (row == null) {
      return null;
    }
    if (row.error != null) {
      return InputLine.malformed(row.line, row.error);
    }
    if (row.fields.size() == 1 && row.fields.get(0).isEmpty() && !row.quoted) {
      return InputLine.malformed(row.line, "empty line");
    }
    if (row.fields.size() != width) {
      return InputLine.malformed(row.line,
          "expected " + width + " fields as in the header, got " + row.fields.size());
    }
    Fields f = new Fields();
    f.conversation = cell(row, "conversation");
    f.sender = cell(row, "sender");
    f.time = cell(row, "time");
    f.text = cell(row, "text");
    f.lang = cell(row, "lang");
    f.senderAge = cell(row, "sender_age");
    if (readLabels) {
      f.goldClass = cell(row, "gold_class");
      f.goldStage = cell(row, "gold_stage");
      String signals = cell(row, "gold_signals");
      f.goldSignals = signals == null ? null : List.of(signals.split(";"));
    }
    return f.build(row.line, readLabels);
  }

  private @Nullable String cell(Row row, String column) {
    Integer i = columns == null ? null : columns.get(column);
    return i == null ? null : row.fields.get(i);
  }

  private void readHeader() throws IOException {
    if (fill() && buf[pos] == '\uFEFF') {
      pos++;
    }
    Row header = readRow();
    if (header == null) {
      throw new InputException("empty CSV input: a header row is required");
    }
    if (header.error != null) {
      throw new InputException("CSV header (line " + header.line + "): " + header.error);
    }
    Map<String, Integer> map = new HashMap<>();
    for (int i = 0; i < header.fields.size(); i++) {
      map.putIfAbsent(header.fields.get(i).trim().toLowerCase(Locale.ROOT), i);
    }
    List<String> missing = new ArrayList<>();
    for (String r : REQUIRED) {
      if (!map.containsKey(r)) {
        missing.add(r);
      }
    }
    if (!missing.isEmpty()) {
      throw new InputException("the first CSV row must be a header naming the columns "
          + String.join(",", REQUIRED) + "; missing: " + String.join(",", missing));
    }
    columns = map;
    width = header.fields.size();
  }

  /** One parsed record. */
  private static final class Row {
    final int line;
    final List<String> fields = new ArrayList<>();
    boolean quoted;
    @Nullable String error;

    Row(int line) {
      this.line = line;
    }
  }

  private static final int START = 0;
  private static final int UNQUOTED = 1;
  private static final int QUOTED = 2;
  private static final int QUOTE_IN_QUOTED = 3;
  private static final int SKIP = 4;

  private @Nullable Row readRow() throws IOException {
    if (!fill()) {
      return null;
    }
    Row row = new Row(line);
    StringBuilder field = new StringBuilder();
    int state = START;
    while (true) {
      if (!fill()) {
        if (state == QUOTED) {
          row.error = "unterminated quoted field";
        }
        if (state != SKIP) {
          row.fields.add(field.toString());
        }
        return row;
      }
      char c = buf[pos++];
      boolean newline = c == '\n' || c == '\r';
      boolean crlf = false;
      if (newline) {
        if (c == '\r' && fill() && buf[pos] == '\n') {
          pos++;
          crlf = true;
        }
        line++;
      }
      switch (state) {
        case START, UNQUOTED -> {
          if (c == ',') {
            row.fields.add(field.toString());
            field.setLength(0);
            state = START;
          } else if (newline) {
            row.fields.add(field.toString());
            return row;
          } else if (c == '"' && state == START) {
            row.quoted = true;
            state = QUOTED;
          } else {
            field.append(c);
            state = UNQUOTED;
          }
        }
        case QUOTED -> {
          if (c == '"') {
            state = QUOTE_IN_QUOTED;
          } else if (crlf) {
            // A CRLF inside quotes is kept as written.
            field.append("\r\n");
          } else {
            field.append(c);
          }
        }
        case QUOTE_IN_QUOTED -> {
          if (c == '"') {
            field.append('"');
            state = QUOTED;
          } else if (c == ',') {
            row.fields.add(field.toString());
            field.setLength(0);
            state = START;
          } else if (newline) {
            row.fields.add(field.toString());
            return row;
          } else {
            row.error = "unexpected character after a closing quote in field " + (row.fields.size() + 1);
            state = SKIP;
          }
        }
        default -> {
          // SKIP: drop the rest of a broken record up to the end of the physical line.
          if (newline) {
            return row;
          }
        }
      }
    }
  }

  /** Makes at least one character available at {@code pos}; false at the end of the input. */
  private boolean fill() throws IOException {
    while (pos >= limit) {
      int n = reader.read(buf, 0, buf.length);
      if (n < 0) {
        return false;
      }
      pos = 0;
      limit = n;
    }
    return true;
  }

  @Override
  public void close() throws IOException {
    reader.close();
  }
}
