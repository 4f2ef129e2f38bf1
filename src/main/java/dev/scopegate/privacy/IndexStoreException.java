package dev.scopegate.privacy;

/**
 * The privacy index cannot be used as it stands: it belongs to another chain, another process holds
 * it, or a record cannot be read. The message is one line an operator can act on.
 */
public final class IndexStoreException extends RuntimeException {

  public IndexStoreException(String message) {
    super(message);
  }

  public IndexStoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
