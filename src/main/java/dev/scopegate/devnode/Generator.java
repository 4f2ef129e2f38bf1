package dev.scopegate.devnode;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * Bulk blocks for index tests and benchmarks, repeatable from a seed. Most blocks are empty (cheap:
 * no state changes, the parent's state root). A block is private with probability {@code
 * privateRatio} and then holds one private transaction: a creation (plain, factory or reacher), a
 * call to a contract created earlier, or a transaction between two other nodes that this node is
 * not party to.
 */
final class Generator {
  private static final List<String> SENDERS = List.of(DevTessera.KA, DevTessera.KB);
  private static final List<String> OTHERS =
      List.of(DevTessera.KB, DevTessera.KC, DevTessera.FOREIGN_X);
  private static final int[] FLAGS = {0, 1, 3};

  private final Chain chain;
  private final Random random;
  private final List<Address> contracts = new ArrayList<>();

  Generator(Chain chain, Random random) {
    this.chain = chain;
    this.random = random;
  }

  void generate(int count, double privateRatio) {
    for (int i = 0; i < count; i++) {
      if (random.nextDouble() < privateRatio) {
        privateBlock();
      } else {
        chain.mineBlock(List.of());
      }
    }
  }

  private void privateBlock() {
    int kind = random.nextInt(10);
    if (kind == 0) {
      chain.receiveForeignPrivate(
          Genesis.OTHER_ACCOUNTS.get(1),
          Optional.empty(),
          code(),
          DevTessera.FOREIGN_X,
          List.of(DevTessera.FOREIGN_Y));
      return;
    }
    PrivacyRequest privacy =
        PrivacyRequest.local(
            SENDERS.get(random.nextInt(SENDERS.size())),
            List.of(OTHERS.get(random.nextInt(OTHERS.size()))),
            FLAGS[random.nextInt(FLAGS.length)]);
    Address from = chain.coinbase();
    if (kind < 5 || contracts.isEmpty()) {
      MinedTransaction mined =
          chain.mineTransaction(TransactionRequest.create(from, code()).withPrivacy(privacy));
      contracts.add(ContractAddress.of(from, mined.transaction().nonce()));
    } else {
      Address target = contracts.get(random.nextInt(contracts.size()));
      chain.mineTransaction(TransactionRequest.call(from, target, "0x01").withPrivacy(privacy));
    }
  }

  private String code() {
    return switch (random.nextInt(3)) {
      case 0 -> Behaviours.FACTORY + "01";
      case 1 ->
          contracts.isEmpty()
              ? "0x6001"
              : Behaviours.REACHER
                  + contracts.get(random.nextInt(contracts.size())).hex().substring(2);
      default -> "0x6001";
    };
  }
}
