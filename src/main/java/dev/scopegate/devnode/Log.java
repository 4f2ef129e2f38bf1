package dev.scopegate.devnode;

import java.util.List;

/** One event emitted by a contract: its address, topics and data ({@code 0x} hex). */
public record Log(Address address, List<Hash> topics, String data) {
  public Log {
    topics = List.copyOf(topics);
    Hex.decodeData(data, null);
  }
}
