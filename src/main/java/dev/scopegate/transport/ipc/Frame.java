package dev.scopegate.transport.ipc;

/** What {@link JsonFramer} finds in the byte stream of one connection, in order of arrival. */
sealed interface Frame {
  /** One complete JSON value: a request object, a batch array, or (invalid) a scalar. */
  record Value(byte[] bytes) implements Frame {}

  /**
   * Bytes that are not JSON. {@code resumed}: the stream went on after the next newline; if
   * false, no newline followed and nothing more is read from the connection.
   */
  record Malformed(boolean resumed) implements Frame {}

  /** A value longer than the limit; nothing more is read from the connection. */
  record TooLarge(long limit) implements Frame {}
}
