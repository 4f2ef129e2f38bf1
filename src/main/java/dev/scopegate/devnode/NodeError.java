package dev.scopegate.devnode;

/**
 * The errors the dev node answers with: GoQuorum's codes and texts, so that Scopegate meets
 * the same errors as in front of a real node. {@code %s} takes the detail.
 */
public enum NodeError {
  // rpc/errors.go: what rpc/handler.go answers a body or message it cannot serve
  PARSE_ERROR(-32700, "parse error"),
  INVALID_REQUEST(-32600, "invalid request"),
  EMPTY_BATCH(-32600, "empty batch"),
  METHOD_NOT_FOUND(-32601, "the method %s does not exist/is not available"),
  INVALID_PARAMS(-32602, "%s"),
  /** GoQuorum 21.x (geth 1.9.7) answers eth_subscribe over HTTP with a plain error: -32000. */
  NOTIFICATIONS_UNSUPPORTED(-32000, "notifications not supported"),
  SUBSCRIPTION_NOT_FOUND(-32000, "subscription not found"),
  /** The detail is {@code "<name>" subscription in <namespace>}. */
  NO_SUCH_SUBSCRIPTION(-32601, "no %s namespace"),
  UNKNOWN_ACCOUNT(-32000, "unknown account"),
  HEADER_NOT_FOUND(-32000, "header not found"),
  HEADER_FOR_HASH_NOT_FOUND(-32000, "header for hash not found"),
  NONCE_TOO_LOW(-32000, "nonce too low"),
  NONCE_TOO_HIGH(-32000, "nonce too high"),
  INSUFFICIENT_FUNDS(-32000, "insufficient funds for gas * price + value"),
  INTRINSIC_GAS_TOO_LOW(-32000, "intrinsic gas too low"),
  GAS_LIMIT_EXCEEDED(-32000, "exceeds block gas limit"),
  GAS_PRICE_NOT_ZERO(-32000, "Gas price not 0"),
  DATA_INPUT_MISMATCH(
      -32000,
      "Both \"data\" and \"input\" are set and not equal. "
          + "Please use \"input\" to pass transaction call data."),
  PRIVATE_FROM_UNKNOWN(-32000, "privateFrom %s is not a key of this node's privacy manager"),
  PRIVATE_VALUE(-32000, "ether value is not supported for private transactions"),
  INVALID_PRIVACY_FLAG(-32000, "invalid privacyFlag %s"),
  UNKNOWN_PSI(-32000, "unable to find private state for context psi %s"),
  PRIVATE_FROM_NOT_IN_PSI(-32000, "The PrivateFrom (%s) address does not match the specified private state (%s) "),
  /**
   * EthAPIState.GetPrivacyMetadata (eth/api_backend.go): {@code fmt.Errorf("%x: %w", addr,
   * common.ErrNotPrivateContract)} — the address as lower-case hex without 0x, then
   * common/types.go's {@code ErrNotPrivateContract}.
   */
  NOT_PRIVATE_CONTRACT(-32000, "%s: the provided address is not a private contract"),
  NO_EXTRA_DATA(-32000, "no account extra data found"),
  TRACE_TX_NOT_FOUND(-32000, "transaction %s not found"),
  TRACE_BLOCK_NOT_FOUND(-32000, "block %s not found"),
  GENESIS_NOT_TRACEABLE(-32000, "genesis is not traceable"),
  TRACER_UNSUPPORTED(-32000, "tracer %s is not supported by the dev node"),
  RLP(-32000, "rlp: %s"),
  INVALID_SENDER(-32000, "invalid sender"),
  NOT_PRIVATE(-32000, "transaction is not private"),
  PAYLOAD_NOT_FOUND(-32000, "Message with hash %s was not found"),
  GAS_NOT_SPECIFIED(-32000, "gas not specified"),
  GAS_PRICE_NOT_SPECIFIED(-32000, "gasPrice not specified"),
  NONCE_NOT_SPECIFIED(-32000, "nonce not specified"),
  WRONG_PASSPHRASE(-32000, "could not decrypt key with given passphrase"),
  SIGNATURE_LENGTH(-32000, "signature must be 65 bytes long"),
  SIGNATURE_V(-32000, "invalid Ethereum signature (V is not 27 or 28)"),
  RECOVERY_FAILED(-32000, "recovery failed"),
  GAS_ALLOWANCE(-32000, "gas required exceeds allowance (%s) or always failing transaction"),
  FILTER_NOT_FOUND(-32000, "filter not found"),
  UNKNOWN_BLOCK(-32000, "unknown block"),
  BLOCK_RANGE(-32000, "invalid from and to block combination"),
  DIGEST_INVALID(-32000, "Invalid digest hex"),
  DIGEST_LENGTH(-32000, "Expected a Quorum digest of length 64, but got %s"),
  HEX_INVALID(-32000, "encoding/hex: %s"),
  /** internal/ethapi/api.go {@code DoCall}; the detail is the address as {@code Address.Hex()}. */
  OVERRIDE_STATE_AND_DIFF(-32000, "account %s has both 'state' and 'stateDiff'"),
  // extension/api.go (PrivateExtensionAPI) and extension/backend.go, in the order they check
  EXTENSION_IN_PROGRESS(-32000, "contract extension in progress for the given contract address"),
  EXTENDING_PUBLIC(-32000, "extending a public contract!!! not allowed"),
  INVALID_RECIPIENT(-32000, "invalid recipient address"),
  EXTENDING_NON_EXISTENT(-32000, "extending a non-existent private contract!!! not allowed"),
  OPERATION_NOT_ALLOWED(-32000, "operation not allowed"),
  ACCEPTOR_IS_INITIATOR(
      -32000, "account accepting the extension cannot be the account initiating extension"),
  INVALID_RECIPIENT_KEY(-32000, "invalid new recipient transaction manager key provided"),
  RECIPIENT_KEY_MISMATCH(
      -32000, "mismatch between recipient transaction manager key and privateFor argument"),
  RECIPIENT_KEYS_INVALID(-32000, "invalid transaction manager keys given in privateFor argument"),
  NOT_PRIVATE_ARGS(-32000, "must specify private participants"), // backend.go errNotPrivate
  NO_WALLET(-32000, "no wallet found for account %s"), // backend.go GenerateTransactOptions
  EXTENSION_COMPLETE(-32000, "contract extension process complete. nothing to accept"),
  NOT_ACCEPTOR(-32000, "account is not acceptor of this extension request"), // api.go errNotAcceptor
  ALREADY_VOTED(-32000, "already voted"),
  NO_CODE(-32000, "no contract code at given address"), // accounts/abi/bind ErrNoCode
  INTERNAL(-32603, "internal error");

  private final int code;
  private final String template;

  NodeError(int code, String template) {
    this.code = code;
    this.template = template;
  }

  public int code() {
    return code;
  }

  public NodeException exception() {
    return new NodeException(this, template);
  }

  public NodeException exception(String detail) {
    return new NodeException(this, String.format(template, detail));
  }

  public NodeException exception(String detail, String more) {
    return new NodeException(this, String.format(template, detail, more));
  }
}
