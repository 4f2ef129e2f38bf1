package dev.scopegate.devnode;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What contracts do on the dev node, which runs no EVM. The conventions, the same in the public and
 * the private state:
 *
 * <ul>
 *   <li>A creation stores its creation data as the contract's code (and returns it as output).
 *   <li>A call to an account with code emits one log from it: topics {@code
 *       [keccak("Called(bytes)")]}, data the call's data. A call to an account without code does
 *       nothing and returns {@code 0x}.
 *   <li>A contract's storage is one word: slot 0 holds keccak(code) ({@link Storage}). A call reads
 *       it (SLOAD) and returns it, unless the contract is one of the kinds below.
 *   <li><b>Factory</b>: creation data beginning {@code 0xfac70f}. Its creation CREATEs one child
 *       (code {@link #CHILD_CODE}) at the address a CREATE from the factory with nonce 1 gets. The
 *       child shows in the trace, never in the receipt's {@code contractAddress}.
 *   <li><b>Reacher</b>: creation data {@code 0x4eac4e} followed by a 20-byte address. When called
 *       it emits its log, then CALLs that address with the same data and returns what it returned.
 *   <li><b>Code reader</b>: creation data {@code 0xc0de4e} followed by a 20-byte address. When
 *       called it emits its log and returns that address's code, read as EXTCODECOPY reads it: the
 *       target is touched (a prestate trace shows it) but not called (no frame, no log).
 *   <li><b>Extension management</b>: code beginning {@code 0xe7e75a}. When called it emits {@code
 *       StateShared} with the call's data (ABI-encoded {@code address, string, string}).
 * </ul>
 *
 * Inner frames are given 63/64 of the gas their parent has left and use none.
 */
final class Behaviours {
  static final String FACTORY = "0xfac70f";
  static final String REACHER = "0x4eac4e";
  static final String CODE_READER = "0xc0de4e";
  static final String MANAGEMENT = "0xe7e75a";
  static final String CHILD_CODE = "0xc41d00";
  static final Hash CALLED = Hash.keccak("Called(bytes)".getBytes(StandardCharsets.US_ASCII));
  private static final int MAX_DEPTH = 16;

  /**
   * The frame of one call or creation, the logs it emitted, the contracts it made, every account it
   * touched (in the order first touched) and the contracts whose slot 0 it read.
   */
  record Effect(
      CallFrame frame,
      List<Log> logs,
      List<Address> created,
      Set<Address> touched,
      Set<Address> storageRead) {}

  private final AccountStore state;
  private final List<Log> logs = new ArrayList<>();
  private final List<Address> created = new ArrayList<>();
  private final Set<Address> touched = new LinkedHashSet<>();
  private final Set<Address> storageRead = new LinkedHashSet<>();

  private Behaviours(AccountStore state) {
    this.state = state;
  }

  /** Creates {@code contract} with {@code code}; the sender's nonce is the caller's business. */
  static Effect create(
      AccountStore state,
      Address sender,
      Address contract,
      String code,
      BigInteger value,
      long gas,
      long gasUsed) {
    Behaviours run = new Behaviours(state);
    CallFrame frame = run.create(sender, contract, code, value, gas, gasUsed, 0);
    return run.effect(frame);
  }

  /** Calls {@code to} with {@code data}; value transfers are the caller's business. */
  static Effect call(
      AccountStore state,
      Address from,
      Address to,
      String data,
      BigInteger value,
      long gas,
      long gasUsed) {
    Behaviours run = new Behaviours(state);
    CallFrame frame = run.call(from, to, data, value, gas, gasUsed, 0);
    return run.effect(frame);
  }

  private Effect effect(CallFrame frame) {
    return new Effect(frame, logs, created, touched, storageRead);
  }

  private CallFrame create(
      Address sender,
      Address contract,
      String code,
      BigInteger value,
      long gas,
      long used,
      int depth) {
    touched.add(sender);
    touched.add(contract);
    AccountState existing = state.get(contract);
    state.put(contract, new AccountState(existing.balance().add(value), 1, code));
    created.add(contract);
    List<CallFrame> inner = new ArrayList<>();
    if (code.startsWith(FACTORY) && depth < MAX_DEPTH) {
      Address child = ContractAddress.of(contract, 1);
      state.put(contract, state.get(contract).withNonce(2));
      inner.add(
          create(contract, child, CHILD_CODE, BigInteger.ZERO, inner(gas, used), 0, depth + 1));
    }
    return new CallFrame("CREATE", sender, contract, value, gas, used, code, code, inner);
  }

  private CallFrame call(
      Address from, Address to, String data, BigInteger value, long gas, long used, int depth) {
    touched.add(from);
    touched.add(to);
    String code = state.get(to).code();
    if (code.equals("0x")) {
      return new CallFrame("CALL", from, to, value, gas, used, data, "0x", List.of());
    }
    logs.add(new Log(to, List.of(code.startsWith(MANAGEMENT) ? StateShared.TOPIC : CALLED), data));
    Optional<Address> reached = target(code, REACHER).filter(target -> depth < MAX_DEPTH);
    Optional<Address> read = target(code, CODE_READER);
    if (reached.isPresent()) {
      CallFrame inner =
          call(to, reached.get(), data, BigInteger.ZERO, inner(gas, used), 0, depth + 1);
      return new CallFrame(
          "CALL", from, to, value, gas, used, data, inner.output(), List.of(inner));
    }
    if (read.isPresent()) {
      touched.add(read.get());
      String targetCode = state.get(read.get()).code();
      return new CallFrame("CALL", from, to, value, gas, used, data, targetCode, List.of());
    }
    storageRead.add(to);
    String word = Storage.slot0(code).hex();
    return new CallFrame("CALL", from, to, value, gas, used, data, word, List.of());
  }

  /** The address a reacher or code reader names after its 3-byte marker. */
  private static Optional<Address> target(String code, String marker) {
    int start = marker.length();
    if (!code.startsWith(marker) || code.length() < start + 40) {
      return Optional.empty();
    }
    return Optional.of(Address.of("0x" + code.substring(start, start + 40)));
  }

  private static long inner(long gas, long used) {
    return Math.max(0, gas - used) * 63 / 64;
  }
}
