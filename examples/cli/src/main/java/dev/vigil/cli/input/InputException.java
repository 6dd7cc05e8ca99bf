package dev.vigil.cli.input;

import java.io.IOException;

/**
 * Input that cannot be read at all: a missing or unreadable file, a CSV file without the required
 * header, XML that is not well formed, an unreadable predators list. The message says what is
 * wrong and where, and never contains message text. The CLI exits with code 2 on it.
 */
public class InputException extends IOException {

  private static final long serialVersionUID = 1L;

  /** An input error with a message naming the problem. */
  public InputException(String message) {
    super(message);
  }

  /** An input error with a message naming the problem and its cause. */
  public InputException(String message, Throwable cause) {
    super(message, cause);
  }
}
