package dev.scopegate.isolation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.web3j.utils.Numeric;

class FilterIdsTest {
  private static final byte[] SECRET = "shared by every replica".getBytes(StandardCharsets.UTF_8);
  /** geth's rpc.ID: 16 random bytes in hex, leading zeros trimmed, so often of odd length. */
  private static final String NODE_ID = "0x3b1c2a7f9e4d5c6b8a0f1e2d3c4b5a6";
  private static final String ALICE = "tenant:alice";
  private static final String BOB = "tenant:bob";

  private final FilterIds ids = new FilterIds(SECRET);

  @ParameterizedTest
  @ValueSource(strings = {NODE_ID, "0xd6fdc0a3c5e88d5c4e2a7b3f9e0c1d2a", "0x1", "0x0", "filter-7"})
  void nodeIdRoundTripsExactly(String nodeId) {
    String issued = ids.issue(ALICE, nodeId);

    assertEquals(Optional.of(nodeId), ids.redeem(ALICE, issued));
    assertNotEquals(nodeId, issued);
  }

  @Test
  void issuedIdIsAQuantityWithoutLeadingZeros() {
    String issued = ids.issue(ALICE, NODE_ID);

    assertTrue(issued.matches("0x1[0-9a-f]+"), issued);
    assertEquals(issued, Numeric.toHexStringWithPrefix(Numeric.decodeQuantity(issued)));
    // version byte, node id as text, 16 bytes of MAC
    assertEquals(2 * (1 + NODE_ID.length() + 16) - 1, issued.length() - 2);
  }

  @Test
  void idAsClientsResendItIsAccepted() {
    String issued = ids.issue(ALICE, NODE_ID);
    BigInteger asNumber = Numeric.decodeQuantity(issued);

    assertEquals(Optional.of(NODE_ID), ids.redeem(ALICE, Numeric.toHexStringWithPrefixSafe(asNumber)));
    assertEquals(Optional.of(NODE_ID), ids.redeem(ALICE, "0x" + issued.substring(2).toUpperCase(Locale.ROOT)));
    assertEquals(Optional.of(NODE_ID), ids.redeem(ALICE, "0X" + issued.substring(2).toUpperCase(Locale.ROOT)));
    assertEquals(Optional.of(NODE_ID), ids.redeem(ALICE, "0x000" + issued.substring(2)));
    assertEquals(Optional.of(NODE_ID), ids.redeem(ALICE, Numeric.toHexStringWithPrefixZeroPadded(asNumber, 128)));
  }

  @Test
  void anotherOwnersIdIsNotRedeemed() {
    String issued = ids.issue(ALICE, NODE_ID);

    assertEquals(Optional.empty(), ids.redeem(BOB, issued));
    assertEquals(Optional.empty(), ids.redeem("subject:alice", issued));
  }

  @Test
  void everyAlteredDigitIsRejected() {
    String issued = ids.issue(ALICE, NODE_ID);
    for (int i = 2; i < issued.length(); i++) {
      char digit = issued.charAt(i);
      char other = digit == 'a' ? 'b' : 'a';
      String altered = issued.substring(0, i) + other + issued.substring(i + 1);
      assertEquals(Optional.empty(), ids.redeem(ALICE, altered), "digit " + i);
    }
  }

  @Test
  void forgedIdForAnotherNodeFilterIsRejected() {
    String issued = ids.issue(ALICE, NODE_ID);
    String mac = issued.substring(issued.length() - 32);
    String otherNode = "0x" + Numeric.toHexStringNoPrefix(
        ("\u0001" + "0xd6fdc0a3c5e88d5c4e2a7b3f9e0c1d2a").getBytes(StandardCharsets.UTF_8)).substring(1) + mac;

    assertEquals(Optional.empty(), ids.redeem(ALICE, otherNode));
  }

  @ParameterizedTest
  @ValueSource(strings = {NODE_ID, "", "0x", "0x0", "0x1", "1abc", "0xzz", "0x01", "0x1 ", "-0x1"})
  void whatWasNeverIssuedIsNotRedeemed(String sent) {
    assertEquals(Optional.empty(), ids.redeem(ALICE, sent));
  }

  @Test
  void aReplicaWithTheSameSecretRedeems() {
    String issued = ids.issue(ALICE, NODE_ID);

    assertEquals(Optional.of(NODE_ID), new FilterIds(SECRET.clone()).redeem(ALICE, issued));
    assertEquals(Optional.of(NODE_ID), FilterIds.fromConfig("shared by every replica").redeem(ALICE, issued));
  }

  @Test
  void anotherSecretDoesNotRedeem() {
    String issued = ids.issue(ALICE, NODE_ID);

    assertEquals(Optional.empty(), new FilterIds("another secret".getBytes(StandardCharsets.UTF_8)).redeem(ALICE, issued));
  }

  @Test
  void withoutAConfiguredSecretEachProcessHasItsOwn() {
    FilterIds first = FilterIds.fromConfig("");
    FilterIds second = FilterIds.fromConfig("");
    String issued = first.issue(ALICE, NODE_ID);

    assertEquals(Optional.of(NODE_ID), first.redeem(ALICE, issued));
    assertEquals(Optional.empty(), second.redeem(ALICE, issued));
  }
}
