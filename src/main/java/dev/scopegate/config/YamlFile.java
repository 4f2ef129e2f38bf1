package dev.scopegate.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Reads a YAML file into a {@link Raw.Tree}. The streaming parser is used rather than a tree
 * mapper because it keeps each scalar's source text and lets duplicate keys be refused.
 */
final class YamlFile {
  private static final YAMLFactory YAML = new YAMLFactory();

  private YamlFile() {}

  static Raw.Tree read(Path file) {
    String name = file.toString();
    if (Files.isDirectory(file)) {
      throw new ConfigException(name, "is a directory, not a configuration file");
    }
    try (InputStream in = Files.newInputStream(file);
        YAMLParser parser = YAML.createParser(in)) {
      Raw.Tree tree = document(parser, name);
      if (parser.nextToken() != null) {
        throw new ConfigException(name, "holds more than one YAML document");
      }
      return tree;
    } catch (NoSuchFileException e) {
      throw new ConfigException(name, "no such file");
    } catch (AccessDeniedException e) {
      throw new ConfigException(name, "not readable");
    } catch (JsonProcessingException e) {
      throw new ConfigException(name, "not valid YAML: " + syntaxError(e));
    } catch (IOException e) {
      throw new ConfigException(name, "cannot be read: " + e.getMessage());
    }
  }

  // SnakeYAML's own message quotes the offending line, which may hold a secret: keep only the
  // problem and where it is.
  private static String syntaxError(JsonProcessingException e) {
    if (e.getCause() instanceof MarkedYAMLException yaml && yaml.getProblemMark() != null) {
      return yaml.getProblem() + " at line " + (yaml.getProblemMark().getLine() + 1)
          + ", column " + (yaml.getProblemMark().getColumn() + 1);
    }
    return "at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
  }

  // An empty file, or one holding only comments or "---", is an empty configuration.
  private static Raw.Tree document(YAMLParser parser, String name) throws IOException {
    JsonToken first = parser.nextToken();
    if (first == null || first == JsonToken.VALUE_NULL) {
      return Raw.Tree.EMPTY;
    }
    if (first != JsonToken.START_OBJECT) {
      throw new ConfigException(name, "expected a mapping of keys at the top level");
    }
    return (Raw.Tree) value(parser, "");
  }

  /** The value at the current token; null for YAML null, which counts as absent. */
  private static Raw value(YAMLParser parser, String path) throws IOException {
    if (parser.isCurrentAlias()) {
      throw new ConfigException(path, "YAML aliases are not supported; write the value");
    }
    return switch (parser.currentToken()) {
      case START_OBJECT -> mapping(parser, path);
      case START_ARRAY -> sequence(parser, path);
      case VALUE_NULL -> null;
      case VALUE_STRING, VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT, VALUE_TRUE, VALUE_FALSE ->
          new Raw.Text(parser.getText());
      default -> throw new ConfigException(path, "unsupported YAML value");
    };
  }

  private static Raw.Tree mapping(YAMLParser parser, String path) throws IOException {
    Map<String, Raw> entries = new LinkedHashMap<>();
    Set<String> seen = new HashSet<>();
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String name = parser.currentName();
      String key = path.isEmpty() ? name : path + "." + name;
      if (!seen.add(name)) {
        throw new ConfigException(key, "given twice");
      }
      parser.nextToken();
      Raw value = value(parser, key);
      if (value != null) {
        entries.put(name, value);
      }
    }
    return new Raw.Tree(entries);
  }

  private static Raw.Seq sequence(YAMLParser parser, String path) throws IOException {
    List<Raw> items = new ArrayList<>();
    for (int i = 0; parser.nextToken() != JsonToken.END_ARRAY; i++) {
      Raw item = value(parser, path + "[" + i + "]");
      if (item != null) {
        items.add(item);
      }
    }
    return new Raw.Seq(items);
  }
}
