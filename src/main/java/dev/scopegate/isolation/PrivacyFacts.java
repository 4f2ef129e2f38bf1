package dev.scopegate.isolation;

import dev.scopegate.privacy.ContractPrivacy;
import dev.scopegate.privacy.Parties;
import dev.scopegate.privacy.PrivacyResolver;
import io.vertx.core.Future;
import java.util.Optional;

/**
 * The two privacy questions response filters ask, as {@link PrivacyResolver} answers them. An
 * interface so that filters can be tested against facts made up for the test.
 */
public interface PrivacyFacts {
  /** See {@link PrivacyResolver#contract}: public, private with parties, or a failure. */
  public Future<ContractPrivacy> contract(String address, long block);

  /** See {@link PrivacyResolver#contractAtHead}: as {@link #contract}, at the node's head. */
  public Future<ContractPrivacy> contractAtHead(String address);

  /** See {@link PrivacyResolver#transaction}: parties of a private transaction, else empty. */
  public Future<Optional<Parties>> transaction(String hash);

  public static PrivacyFacts of(PrivacyResolver resolver) {
    return new PrivacyFacts() {
      @Override
      public Future<ContractPrivacy> contract(String address, long block) {
        return resolver.contract(address, block);
      }

      @Override
      public Future<ContractPrivacy> contractAtHead(String address) {
        return resolver.contractAtHead(address);
      }

      @Override
      public Future<Optional<Parties>> transaction(String hash) {
        return resolver.transaction(hash);
      }
    };
  }
}
