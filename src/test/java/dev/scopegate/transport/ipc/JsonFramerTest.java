package dev.scopegate.transport.ipc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Value boundaries in a byte stream, however it is cut into reads. */
class JsonFramerTest {
  private static final String STREAM =
      "{\"id\":1,\"s\":\"}{]\\\"\\n\"}\n[{\"id\":2},{\"id\":3}]{\"id\":4}  \r\n\t\"scalar\" {\"e\":{}}";
  private static final List<String> VALUES = List.of(
      "{\"id\":1,\"s\":\"}{]\\\"\\n\"}", "[{\"id\":2},{\"id\":3}]", "{\"id\":4}", "\"scalar\"",
      "{\"e\":{}}");

  private static List<String> feed(JsonFramer framer, String... chunks) {
    List<String> out = new ArrayList<>();
    for (String chunk : chunks) {
      for (Frame frame : framer.feed(chunk.getBytes(StandardCharsets.UTF_8))) {
        out.add(describe(frame));
      }
    }
    return out;
  }

  private static String describe(Frame frame) {
    if (frame instanceof Frame.Value value) {
      return new String(value.bytes(), StandardCharsets.UTF_8);
    }
    return frame.toString();
  }

  @Test
  void valuesAreFoundWhereverTheStreamIsCut() {
    for (int cut = 0; cut <= STREAM.length(); cut++) {
      List<String> found =
          feed(new JsonFramer(1000), STREAM.substring(0, cut), STREAM.substring(cut));
      assertEquals(VALUES, found, "cut at " + cut);
    }
  }

  @Test
  void oneByteAtATime() {
    String[] bytes = STREAM.chars().mapToObj(c -> String.valueOf((char) c)).toArray(String[]::new);
    assertEquals(VALUES, feed(new JsonFramer(1000), bytes));
  }

  @Test
  void multiByteCharactersSplitAcrossReads() {
    byte[] value = "{\"name\":\"Zoë ✓\"}".getBytes(StandardCharsets.UTF_8);
    JsonFramer framer = new JsonFramer(1000);
    List<Frame> frames = new ArrayList<>();
    for (byte b : value) {
      frames.addAll(framer.feed(new byte[] {b}));
    }
    assertEquals(1, frames.size());
    assertTrue(Arrays.equals(value, ((Frame.Value) frames.get(0)).bytes()));
  }

  @Test
  void malformedInputResumesAfterTheNextNewline() {
    assertEquals(
        List.of("{\"id\":1}", "Malformed[resumed=true]", "{\"id\":2}", "Malformed[resumed=true]",
            "{\"id\":3}"),
        feed(new JsonFramer(1000), "{\"id\":1}\n{bad, \"x\": [1,2]}\n{\"id\":2}\nnonsense\n{\"id\":3}"));
  }

  @Test
  void theNewlineMayArriveInALaterRead() {
    assertEquals(
        List.of("Malformed[resumed=true]", "{\"id\":2}"),
        feed(new JsonFramer(1000), "{\"a\":1,}\n", "{\"id\":2}"));
  }

  @Test
  void malformedInputWithNoNewlineAfterItStopsTheStream() {
    JsonFramer framer = new JsonFramer(1000);
    assertEquals(List.of("{\"id\":1}", "Malformed[resumed=false]"),
        feed(framer, "{\"id\":1}{\"id\":]"));
    assertEquals(List.of(), feed(framer, "\n{\"id\":2}\n"));
  }

  @Test
  void aValueOverTheLimitStopsTheStream() {
    JsonFramer framer = new JsonFramer(20);
    assertEquals(List.of("{\"id\":1}", "TooLarge[limit=20]"),
        feed(framer, "{\"id\":1}\n{\"id\":2,\"pad\":\"xxxxxxx\"}\n"));
    assertEquals(List.of(), feed(framer, "{\"id\":3}\n"));
  }

  @Test
  void anUnfinishedValueOverTheLimitIsRefusedBeforeItEnds() {
    JsonFramer framer = new JsonFramer(20);
    assertEquals(List.of(), feed(framer, "{\"id\":1,\"pad\":\""));
    assertEquals(List.of("TooLarge[limit=20]"), feed(framer, "xxxxxxxxxx"));
  }

  @Test
  void theLimitCountsTheValueNotTheWhitespaceAroundIt() {
    String exactly20 = "{\"id\":1,\"p\":\"xxxxx\"}";
    assertEquals(20, exactly20.length());
    assertEquals(List.of(exactly20, exactly20),
        feed(new JsonFramer(20), "\n\n      " + exactly20 + "\n        \n", "   " + exactly20));
  }
}
