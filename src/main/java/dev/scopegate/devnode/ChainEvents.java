package dev.scopegate.devnode;

import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Blocks appended to and dropped from the chain, handed to listeners in the order they happened.
 * The chain queues them under its lock and delivers them after releasing it, so listeners may read
 * the chain; one thread delivers at a time, so the order holds whichever thread mined.
 */
final class ChainEvents {
  private static final Logger LOG = LoggerFactory.getLogger(ChainEvents.class);

  private record Event(Block block, boolean dropped) {}

  private final Queue<Event> pending = new ConcurrentLinkedQueue<>();
  private final List<Consumer<Block>> onAppended = new CopyOnWriteArrayList<>();
  private final List<Consumer<Block>> onDropped = new CopyOnWriteArrayList<>();
  private final Object delivering = new Object();

  void onAppended(Consumer<Block> listener) {
    onAppended.add(listener);
  }

  void onDropped(Consumer<Block> listener) {
    onDropped.add(listener);
  }

  void appended(Block block) {
    pending.add(new Event(block, false));
  }

  void dropped(Block block) {
    pending.add(new Event(block, true));
  }

  /**
   * Delivers every queued event. Returns once the events queued before the call are delivered, by
   * this thread or by the one that was delivering.
   */
  void deliver() {
    synchronized (delivering) {
      for (Event event = pending.poll(); event != null; event = pending.poll()) {
        for (Consumer<Block> listener : event.dropped() ? onDropped : onAppended) {
          try {
            listener.accept(event.block());
          } catch (RuntimeException e) {
            LOG.error("chain listener failed on block {}", event.block().number(), e);
          }
        }
      }
    }
  }
}
