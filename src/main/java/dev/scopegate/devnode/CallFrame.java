package dev.scopegate.devnode;

import java.math.BigInteger;
import java.util.List;

/**
 * One frame of geth's {@code callTracer}: a call or contract creation and the frames nested in it.
 * {@code to} of a creation is the created address.
 */
public record CallFrame(
    String type,
    Address from,
    Address to,
    BigInteger value,
    long gas,
    long gasUsed,
    String input,
    String output,
    List<CallFrame> calls) {

  public CallFrame {
    calls = List.copyOf(calls);
  }

  CallFrame withCalls(List<CallFrame> nested) {
    return new CallFrame(type, from, to, value, gas, gasUsed, input, output, nested);
  }
}
