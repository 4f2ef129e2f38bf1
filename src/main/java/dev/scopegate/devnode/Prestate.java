package dev.scopegate.devnode;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scopegate.jsonrpc.Json;

/**
 * geth's {@code prestateTracer} result: every account the call touched, as it was before it —
 * {@code balance} (hex), {@code nonce} (a JSON number), {@code code} and the {@code storage} slots
 * the call read that hold something. Touched means called, created, or read without a call (a code
 * reader's target).
 */
final class Prestate {
  private Prestate() {}

  static ObjectNode render(Simulation simulation) {
    ObjectNode json = Json.MAPPER.createObjectNode();
    simulation
        .prestate()
        .forEach(
            (address, account) -> {
              ObjectNode entry =
                  json.putObject(address.hex())
                      .put("balance", Hex.quantity(account.balance()))
                      .put("nonce", account.nonce())
                      .put("code", account.code());
              ObjectNode storage = entry.putObject("storage");
              Hash word = Storage.value(account, Hash.ZERO);
              if (simulation.effect().storageRead().contains(address) && !word.equals(Hash.ZERO)) {
                storage.put(Hash.ZERO.hex(), word.hex());
              }
            });
    return json;
  }
}
