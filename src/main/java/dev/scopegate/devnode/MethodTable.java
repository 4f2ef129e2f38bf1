package dev.scopegate.devnode;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scopegate.jsonrpc.Json;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Method name → arity and handler: everything the dev node serves, as one table. */
final class MethodTable {
  /** A handler: decoded params in, result out (JSON null included). */
  @FunctionalInterface
  interface Handler {
    JsonNode call(Params params);
  }

  private record Entry(int maxArgs, Handler handler) {}

  private final Map<String, Entry> entries = new TreeMap<>();

  MethodTable add(String method, int maxArgs, Handler handler) {
    if (entries.putIfAbsent(method, new Entry(maxArgs, handler)) != null) {
      throw new IllegalArgumentException("registered twice: " + method);
    }
    return this;
  }

  JsonNode call(String method, Optional<JsonNode> params) {
    Entry entry = entries.get(method);
    if (entry == null) {
      throw NodeError.METHOD_NOT_FOUND.exception(method);
    }
    return entry.handler().call(Params.of(params, entry.maxArgs()));
  }

  /** The table of a GoQuorum node's HTTP endpoint, over {@code chain}. */
  static MethodTable forChain(Chain chain) {
    MethodTable table = new MethodTable();
    InfoMethods.register(table, chain);
    StateMethods.register(table, chain);
    BlockMethods.register(table, chain);
    TransactionMethods.register(table, chain);
    return table.add("rpc_modules", 0, params -> table.modules());
  }

  /** {@code rpc_modules}: every namespace in the table, at version 1.0. */
  private JsonNode modules() {
    ObjectNode modules = Json.MAPPER.createObjectNode();
    entries.keySet().forEach(m -> modules.put(m.substring(0, m.indexOf('_')), "1.0"));
    return modules;
  }
}
