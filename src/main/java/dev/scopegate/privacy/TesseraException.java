package dev.scopegate.privacy;

/** Tessera could not answer a question; the fact stays unknown and is asked again later. */
public final class TesseraException extends RuntimeException {
  public TesseraException(String message) {
    super(message, null, false, false);
  }
}
