package dev.scopegate.devnode;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What contracts do on the dev node, which runs no EVM. The conventions, the same in the public and
 * the private state:
 *
 * <ul>
 *   <li>A creation stores its creation data as the contract's code (and returns it as output).
 *   <li>A call to an account with code emits one log from the account whose context runs (the
 *       callee; the caller for DELEGATECALL and CALLCODE): topics {@code [keccak("Called(bytes)")]},
 *       data the call's data. A call to an account without code does nothing and returns {@code
 *       0x}.
 *   <li>Storage: slot 0 holds keccak(code) until written ({@link Storage}). A call reads slot 0
 *       (SLOAD) of its context and returns it, unless the contract is one of the kinds below.
 *   <li><b>Factory</b>: creation data beginning {@code 0xfac70f}. Its creation CREATEs one child
 *       (code {@link #CHILD_CODE}) at the address a CREATE from the factory with nonce 1 gets. The
 *       child shows in the trace, never in the receipt's {@code contractAddress}.
 *   <li><b>Reacher</b>: creation data {@code 0x4eac4e} followed by a 20-byte address. When called
 *       it emits its log, then CALLs that address with the same data and returns what it returned.
 *   <li><b>Code reader</b>: creation data {@code 0xc0de4e} followed by a 20-byte address. When
 *       called it emits its log and returns that address's code, read as EXTCODECOPY reads it.
 *   <li><b>Toucher</b>: code {@code 0x70c4ed}, one EVM opcode byte ({@link Touch}), an operand.
 *       When called it emits its log and touches as the opcode does: CALL, CALLCODE, DELEGATECALL,
 *       STATICCALL the operand address with the same data (returning its output); EXTCODESIZE,
 *       EXTCODECOPY, EXTCODEHASH, BALANCE of it (returning the word or code read); SELFDESTRUCT
 *       sends its balance to it and removes itself; CREATE and CREATE2 (salt 0) create a child whose
 *       code is the operand, then CALL the child with the same data (a CREATE2 child that exists
 *       already is only called, where the EVM's CREATE2 would fail).
 *   <li><b>Constructor touch</b>: creation data {@code 0xc7047c} followed by an opcode byte and an
 *       operand: while being created, the contract touches as a toucher with that opcode would
 *       when called with no data (init code calling out). Called later, it behaves as a plain
 *       contract.
 *   <li><b>Vault</b>: code beginning {@code 0x5afe00}. Called with 64 bytes (slot, word) it stores
 *       the word (SSTORE) and returns the slot's previous word; with 32 bytes (slot) it returns the
 *       slot's word (SLOAD); otherwise as a plain contract.
 *   <li><b>Extension management</b>: code beginning {@code 0xe7e75a}. When called it emits {@code
 *       StateShared} with the call's data (ABI-encoded {@code address, string, string}).
 * </ul>
 *
 * A static context (STATICCALL and below) emits no log and writes nothing, where the EVM would
 * revert. Inner frames are given 63/64 of the gas their parent has left and use none. What a trace
 * reports of each touch is geth's: frames for calls, creations and self-destructs ({@code
 * call_tracer.js}); the accounts {@code prestate_tracer.js} looks up ({@link Effect#touched}).
 */
final class Behaviours {
  static final String FACTORY = "0xfac70f";
  static final String REACHER = "0x4eac4e";
  static final String CODE_READER = "0xc0de4e";
  static final String TOUCHER = "0x70c4ed";
  static final String CONSTRUCTOR_TOUCH = "0xc7047c";
  static final String VAULT = "0x5afe00";
  static final String MANAGEMENT = "0xe7e75a";
  static final String CHILD_CODE = "0xc41d00";
  static final Hash CALLED = Hash.keccak("Called(bytes)".getBytes(StandardCharsets.US_ASCII));
  private static final int MAX_DEPTH = 16;

  /** The opcodes a toucher can perform, by their EVM byte. */
  enum Touch {
    CALL(0xf1),
    CALLCODE(0xf2),
    DELEGATECALL(0xf4),
    STATICCALL(0xfa),
    CREATE(0xf0),
    CREATE2(0xf5),
    EXTCODESIZE(0x3b),
    EXTCODECOPY(0x3c),
    EXTCODEHASH(0x3f),
    BALANCE(0x31),
    SELFDESTRUCT(0xff);

    final int opcode;

    Touch(int opcode) {
      this.opcode = opcode;
    }

    String hex() {
      return String.format("%02x", opcode);
    }

    static Optional<Touch> of(String hexByte) {
      for (Touch touch : values()) {
        if (touch.hex().equals(hexByte)) {
          return Optional.of(touch);
        }
      }
      return Optional.empty();
    }
  }

  /**
   * The frame of one call or creation, the logs it emitted, the contracts it made, every account
   * geth's prestate tracer looks up (in the order first touched: sender, callee, every CALL,
   * CALLCODE, DELEGATECALL, STATICCALL, CREATE, CREATE2 target and EXTCODESIZE, EXTCODECOPY,
   * BALANCE operand — {@code prestate_tracer.js}, GoQuorum 21.x, has no EXTCODEHASH and no
   * SELFDESTRUCT case), and the storage slots it read or wrote, by account.
   */
  record Effect(
      CallFrame frame,
      List<Log> logs,
      List<Address> created,
      Set<Address> touched,
      Map<Address, Set<Hash>> storageRead) {}

  private record Output(String output, List<CallFrame> calls) {}

  private final AccountStore state;
  private final List<Log> logs = new ArrayList<>();
  private final List<Address> created = new ArrayList<>();
  private final Set<Address> touched = new LinkedHashSet<>();
  private final Map<Address, Set<Hash>> storageRead = new LinkedHashMap<>();

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
    CallFrame frame = run.create("CREATE", sender, contract, code, value, gas, gasUsed, 0);
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
    CallFrame frame = run.call(Touch.CALL, from, to, data, value, gas, gasUsed, 0, false);
    return run.effect(frame);
  }

  private Effect effect(CallFrame frame) {
    return new Effect(frame, logs, created, touched, storageRead);
  }

  private CallFrame create(
      String type,
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
          create(
              "CREATE", contract, child, CHILD_CODE, BigInteger.ZERO, inner(gas, used), 0,
              depth + 1));
    }
    if (code.startsWith(CONSTRUCTOR_TOUCH) && depth < MAX_DEPTH) {
      String touch = TOUCHER + code.substring(CONSTRUCTOR_TOUCH.length());
      inner.addAll(run(contract, touch, "0x", gas - used, depth, false).calls());
    }
    return new CallFrame(type, sender, contract, value, gas, used, code, code, inner);
  }

  /**
   * A call of kind {@code type} from {@code caller} to {@code to}: CALL and STATICCALL run {@code
   * to}'s code in its own context, CALLCODE and DELEGATECALL run it in the caller's.
   */
  private CallFrame call(
      Touch type,
      Address caller,
      Address to,
      String data,
      BigInteger value,
      long gas,
      long used,
      int depth,
      boolean readOnly) {
    touched.add(caller);
    touched.add(to);
    String code = state.get(to).code();
    if (code.equals("0x")) {
      return new CallFrame(type.name(), caller, to, value, gas, used, data, "0x", List.of());
    }
    boolean inCaller = type == Touch.DELEGATECALL || type == Touch.CALLCODE;
    Output out =
        run(inCaller ? caller : to, code, data, gas - used, depth, readOnly || type == Touch.STATICCALL);
    return new CallFrame(type.name(), caller, to, value, gas, used, data, out.output(), out.calls());
  }

  /** Runs {@code code} in the context of {@code self} (its storage, balance and logs). */
  private Output run(Address self, String code, String data, long gas, int depth, boolean readOnly) {
    if (!readOnly) {
      logs.add(new Log(self, List.of(code.startsWith(MANAGEMENT) ? StateSharedEvent.TOPIC : CALLED), data));
    }
    Optional<Address> reached = target(code, REACHER).filter(target -> depth < MAX_DEPTH);
    if (reached.isPresent()) {
      CallFrame inner =
          call(Touch.CALL, self, reached.get(), data, BigInteger.ZERO, inner(gas, 0), 0, depth + 1, readOnly);
      return new Output(inner.output(), List.of(inner));
    }
    Optional<Address> read = target(code, CODE_READER);
    if (read.isPresent()) {
      touched.add(read.get());
      return new Output(state.get(read.get()).code(), List.of());
    }
    if (code.startsWith(TOUCHER) && code.length() >= TOUCHER.length() + 2) {
      Optional<Touch> touch = Touch.of(code.substring(TOUCHER.length(), TOUCHER.length() + 2));
      if (touch.isPresent() && depth < MAX_DEPTH) {
        String operand = "0x" + code.substring(TOUCHER.length() + 2);
        return touch(touch.get(), self, operand, data, gas, depth, readOnly);
      }
    }
    if (code.startsWith(VAULT) && (data.length() == 2 + 64 || data.length() == 2 + 128)) {
      return vault(self, data, readOnly);
    }
    return new Output(load(self, Hash.ZERO).hex(), List.of());
  }

  private Output touch(
      Touch touch, Address self, String operand, String data, long gas, int depth, boolean readOnly) {
    if (touch == Touch.CREATE || touch == Touch.CREATE2) {
      return createThenCall(touch, self, operand, data, gas, depth, readOnly);
    }
    if (operand.length() != 42) {
      return new Output("0x", List.of());
    }
    Address target = Address.of(operand);
    AccountState account = state.get(target);
    return switch (touch) {
      case CALL, CALLCODE, DELEGATECALL, STATICCALL -> {
        CallFrame inner =
            call(touch, self, target, data, BigInteger.ZERO, inner(gas, 0), 0, depth + 1, readOnly);
        yield new Output(inner.output(), List.of(inner));
      }
      case EXTCODESIZE -> {
        touched.add(target);
        yield new Output(word(BigInteger.valueOf(Hex.decodeData(account.code(), null).length)), List.of());
      }
      case EXTCODECOPY -> {
        touched.add(target);
        yield new Output(account.code(), List.of());
      }
      // EIP-1052: zero for an account that does not exist, else keccak of its code.
      case EXTCODEHASH ->
          new Output(account.isEmpty() ? Hash.ZERO.hex() : Storage.codeHash(account).hex(), List.of());
      case BALANCE -> {
        touched.add(target);
        yield new Output(word(account.balance()), List.of());
      }
      case SELFDESTRUCT -> selfDestruct(self, target, readOnly);
      case CREATE, CREATE2 -> throw new IllegalStateException("handled above");
    };
  }

  /**
   * SELFDESTRUCT: the balance goes to the beneficiary and the account is removed. geth's callTracer
   * reports it as a frame {type, from, to, value} ({@code call_tracer.js}); its prestate tracer does
   * not look the beneficiary up.
   */
  private Output selfDestruct(Address self, Address beneficiary, boolean readOnly) {
    if (readOnly) {
      return new Output("0x", List.of());
    }
    BigInteger balance = state.get(self).balance();
    CallFrame frame =
        new CallFrame("SELFDESTRUCT", self, beneficiary, balance, 0, 0, "0x", "0x", List.of());
    if (!beneficiary.equals(self)) {
      state.put(beneficiary, state.get(beneficiary).credit(balance));
    }
    state.put(self, AccountState.EMPTY);
    return new Output("0x", List.of(frame));
  }

  private Output createThenCall(
      Touch touch, Address self, String childCode, String data, long gas, int depth, boolean readOnly) {
    if (readOnly) {
      return new Output("0x", List.of());
    }
    AccountState creator = state.get(self);
    Address child =
        touch == Touch.CREATE
            ? ContractAddress.of(self, creator.nonce())
            : create2Address(self, Hash.ZERO, childCode);
    List<CallFrame> frames = new ArrayList<>();
    touched.add(child);
    if (state.get(child).code().equals("0x")) {
      state.put(self, creator.withNonce(creator.nonce() + 1));
      frames.add(create(touch.name(), self, child, childCode, BigInteger.ZERO, inner(gas, 0), 0, depth + 1));
    }
    CallFrame called =
        call(Touch.CALL, self, child, data, BigInteger.ZERO, inner(gas, 0), 0, depth + 1, false);
    frames.add(called);
    return new Output(called.output(), frames);
  }

  private Output vault(Address self, String data, boolean readOnly) {
    Hash slot = Hash.of("0x" + data.substring(2, 66));
    Hash previous = load(self, slot);
    if (data.length() == 2 + 128 && !readOnly) {
      state.put(self, state.get(self).withSlot(slot, Hash.of("0x" + data.substring(66))));
    }
    return new Output(previous.hex(), List.of());
  }

  /** SLOAD: the slot's word, noted for the prestate tracer. */
  private Hash load(Address self, Hash slot) {
    storageRead.computeIfAbsent(self, a -> new LinkedHashSet<>()).add(slot);
    return Storage.value(state.get(self), slot);
  }

  /** EIP-1014: keccak(0xff ++ creator ++ salt ++ keccak(init code))[12:]. */
  static Address create2Address(Address creator, Hash salt, String initCode) {
    byte[] preimage = new byte[1 + 20 + 32 + 32];
    preimage[0] = (byte) 0xff;
    System.arraycopy(creator.bytes(), 0, preimage, 1, 20);
    System.arraycopy(salt.bytes(), 0, preimage, 21, 32);
    System.arraycopy(Keccak.hash256(Hex.decodeData(initCode, null)), 0, preimage, 53, 32);
    byte[] hash = Keccak.hash256(preimage);
    return Address.of(java.util.Arrays.copyOfRange(hash, 12, 32));
  }

  private static String word(BigInteger value) {
    String digits = value.toString(16);
    return "0x" + "0".repeat(64 - digits.length()) + digits;
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
