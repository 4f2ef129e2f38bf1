package dev.scopegate.privacy;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Builds one binary value: length-prefixed strings and fixed-width numbers, nothing else. */
final class RecordWriter {
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream(96);
  private final DataOutputStream out = new DataOutputStream(bytes);

  RecordWriter string(String value) {
    try {
      out.writeUTF(value);
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e); // an in-memory stream does not fail
    }
  }

  RecordWriter number(long value) {
    try {
      out.writeLong(value);
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  RecordWriter count(int value) {
    try {
      out.writeInt(value);
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  RecordWriter bytes(byte[] value) {
    try {
      out.writeInt(value.length);
      out.write(value);
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  byte[] toBytes() {
    return bytes.toByteArray();
  }
}
