package dev.scopegate.privacy;

import static dev.scopegate.privacy.Facts.ALICE;
import static dev.scopegate.privacy.Facts.BOB;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Values read back as written, and a damaged value is refused whole rather than half-read. */
class FactCodecTest {
  private static final String KEY = "c:" + Facts.address(1);

  @Test
  void aDamagedValueIsRefusedWithItsKey() {
    byte[] value = FactCodec.contract(Facts.contract(Facts.address(1), 4, ALICE, BOB));
    byte[] truncated = Arrays.copyOf(value, value.length - 3);
    byte[] extended = Arrays.copyOf(value, value.length + 1);
    String message =
        "privacy index record " + KEY + " is unreadable; start with --reindex to rebuild it";

    assertEquals(
        message,
        assertThrows(IndexStoreException.class, () -> FactCodec.contract(KEY, truncated))
            .getMessage());
    assertEquals(
        message,
        assertThrows(IndexStoreException.class, () -> FactCodec.contract(KEY, extended))
            .getMessage());
  }

  @Test
  void anUnknownOriginIsRefused() {
    byte[] value =
        new RecordWriter()
            .string(Facts.address(1))
            .count(0)
            .number(4)
            .string(Facts.txHash(4))
            .string("GUESSED")
            .toBytes();

    assertThrows(IndexStoreException.class, () -> FactCodec.contract(KEY, value));
  }

  @Test
  void anUndoRecordKeepsPresentAndAbsentValuesInOrder() {
    Map<String, Optional<byte[]>> before = new LinkedHashMap<>();
    before.put("t:0x02", Optional.empty());
    before.put("c:0x01", Optional.of(new byte[] {7, 0, 9}));
    before.put("head", Optional.of(new byte[0]));

    UndoRecord read = UndoRecord.parse("u:1", new UndoRecord(before).toBytes());

    assertEquals(List.of("t:0x02", "c:0x01", "head"), List.copyOf(read.before().keySet()));
    assertEquals(Optional.empty(), read.before().get("t:0x02"));
    assertArrayEquals(new byte[] {7, 0, 9}, read.before().get("c:0x01").orElseThrow());
    assertArrayEquals(new byte[0], read.before().get("head").orElseThrow());
  }
}
