package dev.scopegate.jsonrpc;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/** One element of a request body: a well-formed request, or the reason it is not one. */
public sealed interface RpcCall permits RpcRequest, RpcCall.Invalid {

  /** The id to answer with; absent for a notification (which gets no answer). */
  Optional<JsonNode> id();

  /** An element that is not a valid request; answered with {@code error} and {@code id}. */
  record Invalid(Optional<JsonNode> id, RpcException error) implements RpcCall {}
}
