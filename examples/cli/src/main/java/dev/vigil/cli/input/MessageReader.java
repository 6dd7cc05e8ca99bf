package dev.vigil.cli.input;

import java.io.Closeable;
import java.io.IOException;
import org.jspecify.annotations.Nullable;

/**
 * Reads input records one at a time, in input order. Implementations are not thread-safe; use one
 * reader per thread. Open one with {@link InputFormat#open}.
 *
 * <p>A malformed record is returned as a malformed {@link InputLine}, never thrown, so that the
 * caller can report it and go on. Only input that cannot be read any further throws.
 */
public interface MessageReader extends Closeable {

  /**
   * The next record, or null at the end of the input.
   *
   * @throws InputException if the input cannot be read any further (the message says where)
   * @throws IOException if reading fails
   */
  @Nullable InputLine next() throws IOException;
}
