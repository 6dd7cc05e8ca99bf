package dev.vigil.models;

import java.io.IOException;

/**
 * A model file is missing, does not match its manifest's checksum, or does not fit the code that
 * reads it (format version, feature pipeline, labels, shapes). The message names the file and what
 * was expected; it never holds message text.
 *
 * @since 0.1
 */
public final class ModelIntegrityException extends IOException {

  private static final long serialVersionUID = 1L;

  /** An exception with a message naming the file and the problem. */
  public ModelIntegrityException(String message) {
    super(message);
  }

  /** An exception with a message and the underlying cause. */
  public ModelIntegrityException(String message, Throwable cause) {
    super(message, cause);
  }
}
