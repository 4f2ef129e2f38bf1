package dev.scopegate.pipeline;

import dev.scopegate.jsonrpc.RpcResponse;
import java.util.List;

/**
 * The answers to a body's calls, in request order (notifications have none), and the HTTP status
 * that fits: 200, or 502/504 when the forward to the node failed as a whole.
 */
public record Reply(List<RpcResponse> responses, int httpStatus) {}
