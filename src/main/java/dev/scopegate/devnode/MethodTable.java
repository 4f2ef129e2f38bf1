package dev.scopegate.devnode;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scopegate.jsonrpc.Json;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Method name → arity and handler: everything the dev node serves, as one table. */
final class MethodTable {
  /** What a GoQuorum node started with the usual {@code --rpcapi} answers to rpc_modules. */
  private static final List<String> MODULES =
      List.of("eth", "net", "web3", "debug", "personal", "txpool", "rpc");

  /** A handler: decoded params in, result out (JSON null included). */
  @FunctionalInterface
  interface Handler {
    JsonNode call(NodeParams params);
  }

  private record Entry(int maxArgs, Handler handler) {}

  private final Map<String, Entry> entries = new TreeMap<>();

  MethodTable add(String method, int maxArgs, Handler handler) {
    if (entries.putIfAbsent(method, new Entry(maxArgs, handler)) != null) {
      throw new IllegalArgumentException("registered twice: " + method);
    }
    return this;
  }

  JsonNode call(String method, Optional<JsonNode> params, JsonNode requestId) {
    Entry entry = entries.get(method);
    if (entry == null) {
      throw NodeError.METHOD_NOT_FOUND.exception(method);
    }
    return entry.handler().call(NodeParams.of(params, entry.maxArgs(), requestId));
  }

  /** The table of a GoQuorum node's HTTP endpoint, over {@code chain}. */
  static MethodTable forChain(Chain chain, DevNodeOptions options, AsyncSend async) {
    MethodTable table = new MethodTable();
    InfoMethods.register(table, chain);
    StateMethods.register(table, chain);
    ProofMethods.register(table, chain);
    PayloadMethods.register(table, chain);
    CallMethods.register(table, chain);
    LogMethods.register(table, chain);
    Filters filters = new Filters();
    chain.listen(filters);
    FilterMethods.register(table, chain, filters);
    BlockMethods.register(table, chain);
    TransactionMethods.register(table, chain, options);
    async.register(table, chain);
    SigningMethods.register(table, chain);
    RawMethods.register(table, chain);
    FillTransaction.register(table, chain);
    PrivacyMethods.register(table, chain, options);
    ExtensionMethods.register(table, chain);
    if (options.debugApi()) {
      TraceMethods.register(table, chain);
    }
    ObjectNode modules = Json.MAPPER.createObjectNode();
    MODULES.stream()
        .filter(module -> options.debugApi() || !module.equals("debug"))
        .forEach(module -> modules.put(module, "1.0"));
    return table.add("rpc_modules", 0, params -> modules.deepCopy());
  }
}
