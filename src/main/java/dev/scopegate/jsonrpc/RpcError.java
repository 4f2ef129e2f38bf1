package dev.scopegate.jsonrpc;

/**
 * Every error Scopegate itself returns: its JSON-RPC code, its message and, when it decides a
 * whole HTTP exchange, the HTTP status. Messages that GoQuorum defines are kept verbatim.
 */
public enum RpcError {
  PARSE_ERROR(-32700, "parse error", 200),
  INVALID_REQUEST(-32600, "invalid request", 200),
  DUPLICATE_KEY(-32600, "invalid request: duplicate key", 200),
  BODY_TOO_LARGE(-32600, "request body too large", 413),
  BATCH_TOO_LARGE(-32005, "batch too large", 200),
  // geth's words (rpc/errors.go, methodNotFoundError.Error)
  METHOD_NOT_FOUND(-32601, "the method %s does not exist/is not available", 200),
  INVALID_PARAMS(-32602, "invalid params", 200),
  INTERNAL_ERROR(-32603, "internal error", 500),

  MISSING_TOKEN(-32001, "missing access token", 401),
  TOKEN_EXPIRED(-32001, "token expired", 401),
  INVALID_TOKEN(-32001, "invalid access token", 401),
  INVALID_API_KEY(-32001, "invalid api key", 401),
  VERIFIER_UNAVAILABLE(-32001, "token verification unavailable; retry", 503),
  ACCESS_DENIED(-32001, "%s - access denied", 200),
  UNKNOWN_TENANT(-32001, "unknown tenant", 403),
  TENANT_HEADER_NOT_ALLOWED(-32001, "X-Tenant-ID needs the API key", 403),

  NOT_AUTHORIZED(-32000, "not authorized", 200),
  MISSING_PRIVATE_FROM(-32000, "missing privateFrom", 200),
  PRIVACY_UNAVAILABLE(-32000, "privacy facts unavailable; retry", 200),
  /** The node's own words for an address that is not private, learnt from it (NotPrivateWording). */
  NOT_PRIVATE_CONTRACT(-32000, "%s", 200),
  FILTER_NOT_FOUND(-32000, "filter not found", 200),
  NOTIFICATIONS_UNSUPPORTED(-32000, "notifications not supported", 200),
  SUBSCRIPTION_NOT_FOUND(-32000, "subscription not found", 200),
  TOO_MANY_CONNECTIONS(-32005, "too many connections", 503),
  SERVER_BUSY(-32005, "server busy; retry", 503),
  REQUEST_TIMEOUT(-32600, "request timed out", 408),
  SUBSCRIPTION_LIMIT(-32005, "subscription limit exceeded", 200),
  /** A caller's budget spent (limits.*): retry after the time its data says (HTTP: Retry-After). */
  LIMIT_EXCEEDED(-32005, "%s limit exceeded", 429),
  /** One logs query spanning more blocks than limits.maxLogsBlockRange: retrying will not help. */
  LOGS_RANGE_EXCEEDED(-32005, "maxLogsBlockRange limit exceeded", 200),
  /** A trace call asking a longer tracer timeout than limits.maxTraceTimeout: retrying will not help. */
  TRACE_TIMEOUT_EXCEEDED(-32005, "maxTraceTimeout limit exceeded", 200),
  BLOCK_RANGE_UNKNOWN(-32000, "the node's head is not known, so the block range cannot be checked; retry", 200),
  LIMITS_UNAVAILABLE(-32005, "limits cannot be checked (bucket store unavailable); retry", 200),
  LOGS_FILTER_TOO_LARGE(-32602, "logs filter too large", 200),
  CALL_TOO_LARGE_FOR_SHARED_SOCKET(-32005, "call too large for the shared node socket", 200),
  ORIGIN_NOT_ALLOWED(-32001, "origin not allowed", 403),
  PSI_NOT_GRANTED(-32001, "PSI %s - access denied: the token does not grant this private state", 403),
  PSI_AMBIGUOUS(-32001, "the token grants several PSIs (%s): pick one with the Quorum-PSI header or the PSI query parameter", 400),
  PSI_MISSING(-32001, "the node runs multiple private states and the token grants no PSI: it needs a psi://<PSI> scope", 403),
  PSI_ON_SINGLE_STATE(-32001, "the token grants a PSI (psi:// scopes) but the node has one private state: it needs private:// scopes", 403),
  MODE_UNKNOWN(-32000, "the node's mode (private states) is not known yet; retry", 503),

  UPSTREAM_UNREACHABLE(-32010, "upstream node unreachable", 502),
  UPSTREAM_TIMEOUT(-32011, "upstream node timed out", 504),
  UPSTREAM_BAD_RESPONSE(-32012, "upstream node sent an invalid response", 502);

  private final int code;
  private final String message;
  private final int httpStatus;

  RpcError(int code, String message, int httpStatus) {
    this.code = code;
    this.message = message;
    this.httpStatus = httpStatus;
  }

  public int code() {
    return code;
  }

  /** The message, with its single placeholder (if any) filled by {@code arg}. */
  public String message(String arg) {
    return message.contains("%s") ? String.format(message, arg) : message;
  }

  public String message() {
    return message;
  }

  /** The HTTP status when this error answers a whole exchange (200 when it answers one call). */
  public int httpStatus() {
    return httpStatus;
  }

  public RpcException exception() {
    return new RpcException(this, null, null);
  }

  public RpcException exception(String messageArg) {
    return new RpcException(this, messageArg, null);
  }

  public RpcException exception(String messageArg, String data) {
    return new RpcException(this, messageArg, data);
  }

  public RpcException withData(String data) {
    return new RpcException(this, null, data);
  }
}
