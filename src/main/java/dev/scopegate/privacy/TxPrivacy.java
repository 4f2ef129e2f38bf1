package dev.scopegate.privacy;

import java.util.Optional;

/** What is known of a transaction: not found (yet), public, or private with its parties. */
record TxPrivacy(boolean found, Optional<Parties> parties) {
  static final TxPrivacy NOT_FOUND = new TxPrivacy(false, Optional.empty());
  static final TxPrivacy PUBLIC = new TxPrivacy(true, Optional.empty());

  static TxPrivacy privateTo(Parties parties) {
    return new TxPrivacy(true, Optional.of(parties));
  }
}
