package dev.scopegate.devnode;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigInteger;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.ContractUtils;
import org.web3j.crypto.Hash;

/** The hash and the contract address against independent implementations. */
class HashingTest {

  @Test
  void keccakOfEmptyInputIsTheKnownValue() {
    assertEquals(
        "c5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470",
        HexFormat.of().formatHex(Keccak.hash256(new byte[0])));
  }

  @Test
  void keccakAgreesWithWeb3jAcrossBlockBoundaries() {
    Random random = new Random(42);
    for (int length = 0; length <= 300; length++) {
      byte[] input = new byte[length];
      random.nextBytes(input);
      assertArrayEquals(Hash.sha3(input), Keccak.hash256(input), "length " + length);
    }
  }

  @Test
  void contractAddressesAreThoseOfARealChain() {
    Address sender = Address.of("0xed9d02e382b34818e88b88a309c7fe71e65f419d");
    for (long nonce : new long[] {0, 1, 0x7f, 0x80, 0xff, 0x100, 70_000, Long.MAX_VALUE}) {
      assertEquals(
          ContractUtils.generateContractAddress(sender.hex(), BigInteger.valueOf(nonce)),
          ContractAddress.of(sender, nonce).hex(),
          "nonce " + nonce);
    }
  }
}
