package dev.scopegate.devnode;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * JSON read as GoQuorum's server reads it ({@code rpc/json.go} {@code parseMessage}, with Go's
 * {@code encoding/json}): a key repeated in one object keeps its last value ({@code
 * decode.go} {@code object} stores each occurrence in turn), and each number's text is kept
 * ({@code json.RawMessage} ids are echoed as sent). Hand-written over Jackson's
 * streaming parser because Jackson's tree keeps a repeated key at its first position, which
 * would make the first of {@code "to"} / {@code "To"} / {@code "to"} look last to {@link GoKeys}.
 * Not Scopegate's decoder on purpose: that one refuses repeated keys, which the node never does.
 */
final class GoJson {
  private static final JsonFactory FACTORY = new JsonFactory();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /** A value and the text each of its number nodes was sent as. */
  record Tree(JsonNode root, Map<JsonNode, String> numberTexts) {}

  /** The first JSON value of {@code body}; anything after it is not read (Go's stream decoder). */
  static Tree read(byte[] body) throws IOException {
    try (JsonParser parser = FACTORY.createParser(body)) {
      JsonToken token = parser.nextToken();
      if (token == null) {
        throw new JsonParseException(parser, "no JSON value");
      }
      Map<JsonNode, String> numbers = new IdentityHashMap<>();
      return new Tree(new GoJson(parser, numbers).value(token), numbers);
    }
  }

  private final JsonParser parser;
  private final Map<JsonNode, String> numbers;

  private GoJson(JsonParser parser, Map<JsonNode, String> numbers) {
    this.parser = parser;
    this.numbers = numbers;
  }

  private JsonNode number(JsonNode node) throws IOException {
    numbers.put(node, parser.getText());
    return node;
  }

  private JsonNode value(JsonToken token) throws IOException {
    return switch (token) {
      case START_OBJECT -> object();
      case START_ARRAY -> array();
      case VALUE_STRING -> TextNode.valueOf(parser.getText());
      case VALUE_NUMBER_INT -> number(NODES.numberNode(parser.getBigIntegerValue()));
      case VALUE_NUMBER_FLOAT -> number(NODES.numberNode(parser.getDecimalValue()));
      case VALUE_TRUE -> BooleanNode.TRUE;
      case VALUE_FALSE -> BooleanNode.FALSE;
      case VALUE_NULL -> NullNode.getInstance();
      default -> throw new JsonParseException(parser, "unexpected " + token);
    };
  }

  private ObjectNode object() throws IOException {
    ObjectNode object = NODES.objectNode();
    JsonToken token;
    while ((token = parser.nextToken()) == JsonToken.FIELD_NAME) {
      String name = parser.currentName();
      JsonNode value = value(parser.nextToken());
      object.remove(name); // the last occurrence wins, and now stands last
      object.set(name, value);
    }
    if (token != JsonToken.END_OBJECT) {
      throw new JsonParseException(parser, "unterminated object");
    }
    return object;
  }

  private ArrayNode array() throws IOException {
    ArrayNode array = NODES.arrayNode();
    JsonToken token;
    while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
      if (token == null) {
        throw new JsonParseException(parser, "unterminated array");
      }
      array.add(value(token));
    }
    return array;
  }
}
