package dev.scopegate.jsonrpc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns a request body into calls. Whole-body problems (malformed JSON, an empty or oversized
 * batch, a body that is neither object nor array) raise an {@link RpcException}; problems of one
 * element become an {@link RpcCall.Invalid} so that the rest of a batch proceeds.
 */
public final class RequestDecoder {
  private final int maxBatchSize;

  public RequestDecoder(int maxBatchSize) {
    this.maxBatchSize = maxBatchSize;
  }

  public RpcBody decode(byte[] body) {
    JsonNode root;
    BitSet duplicates;
    Map<Integer, String> idTexts;
    try {
      root = Json.read(body);
      BodyScan.Found found = BodyScan.scan(body);
      duplicates = found.duplicates();
      idTexts = found.idTexts();
    } catch (IOException | NumberFormatException e) {
      // Jackson reports a number it cannot hold (1e2111…) as NumberFormatException (fuzz-found)
      throw RpcError.PARSE_ERROR.exception();
    }
    if (root == null || root.isMissingNode()) {
      throw RpcError.PARSE_ERROR.exception();
    }
    if (root.isObject()) {
      return new RpcBody(false, List.of(exactId(call(root, duplicates.get(0)), idTexts.get(0))));
    }
    if (!root.isArray()) {
      throw RpcError.INVALID_REQUEST.exception();
    }
    if (root.isEmpty()) {
      throw RpcError.INVALID_REQUEST.withData("empty batch");
    }
    if (root.size() > maxBatchSize) {
      throw RpcError.BATCH_TOO_LARGE.withData("at most " + maxBatchSize + " calls per batch");
    }
    List<RpcCall> calls = new ArrayList<>(root.size());
    for (int i = 0; i < root.size(); i++) {
      calls.add(exactId(call(root.get(i), duplicates.get(i)), idTexts.get(i)));
    }
    return new RpcBody(true, calls);
  }

  /** The call with its numeric id replaced by one that writes the id's text as sent. */
  private static RpcCall exactId(RpcCall call, String text) {
    if (text == null) {
      return call;
    }
    Optional<JsonNode> id = Optional.of(RawNumber.of(text));
    if (call instanceof RpcRequest r && r.id().isPresent()) {
      return new RpcRequest(id, r.method(), r.params());
    }
    if (call instanceof RpcCall.Invalid i && i.id().filter(JsonNode::isNumber).isPresent()) {
      return new RpcCall.Invalid(id, i.error());
    }
    return call;
  }

  /** Validates one element; see the README's wire rules. */
  static RpcCall call(JsonNode node, boolean duplicateKey) {
    Optional<JsonNode> anonymous = Optional.of(NullNode.getInstance());
    if (!node.isObject()) {
      return new RpcCall.Invalid(anonymous, RpcError.INVALID_REQUEST.withData("not a request object"));
    }
    if (duplicateKey) {
      return new RpcCall.Invalid(anonymous, RpcError.DUPLICATE_KEY.exception());
    }
    JsonNode id = node.get("id");
    if (id != null && !(id.isTextual() || id.isNumber() || id.isNull())) {
      return invalid(anonymous, "id must be a string, a number or null");
    }
    Optional<JsonNode> answerId = Optional.ofNullable(id).or(() -> anonymous);
    JsonNode version = node.get("jsonrpc");
    if (version == null || !version.isTextual() || !version.textValue().equals("2.0")) {
      return invalid(answerId, "jsonrpc must be \"2.0\"");
    }
    JsonNode method = node.get("method");
    if (method == null || !method.isTextual() || method.textValue().isEmpty()) {
      return invalid(answerId, "method must be a non-empty string");
    }
    JsonNode params = node.get("params");
    if (params != null && params.isNull()) {
      params = null;
    }
    if (params != null && !params.isArray() && !params.isObject()) {
      return invalid(answerId, "params must be an array or an object");
    }
    return new RpcRequest(Optional.ofNullable(id), method.textValue(), Optional.ofNullable(params));
  }

  private static RpcCall invalid(Optional<JsonNode> id, String why) {
    return new RpcCall.Invalid(id, RpcError.INVALID_REQUEST.withData(why));
  }
}
