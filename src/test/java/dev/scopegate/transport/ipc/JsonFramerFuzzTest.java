package dev.scopegate.transport.ipc;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.ArrayList;
import java.util.List;

/**
 * The IPC stream framer over any bytes cut at any points: it never throws, never yields a value
 * larger than its limit, and after a stop yields nothing more.
 */
class JsonFramerFuzzTest {
  private static final int MAX = 256;

  @FuzzTest(maxDuration = "30s")
  void framesAnyStream(FuzzedDataProvider data) {
    JsonFramer framer = new JsonFramer(MAX);
    List<Frame> frames = new ArrayList<>();
    boolean stopped = false;
    while (data.remainingBytes() > 0) {
      byte[] chunk = data.consumeBytes(data.consumeInt(1, 64));
      List<Frame> more = framer.feed(chunk);
      if (stopped) {
        assertTrue(more.isEmpty(), "frames after a stop");
      }
      for (Frame f : more) {
        if (f instanceof Frame.Value v) {
          assertTrue(v.bytes().length <= MAX, "value past the limit");
        }
        if (f instanceof Frame.TooLarge || (f instanceof Frame.Malformed m && !m.resumed())) {
          stopped = true;
        }
      }
      frames.addAll(more);
    }
  }
}
