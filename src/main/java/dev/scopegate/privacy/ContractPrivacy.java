package dev.scopegate.privacy;

/**
 * The resolver's answer about an address: public (not in the node's private state), or private
 * with the parties the index knows. "Unknown" is never an answer: it is a retriable failure.
 */
public sealed interface ContractPrivacy {
  /** Not a private contract on this node. */
  record Public() implements ContractPrivacy {}

  /** A private contract and the local keys party to it. */
  record Private(Parties parties) implements ContractPrivacy {}

  ContractPrivacy PUBLIC = new Public();
}
