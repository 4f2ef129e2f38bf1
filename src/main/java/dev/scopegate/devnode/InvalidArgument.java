package dev.scopegate.devnode;

/**
 * An argument that does not decode. The message is go-ethereum's, as the client sees it after
 * {@code invalid argument <n>: }.
 */
final class InvalidArgument extends IllegalArgumentException {
  InvalidArgument(String message) {
    super(message);
  }

  /** go-ethereum wraps hexutil errors in the JSON type error of the Go type being decoded. */
  static InvalidArgument ofType(String reason, String goType) {
    return new InvalidArgument(
        goType == null
            ? reason
            : "json: cannot unmarshal " + reason + " into Go value of type " + goType);
  }
}
