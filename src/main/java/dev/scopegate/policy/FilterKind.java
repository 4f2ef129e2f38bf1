package dev.scopegate.policy;

/** The response filters a row of {@link MethodTable} can name; bound per node mode by {@link Isolation}. */
public enum FilterKind {
  /** The node's answer as it is. */
  NONE,
  /** Notes the block number answered, so later pins are not below it (read-your-writes). */
  SEEN_HEAD,
  /** A receipt as a non-party node shows it, logs the tenant may not see removed. */
  RECEIPT,
  /** {@link #RECEIPT}, and its block number noted as {@link #SEEN_HEAD} does. */
  RECEIPT_SEEN_HEAD,
  /** Each receipt of a block as {@link #RECEIPT} shows it. */
  BLOCK_RECEIPTS,
  /** Logs of private contracts and transactions the tenant is not party to dropped. */
  LOGS,
  /** The node's filter id replaced by one bound to the tenant. */
  FILTER_ID_ISSUE,
  /** Node accounts narrowed to the tenant's. */
  ACCOUNTS
}
