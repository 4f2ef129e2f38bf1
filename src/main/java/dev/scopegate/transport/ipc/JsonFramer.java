package dev.scopegate.transport.ipc;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.async.ByteArrayFeeder;
import dev.scopegate.jsonrpc.Json;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Cuts a connection's byte stream into JSON values, whatever the reads: several values in one
 * read, one value over many, with or without whitespace between them. Jackson's non-blocking
 * parser finds where each value ends; the bytes are kept so that each value can be decoded on
 * its own. After malformed input the stream resumes at the next newline: line-delimited clients
 * are the common case, and no parser can know where a broken value was meant to end.
 */
final class JsonFramer {
  private static final int RESCAN = 0;
  private static final int DONE = -1;

  private final long maxBytes;
  private final PendingBytes pending = new PendingBytes();
  private JsonParser parser = newParser();
  private int depth;
  private boolean stopped;

  JsonFramer(long maxBytes) {
    this.maxBytes = maxBytes;
  }

  /** The frames this chunk completes; none once a frame has stopped the stream. */
  List<Frame> feed(byte[] chunk) {
    List<Frame> frames = new ArrayList<>();
    if (chunk.length == 0) {
      return frames;
    }
    int unseen = pending.length();
    pending.append(chunk);
    while (unseen != DONE && !stopped) {
      unseen = scan(unseen, frames);
    }
    return frames;
  }

  /** Parses from {@code unseen} on; {@link #RESCAN} after resynchronising, else {@link #DONE}. */
  private int scan(int unseen, List<Frame> frames) {
    int consumed = 0;
    try {
      feeder().feedInput(pending.copy(unseen), 0, pending.length() - unseen);
      JsonToken token;
      while ((token = parser.nextToken()) != JsonToken.NOT_AVAILABLE && token != null) {
        depth += token.isStructStart() ? 1 : token.isStructEnd() ? -1 : 0;
        if (depth == 0) {
          int end = pending.index(parser.currentLocation().getByteOffset());
          int start = pending.skipWhitespace(consumed);
          if (end - start > maxBytes) {
            return stop(frames, new Frame.TooLarge(maxBytes));
          }
          frames.add(new Frame.Value(pending.slice(start, end)));
          consumed = end;
        }
      }
    } catch (IOException malformed) {
      return resync(consumed, frames);
    }
    pending.drop(pending.skipWhitespace(consumed));
    return pending.length() > maxBytes ? stop(frames, new Frame.TooLarge(maxBytes)) : DONE;
  }

  private int resync(int consumed, List<Frame> frames) {
    // Jackson stands just past the offending byte, which may itself be the newline.
    int at = pending.index(parser.currentLocation().getByteOffset()) - 1;
    int newline = pending.indexOf((byte) '\n', Math.max(consumed, Math.min(at, pending.length())));
    if (newline < 0) {
      return stop(frames, new Frame.Malformed(false));
    }
    frames.add(new Frame.Malformed(true));
    pending.drop(newline + 1);
    pending.restartOffsets();
    parser = newParser();
    depth = 0;
    return RESCAN;
  }

  private int stop(List<Frame> frames, Frame last) {
    frames.add(last);
    stopped = true;
    pending.drop(pending.length());
    return DONE;
  }

  private ByteArrayFeeder feeder() {
    return (ByteArrayFeeder) parser.getNonBlockingInputFeeder();
  }

  private static JsonParser newParser() {
    try {
      return Json.MAPPER.getFactory().createNonBlockingByteArrayParser();
    } catch (IOException e) {
      throw new IllegalStateException("Jackson cannot make a non-blocking parser", e);
    }
  }
}
