package dev.scopegate.devnode;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * What contracts do on the dev node, which runs no EVM. The conventions, the same in the public and
 * the private state:
 *
 * <ul>
 *   <li>A creation stores its creation data as the contract's code (and returns it as output).
 *   <li>A call to an account with code emits one log from it: topics {@code
 *       [keccak("Called(bytes)")]}, data the call's data. A call to an account without code does
 *       nothing.
 *   <li><b>Factory</b>: creation data beginning {@code 0xfac70f}. Its creation CREATEs one child
 *       (code {@link #CHILD_CODE}) at the address a CREATE from the factory with nonce 1 gets. The
 *       child shows in the trace, never in the receipt's {@code contractAddress}.
 *   <li><b>Reacher</b>: creation data {@code 0x4eac4e} followed by a 20-byte address. When called
 *       it emits its log, then CALLs that address with the same data.
 *   <li><b>Extension management</b>: code beginning {@code 0xe7e75a}. When called it emits {@code
 *       StateShared} with the call's data (ABI-encoded {@code address, string, string}).
 * </ul>
 *
 * Inner frames are given 63/64 of the gas their parent has left and use none.
 */
final class Behaviours {
  static final String FACTORY = "0xfac70f";
  static final String REACHER = "0x4eac4e";
  static final String MANAGEMENT = "0xe7e75a";
  static final String CHILD_CODE = "0xc41d00";
  static final Hash CALLED = Hash.keccak("Called(bytes)".getBytes(StandardCharsets.US_ASCII));
  private static final int MAX_DEPTH = 16;

  /** The frame of one call or creation, the logs it emitted and the contracts it made. */
  record Effect(CallFrame frame, List<Log> logs, List<Address> created) {}

  private final AccountStore state;
  private final List<Log> logs = new ArrayList<>();
  private final List<Address> created = new ArrayList<>();

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
    return new Effect(frame, run.logs, run.created);
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
    return new Effect(frame, run.logs, run.created);
  }

  private CallFrame create(
      Address sender,
      Address contract,
      String code,
      BigInteger value,
      long gas,
      long used,
      int depth) {
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
    List<CallFrame> inner = new ArrayList<>();
    String code = state.get(to).code();
    if (code.startsWith(MANAGEMENT)) {
      logs.add(new Log(to, List.of(StateShared.TOPIC), data));
    } else if (!code.equals("0x")) {
      logs.add(new Log(to, List.of(CALLED), data));
    }
    if (code.startsWith(REACHER) && code.length() >= REACHER.length() + 40 && depth < MAX_DEPTH) {
      Address target = Address.of("0x" + code.substring(REACHER.length(), REACHER.length() + 40));
      inner.add(call(to, target, data, BigInteger.ZERO, inner(gas, used), 0, depth + 1));
    }
    return new CallFrame("CALL", from, to, value, gas, used, data, "0x", inner);
  }

  private static long inner(long gas, long used) {
    return Math.max(0, gas - used) * 63 / 64;
  }
}
