package dev.scopegate.transport.ipc;

import java.util.Arrays;

/**
 * The bytes a {@link JsonFramer} holds: from the end of the last value to the end of input, and
 * the parser's offset of the first of them, so that parser locations map to indexes here.
 */
final class PendingBytes {
  private static final int INITIAL = 256;
  private static final int KEPT_WHEN_EMPTY = 64 * 1024;

  private byte[] bytes = new byte[INITIAL];
  private int length;
  private long offset;

  int length() {
    return length;
  }

  void append(byte[] chunk) {
    if (length + chunk.length > bytes.length) {
      bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + chunk.length));
    }
    System.arraycopy(chunk, 0, bytes, length, chunk.length);
    length += chunk.length;
  }

  void drop(int count) {
    System.arraycopy(bytes, count, bytes, 0, length - count);
    length -= count;
    offset += count;
    if (length == 0 && bytes.length > KEPT_WHEN_EMPTY) {
      bytes = new byte[INITIAL]; // an idle connection does not keep its largest message's memory
    }
  }

  /** For a fresh parser, which counts from zero. */
  void restartOffsets() {
    offset = 0;
  }

  int index(long parserOffset) {
    return (int) (parserOffset - offset);
  }

  byte[] copy(int from) {
    return slice(from, length);
  }

  byte[] slice(int from, int to) {
    return Arrays.copyOfRange(bytes, from, to);
  }

  int skipWhitespace(int from) {
    int i = from;
    while (i < length && isWhitespace(bytes[i])) {
      i++;
    }
    return i;
  }

  int indexOf(byte wanted, int from) {
    for (int i = from; i < length; i++) {
      if (bytes[i] == wanted) {
        return i;
      }
    }
    return -1;
  }

  private static boolean isWhitespace(byte b) {
    return b == ' ' || b == '\t' || b == '\n' || b == '\r';
  }
}
