package dev.scopegate.jsonrpc;

import java.util.Optional;

/** An {@link RpcError} raised as a value; mapped to a JSON-RPC error object in one place. */
public final class RpcException extends RuntimeException {
  private final RpcError error;
  private final String data;

  RpcException(RpcError error, String messageArg, String data) {
    super(error.message(messageArg), null, false, false);
    this.error = error;
    this.data = data;
  }

  public RpcError error() {
    return error;
  }

  /** Detail for the client ({@code error.data}); never a Java exception text. */
  public Optional<String> data() {
    return Optional.ofNullable(data);
  }

  public ErrorBody body() {
    return new ErrorBody(error.code(), getMessage(), data);
  }
}
