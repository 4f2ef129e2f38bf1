package dev.scopegate.jsonrpc;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.node.NumericNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * A number that serialises as the exact text it arrived as. Ids must come back byte for byte
 * ({@code 1e2}, {@code -0}, {@code 1.5e-3}); Jackson's number nodes would write {@code 1E+2},
 * {@code 0}, {@code 0.0015}, and their {@code serialize} is final, hence this small node.
 */
final class RawNumber extends NumericNode {
  private final BigDecimal value;
  private final String text;

  private RawNumber(BigDecimal value, String text) {
    this.value = value;
    this.text = text;
  }

  /** {@code text} is a JSON number token as the parser read it. */
  static RawNumber of(String text) {
    return new RawNumber(new BigDecimal(text), text);
  }

  @Override
  public void serialize(JsonGenerator g, SerializerProvider provider) throws IOException {
    g.writeNumber(text);
  }

  @Override
  public JsonToken asToken() {
    return JsonToken.VALUE_NUMBER_FLOAT;
  }

  @Override
  public JsonParser.NumberType numberType() {
    return JsonParser.NumberType.BIG_DECIMAL;
  }

  @Override
  public Number numberValue() {
    return value;
  }

  @Override
  public int intValue() {
    return value.intValue();
  }

  @Override
  public long longValue() {
    return value.longValue();
  }

  @Override
  public double doubleValue() {
    return value.doubleValue();
  }

  @Override
  public BigDecimal decimalValue() {
    return value;
  }

  @Override
  public BigInteger bigIntegerValue() {
    return value.toBigInteger();
  }

  @Override
  public boolean canConvertToInt() {
    return false;
  }

  @Override
  public boolean canConvertToLong() {
    return false;
  }

  @Override
  public String asText() {
    return text;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RawNumber other && other.text.equals(text);
  }

  @Override
  public int hashCode() {
    return text.hashCode();
  }
}
