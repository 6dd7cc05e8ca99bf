package dev.vigil.cli.input;

import java.io.InputStream;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The input formats {@code vigil-cli} reads, and the factory of their readers.
 *
 * <p>Immutable and thread-safe.
 */
public enum InputFormat {
  /** JSON Lines, see {@link JsonlReader}. */
  JSONL,
  /** CSV with a header row, see {@link CsvReader}. */
  CSV,
  /** PAN 2012 sexual predator identification XML, see {@link Pan12Reader}. */
  PAN12,
  /** The SMS Spam Collection, see {@link SmsReader}. */
  SMS;

  /**
   * The format a file name suggests: {@code .xml} is PAN12, {@code .csv} is CSV, a file named
   * {@code SMSSpamCollection} is SMS, anything else (and {@code -}, standard input) is JSONL.
   */
  public static InputFormat guess(String fileName) {
    String name = fileName.toLowerCase(Locale.ROOT);
    if (name.endsWith(".xml")) {
      return PAN12;
    }
    if (name.endsWith(".csv")) {
      return CSV;
    }
    if (name.endsWith("smsspamcollection") || name.endsWith(".sms")) {
      return SMS;
    }
    return JSONL;
  }

  /**
   * Opens a reader of this format over {@code in}.
   *
   * @param in the input, closed with the reader
   * @param readLabels whether to parse gold labels (eval) or ignore them (scan)
   * @param predators for PAN12, the predators' author ids, or null for no labels; ignored by the
   *     other formats
   * @throws InputException if the input cannot be opened as this format
   */
  public MessageReader open(InputStream in, boolean readLabels, @Nullable Set<String> predators)
      throws InputException {
    return switch (this) {
      case JSONL -> new JsonlReader(in, readLabels);
      case CSV -> new CsvReader(in, readLabels);
      case PAN12 -> new Pan12Reader(in, predators);
      case SMS -> new SmsReader(in);
    };
  }
}
