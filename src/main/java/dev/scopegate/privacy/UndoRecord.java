package dev.scopegate.privacy;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What a block overwrote: for every key it wrote, the value before it (or that there was none).
 * Writing these back undoes the block exactly, its head record included.
 */
record UndoRecord(Map<String, Optional<byte[]>> before) {

  UndoRecord {
    before = new LinkedHashMap<>(before);
  }

  byte[] toBytes() {
    RecordWriter out = new RecordWriter().count(before.size());
    before.forEach(
        (key, value) -> {
          out.string(key).count(value.isPresent() ? 1 : 0);
          value.ifPresent(out::bytes);
        });
    return out.toBytes();
  }

  static UndoRecord parse(String key, byte[] value) {
    RecordReader in = new RecordReader(key, value);
    int count = in.count();
    Map<String, Optional<byte[]>> before = new LinkedHashMap<>();
    for (int i = 0; i < count; i++) {
      String written = in.string();
      int present = in.count();
      if (present > 1) {
        throw in.unreadable();
      }
      before.put(written, present == 1 ? Optional.of(in.bytes()) : Optional.empty());
    }
    in.end();
    return new UndoRecord(before);
  }
}
