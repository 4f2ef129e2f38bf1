package dev.scopegate.devnode;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.Optional;

/**
 * {@code *_subscribe} and {@code *_unsubscribe} as geth's handler takes them, by suffix and before
 * the method table; everything else goes to the table. Without a session (HTTP) every subscribe is
 * refused and no id is found, as geth answers over HTTP.
 */
final class SubscriptionCalls implements NodeCalls {
  private final NodeCalls table;
  private final Optional<WsSession> session;
  private final Subscriptions hub;

  SubscriptionCalls(NodeCalls table, Optional<WsSession> session, Subscriptions hub) {
    this.table = table;
    this.session = session;
    this.hub = hub;
  }

  @Override
  public JsonNode call(String method, Optional<JsonNode> params, JsonNode requestId) {
    if (method.endsWith("_subscribe")) {
      return subscribe(method.substring(0, method.indexOf('_')), params);
    }
    if (method.endsWith("_unsubscribe")) {
      return unsubscribe(params);
    }
    return table.call(method, params, requestId);
  }

  private JsonNode subscribe(String namespace, Optional<JsonNode> params) {
    WsSession connection = session.orElseThrow(NodeError.NOTIFICATIONS_UNSUPPORTED::exception);
    String name = name(params);
    boolean eth = namespace.equals("eth");
    if (eth) {
      hub.requested().count(name);
    }
    SubscriptionKind kind =
        (eth ? SubscriptionKind.named(name) : Optional.<SubscriptionKind>empty())
            .orElseThrow(
                () ->
                    NodeError.NO_SUCH_SUBSCRIPTION.exception(
                        "\"" + name + "\" subscription in " + namespace));
    NodeParams args = NodeParams.of(params, kind.maxArgs());
    LogsCriteria criteria =
        kind == SubscriptionKind.LOGS ? criteria(params, args) : LogsCriteria.ANY;
    return TextNode.valueOf(connection.subscribe(kind, criteria));
  }

  /** geth's {@code parseSubscriptionName}: the first of an array of params, a string. */
  private static String name(Optional<JsonNode> params) {
    if (params.isEmpty() || !params.get().isArray()) {
      throw NodeError.INVALID_PARAMS.exception("non-array args");
    }
    JsonNode first = params.get().path(0);
    if (!first.isTextual()) {
      throw NodeError.INVALID_PARAMS.exception("expected subscription name as first argument");
    }
    return first.textValue();
  }

  /** Required, but an explicit null decodes as no criteria (geth's custom unmarshaller). */
  private static LogsCriteria criteria(Optional<JsonNode> params, NodeParams args) {
    if (params.get().size() < 2) {
      throw NodeError.INVALID_PARAMS.exception("missing value for required argument 1");
    }
    return args.optional(1).isEmpty() ? LogsCriteria.ANY : args.get(1, LogsCriteria::decode);
  }

  private JsonNode unsubscribe(Optional<JsonNode> params) {
    String id = NodeParams.of(params, 1).get(0, SubscriptionCalls::id);
    if (!session.map(connection -> connection.unsubscribe(id)).orElse(false)) {
      throw NodeError.SUBSCRIPTION_NOT_FOUND.exception();
    }
    return BooleanNode.TRUE;
  }

  private static String id(JsonNode json) {
    if (!json.isTextual()) {
      throw InvalidArgument.ofType(NodeParams.kind(json), "rpc.ID");
    }
    return json.textValue();
  }
}
