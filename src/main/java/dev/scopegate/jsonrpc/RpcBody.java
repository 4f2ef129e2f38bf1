package dev.scopegate.jsonrpc;

import java.util.List;

/** A decoded request body: one call, or a batch of them in request order. */
public record RpcBody(boolean batch, List<RpcCall> calls) {}
