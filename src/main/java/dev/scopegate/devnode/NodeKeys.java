package dev.scopegate.devnode;

import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.Map;
import org.web3j.crypto.ECKeyPair;
import org.web3j.crypto.Keys;

/**
 * The keys of the node-managed accounts, so that what the node signs recovers to them. They are the
 * public test keys of GoQuorum's 7nodes example (keystores key1 to key3, empty passphrase),
 * decrypted once: public knowledge, never to guard anything real. The accounts stay unlocked, as in
 * the example; {@code personal_*} still checks the passphrase.
 */
final class NodeKeys {
  static final String PASSPHRASE = "";
  private static final Map<Address, ECKeyPair> KEYS = new LinkedHashMap<>();

  static {
    add("e6181caaffff94a09d7e332fc8da9884d99902c7874eb74354bdcadf411929f1");
    add("4762e04d10832808a0aebdaa79c12de54afbe006bfffd228b3abcc494fe986f9");
    add("61dced5af778942996880120b303fc11ee28cc8e5036d2fdff619b5675ded3f0");
    if (!KEYS.keySet().equals(new java.util.LinkedHashSet<>(Genesis.NODE_ACCOUNTS))) {
      throw new IllegalStateException("every node account needs its key");
    }
  }

  private NodeKeys() {}

  private static void add(String privateKey) {
    ECKeyPair pair = ECKeyPair.create(new BigInteger(privateKey, 16));
    KEYS.put(Address.of("0x" + Keys.getAddress(pair)), pair);
  }

  /** The key of an unlocked node account; geth's "unknown account" for any other address. */
  static ECKeyPair unlocked(Address account) {
    ECKeyPair pair = KEYS.get(account);
    if (pair == null) {
      throw NodeError.UNKNOWN_ACCOUNT.exception();
    }
    return pair;
  }

  /** The key, when {@code passphrase} opens the account's keystore. */
  static ECKeyPair withPassphrase(Address account, String passphrase) {
    ECKeyPair pair = unlocked(account);
    if (!PASSPHRASE.equals(passphrase)) {
      throw NodeError.WRONG_PASSPHRASE.exception();
    }
    return pair;
  }
}
