package dev.scopegate.privacy;

import java.util.Map;
import java.util.Optional;

/**
 * The storage under an index: string keys, byte values, and atomic multi-key writes. Readers see a
 * write entirely or not at all. Using it after {@link #close()} fails.
 */
interface KeyValues extends AutoCloseable {

  Optional<byte[]> get(String key);

  /** Writes every change at once: a present value is stored, an empty one deletes the key. */
  void write(Map<String, Optional<byte[]>> changes);

  @Override
  void close();
}
