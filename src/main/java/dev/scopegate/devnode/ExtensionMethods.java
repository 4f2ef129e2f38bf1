package dev.scopegate.devnode;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.List;

/**
 * GoQuorum's {@code quorumExtension} API (extension/api.go) as far as the extension flow needs it:
 * {@code extendContract(toExtend, newRecipientPtmPublicKey, recipientAddr, txArgs)} and {@code
 * approveExtension(addressToVoteOn, vote, txArgs)}, each answering the transaction hash.
 */
final class ExtensionMethods {
  private ExtensionMethods() {}

  static void register(MethodTable table, Chain chain) {
    String defaultKey = chain.tessera().keys().get(0);
    table
        .add("quorumExtension_extendContract", 4, p -> {
          Address toExtend = p.address(0);
          String recipientKey = p.get(1, node -> NodeParams.text(node, "string"));
          Address recipient = p.address(2);
          JsonNode args = p.get(3, node -> GoKeys.canonical(node, SendTxArgs.FIELDS));
          return hash(Extensions.extendContract(chain, toExtend, recipientKey, recipient,
              from(args), privateFrom(args, defaultKey), privateFor(args)));
        })
        .add("quorumExtension_approveExtension", 3, p -> {
          Address management = p.address(0);
          boolean vote = p.get(1, ExtensionMethods::bool);
          JsonNode args = p.get(2, node -> GoKeys.canonical(node, SendTxArgs.FIELDS));
          return hash(Extensions.approve(chain, management, vote, from(args), privateFrom(args, defaultKey), privateFor(args)));
        });
  }

  private static Address from(JsonNode args) {
    return SendTxArgs.present(args, "from") ? SendTxArgs.address(args.get("from")) : Address.ZERO;
  }

  private static String privateFrom(JsonNode args, String defaultKey) {
    return SendTxArgs.present(args, "privateFrom") ? NodeParams.text(args.get("privateFrom"), "string") : defaultKey;
  }

  private static List<String> privateFor(JsonNode args) {
    if (!SendTxArgs.present(args, "privateFor")) {
      return List.of();
    }
    JsonNode keys = args.get("privateFor");
    if (!keys.isArray()) {
      throw InvalidArgument.ofType(NodeParams.kind(keys), "[]string");
    }
    return java.util.stream.StreamSupport.stream(keys.spliterator(), false)
        .map(key -> NodeParams.text(key, "string")).toList();
  }

  private static boolean bool(JsonNode node) {
    if (!node.isBoolean()) {
      throw InvalidArgument.ofType(NodeParams.kind(node), "bool");
    }
    return node.booleanValue();
  }

  private static JsonNode hash(MinedTransaction mined) {
    return TextNode.valueOf(mined.transaction().hash().hex());
  }
}
