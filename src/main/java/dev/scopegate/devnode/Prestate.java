package dev.scopegate.devnode;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scopegate.jsonrpc.Json;
import java.util.Map;
import java.util.Set;

/**
 * geth's {@code prestateTracer} result: every account the call touched, as it was before it —
 * {@code balance} (hex), {@code nonce} (a JSON number), {@code code} and the {@code storage} slots
 * the call read or wrote that hold something. Touched is what GoQuorum's {@code
 * eth/tracers/internal/tracers/prestate_tracer.js} looks up ({@link Behaviours.Effect#touched}).
 */
final class Prestate {
  private Prestate() {}

  /** The accounts a run touched as they were before it, and the slots it read or wrote. */
  record Snapshot(Map<Address, AccountState> accounts, Map<Address, Set<Hash>> slots) {
    Snapshot {
      accounts = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(accounts));
      slots = Map.copyOf(slots);
    }
  }

  static ObjectNode render(Simulation simulation) {
    return render(new Snapshot(simulation.prestate(), simulation.effect().storageRead()));
  }

  static ObjectNode render(Snapshot snapshot) {
    ObjectNode json = Json.MAPPER.createObjectNode();
    snapshot
        .accounts()
        .forEach(
            (address, account) -> {
              ObjectNode entry =
                  json.putObject(address.hex())
                      .put("balance", Hex.quantity(account.balance()))
                      .put("nonce", account.nonce())
                      .put("code", account.code());
              ObjectNode storage = entry.putObject("storage");
              for (Hash slot : snapshot.slots().getOrDefault(address, Set.of())) {
                Hash word = Storage.value(account, slot);
                if (!word.equals(Hash.ZERO)) {
                  storage.put(slot.hex(), word.hex());
                }
              }
            });
    return json;
  }
}
