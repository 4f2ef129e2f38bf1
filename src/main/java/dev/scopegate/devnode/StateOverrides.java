package dev.scopegate.devnode;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.web3j.crypto.Keys;

/**
 * State overrides: {@code eth_call}'s third param and {@code debug_traceCall}'s {@code
 * stateOverrides} (GoQuorum's {@code internal/ethapi/api.go}, {@code type account} and {@code
 * DoCall}; geth 1.10's {@code TraceCallConfig.StateOverrides} is the same type). Per address:
 * {@code nonce}, {@code code}, {@code balance}, and {@code state} (every slot replaced) or {@code
 * stateDiff} (slots set) — not both. As {@code EthAPIState.Set*} applies them, an address that
 * exists in the private state is overridden there, any other in the public state.
 */
record StateOverrides(Map<Address, Account> accounts) {
  static final StateOverrides NONE = new StateOverrides(Map.of());
  /** internal/ethapi/api.go {@code account}: the names keys are matched to ({@link GoKeys}). */
  private static final List<String> ACCOUNT_FIELDS =
      List.of("nonce", "code", "balance", "state", "stateDiff");

  record Account(
      OptionalLong nonce,
      Optional<String> code,
      Optional<BigInteger> balance,
      Optional<Map<Hash, Hash>> state,
      Optional<Map<Hash, Hash>> stateDiff) {

    AccountState apply(AccountState base) {
      AccountState out = base;
      if (nonce.isPresent()) {
        out = out.withNonce(nonce.getAsLong());
      }
      if (code.isPresent()) {
        out = out.withCode(code.get());
      }
      if (balance.isPresent()) {
        out = out.withBalance(balance.get());
      }
      if (state.isPresent()) {
        out = out.withStorage(state.get());
      }
      for (Map.Entry<Hash, Hash> slot : stateDiff.orElse(Map.of()).entrySet()) {
        out = out.withSlot(slot.getKey(), slot.getValue());
      }
      return out;
    }
  }

  /** Decodes the {@code map[common.Address]account} a Go client sends; null means none. */
  static StateOverrides decode(JsonNode node) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return NONE;
    }
    if (!node.isObject()) {
      throw InvalidArgument.ofType(NodeParams.kind(node), "map[common.Address]ethapi.account");
    }
    Map<Address, Account> accounts = new LinkedHashMap<>();
    var fields = node.fields();
    while (fields.hasNext()) {
      var entry = fields.next();
      Address address = Address.of(Hex.decodeFixed(entry.getKey(), 20, "common.Address"));
      if (!entry.getValue().isObject()) {
        throw InvalidArgument.ofType(NodeParams.kind(entry.getValue()), "ethapi.account");
      }
      JsonNode value = GoKeys.canonical(entry.getValue(), ACCOUNT_FIELDS);
      Account account =
          new Account(
              SendTxArgs.uint64(value, "nonce"),
              SendTxArgs.bytes(value, "code").map(Hex::data),
              SendTxArgs.big(value, "balance"),
              slots(value, "state"),
              slots(value, "stateDiff"));
      if (account.state().isPresent() && account.stateDiff().isPresent()) {
        throw NodeError.OVERRIDE_STATE_AND_DIFF.exception(Keys.toChecksumAddress(address.hex()));
      }
      accounts.put(address, account); // Go's map: a repeated address keeps the last
    }
    return new StateOverrides(accounts);
  }

  private static Optional<Map<Hash, Hash>> slots(JsonNode account, String field) {
    if (!SendTxArgs.present(account, field)) {
      return Optional.empty();
    }
    JsonNode map = account.get(field);
    if (!map.isObject()) {
      throw InvalidArgument.ofType(NodeParams.kind(map), "map[common.Hash]common.Hash");
    }
    Map<Hash, Hash> slots = new HashMap<>();
    map.fields()
        .forEachRemaining(
            slot ->
                slots.put(
                    Hash.of(Hex.decodeFixed(slot.getKey(), 32, "common.Hash")),
                    Hash.of(Hex.decodeFixed(NodeParams.text(slot.getValue(), "common.Hash"), 32, "common.Hash"))));
    return Optional.of(slots);
  }

  boolean isEmpty() {
    return accounts.isEmpty();
  }
}
