package dev.scopegate.isolation;

import dev.scopegate.isolation.filter.LogsBloom;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import org.bouncycastle.jcajce.provider.digest.Keccak;
import org.junit.jupiter.api.Test;

/** Our bloom against go-ethereum's published vector and web3j's independent implementation. */
class LogsBloomTest {

  @Test
  void matchesGoEthereumsExtensiveVector() {
    // core/types/bloom9_test.go TestBloomExtensively: keccak256 of the bloom of 100 items
    byte[] bloom = new byte[LogsBloom.BYTES];
    for (int i = 0; i < 100; i++) {
      LogsBloom.add(bloom, ("xxxxxxxxxx data " + i + " yyyyyyyyyyyyyy").getBytes(StandardCharsets.UTF_8));
    }
    assertEquals(
        "c8d3ca65cdb4874300a9e39475508f23ed6da09fdbc487f89a2dcf50b09eb263",
        HexFormat.of().formatHex(new Keccak.Digest256().digest(bloom)));
  }

  @Test
  void setsThreeBitsPerItemAtTheIndicesOfItsHash() {
    byte[] bloom = new byte[LogsBloom.BYTES];
    byte[] address = HexFormat.of().parseHex(Logs.OURS.substring(2));
    LogsBloom.add(bloom, address);
    byte[] hash = new Keccak.Digest256().digest(address);
    int set = 0;
    for (byte b : bloom) {
      set += Integer.bitCount(b & 0xff);
    }
    assertTrue(set >= 1 && set <= 3, "three bits, fewer only if two indices coincide");
    for (int i = 0; i < 6; i += 2) {
      int bit = ((hash[i] & 0xff) << 8 | (hash[i + 1] & 0xff)) & 0x7ff;
      assertTrue((bloom[255 - bit / 8] & (1 << (bit % 8))) != 0, "bit " + bit);
    }
  }

  @Test
  void logsBloomAgreesWithWeb3j() {
    List<JsonNode> logs = List.of(
        Logs.log(Logs.OURS, 7, 0, Logs.TRANSFER,
            "0x000000000000000000000000ed9d02e382b34818e88b88a309c7fe71e65f419d"),
        Logs.log(Logs.PUBLIC, 7, 1));
    String bloom = LogsBloom.of(logs);
    assertEquals(Logs.web3jBloom(logs), bloom);
    assertEquals(2 + 512, bloom.length());
    assertTrue(Logs.bloomHas(bloom, Logs.OURS));
    assertTrue(Logs.bloomHas(bloom, Logs.TRANSFER));
    assertFalse(Logs.bloomHas(bloom, Logs.FOREIGN));
  }

  @Test
  void noLogsIsTheZeroBloom() {
    assertEquals("0x" + "0".repeat(512), LogsBloom.of(List.of()));
    assertEquals(LogsBloom.ZERO, LogsBloom.of(List.of()));
  }
}
