package dev.scopegate.realnode;

import org.web3j.crypto.Hash;

/**
 * A contract small enough to write as bytecode (no compiler in the build): any call emits
 * {@code Ping(uint256)} with the call's first 32-byte argument. The same code is built by
 * {@code src/test/js/contract.mjs} for the JavaScript clients.
 */
final class EventContract {
  private EventContract() {}

  static String topic() {
    return Hash.sha3String("Ping(uint256)");
  }

  /** CALLDATACOPY(0, 4, 32); LOG1(0, 32, topic); STOP — 46 bytes. */
  static String runtime() {
    return "60206004600037" + "7f" + topic().substring(2) + "60206000a1" + "00";
  }

  /** Copies the runtime (at offset 12) to memory and returns it. */
  static String creationCode() {
    return "0x602e600c600039602e6000f3" + runtime();
  }

  /** Calldata for {@code ping(uint256 value)}. */
  static String pingData(long value) {
    return Hash.sha3String("ping(uint256)").substring(0, 10) + String.format("%064x", value);
  }
}
