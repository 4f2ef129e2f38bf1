package dev.scopegate.isolation;

import dev.scopegate.codec.SignedTransaction;
import static dev.scopegate.isolation.Signed.ALICE;
import static dev.scopegate.isolation.Signed.BOB;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scopegate.jsonrpc.RpcError;
import dev.scopegate.jsonrpc.RpcException;
import java.util.HexFormat;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Decoding client-signed transactions: target, privacy, payload hash and signer, as geth reads
 * them.
 */
class SignedTransactionTest {
  private static final String TARGET = "0x" + "c3".repeat(20);
  private static final String PAYLOAD_HASH = "0x" + "ab".repeat(64);

  @Test
  void homesteadTransactionsNameTheirTargetAndSigner() {
    SignedTransaction tx = SignedTransaction.decode(Signed.legacy(ALICE, TARGET, "0x1234"));
    assertEquals(Optional.of(TARGET), tx.to());
    assertFalse(tx.isPrivate());
    assertEquals(ALICE.getAddress(), tx.signer());
  }

  @Test
  void eip155SignaturesCoverTheChainId() {
    SignedTransaction tx = SignedTransaction.decode(Signed.eip155(BOB, 1337, TARGET, "0x"));
    assertFalse(tx.isPrivate());
    assertEquals(BOB.getAddress(), tx.signer());
  }

  @Test
  void privateTransactionsCarryThePayloadHashAndTheirSigner() {
    SignedTransaction tx = SignedTransaction.decode(Signed.privately(BOB, TARGET, PAYLOAD_HASH));
    assertTrue(tx.isPrivate());
    assertArrayEquals(HexFormat.of().parseHex(PAYLOAD_HASH.substring(2)), tx.payloadHash());
    assertEquals(BOB.getAddress(), tx.signer());
  }

  @Test
  void creationsHaveNoTarget() {
    SignedTransaction tx = SignedTransaction.decode(Signed.privately(ALICE, null, PAYLOAD_HASH));
    assertEquals(Optional.empty(), tx.to());
    assertEquals(ALICE.getAddress(), tx.signer());
  }

  @Test
  void typedTransactionsArePublicWithATarget() {
    SignedTransaction tx = SignedTransaction.decode(Signed.typed(ALICE, 1337, TARGET));
    assertEquals(Optional.of(TARGET), tx.to());
    assertFalse(tx.isPrivate());
  }

  @Test
  void aPrivateTransactionsDataMustBeAPayloadHash() {
    SignedTransaction tx = SignedTransaction.decode(Signed.privately(ALICE, TARGET, "0x1234"));
    assertEquals(
        RpcError.INVALID_PARAMS, assertThrows(RpcException.class, tx::payloadHash).error());
  }

  @Test
  void highSSignaturesAreRefusedAsGethRefusesThem() {
    SignedTransaction tx = SignedTransaction.decode(Signed.highS(ALICE, TARGET, "0x"));
    assertEquals(RpcError.INVALID_PARAMS, assertThrows(RpcException.class, tx::signer).error());
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(
      delimiter = ';',
      value = {
        "0x;                         not a legacy",
        "0xzz;                       not a signed transaction",
        "0x80;                       not a legacy",
        "0xc0;                       wrong number of transaction fields",
        "0xc3010203;                 wrong number of transaction fields",
        "0xc9808080058080808080;     malformed to or data",
        "0xc9808080808080808080ff;   not a signed transaction", // trailing byte
        "0xca81018080808080808080;   not a signed transaction", // 0x81 0x01: long form for a byte <
                                                                // 0x80
        "0xf8090180808080808080808080; not a signed transaction", // long-form length under 56
        "0xcb80808080;               not a signed transaction", // claims 11 bytes, holds 4
        "0x03c0;                     not a legacy, type 1 or type 2 transaction",
      })
  void malformedTransactionsAreInvalidParams(String raw, String why) {
    RpcException refused = assertThrows(RpcException.class, () -> SignedTransaction.decode(raw));
    assertEquals(RpcError.INVALID_PARAMS, refused.error());
    assertTrue(refused.data().orElseThrow().startsWith(why), refused.data().orElseThrow());
  }
}
