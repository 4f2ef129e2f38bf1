package dev.scopegate.privacy;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;

/**
 * Reads a value {@link RecordWriter} built. Anything malformed (short, too long, bad text) is an
 * {@link IndexStoreException}: a record is read whole or not at all.
 */
final class RecordReader {
  private final String key;
  private final ByteArrayInputStream bytes;
  private final DataInputStream in;

  RecordReader(String key, byte[] value) {
    this.key = key;
    this.bytes = new ByteArrayInputStream(value);
    this.in = new DataInputStream(bytes);
  }

  String string() {
    try {
      return in.readUTF();
    } catch (IOException e) {
      throw unreadable();
    }
  }

  long number() {
    try {
      return in.readLong();
    } catch (IOException e) {
      throw unreadable();
    }
  }

  int count() {
    try {
      int count = in.readInt();
      if (count < 0 || count > bytes.available()) {
        throw unreadable();
      }
      return count;
    } catch (IOException e) {
      throw unreadable();
    }
  }

  byte[] bytes() {
    try {
      return in.readNBytes(count());
    } catch (IOException e) {
      throw unreadable();
    }
  }

  /** Ends the read; left-over bytes mean the value is not what this code wrote. */
  void end() {
    if (bytes.available() != 0) {
      throw unreadable();
    }
  }

  IndexStoreException unreadable() {
    return new IndexStoreException(
        "privacy index record " + key + " is unreadable; start with --reindex to rebuild it");
  }
}
