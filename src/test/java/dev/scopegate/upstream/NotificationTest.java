package dev.scopegate.upstream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scopegate.jsonrpc.Json;
import dev.scopegate.upstream.ws.Notification;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class NotificationTest {
  private static final JsonNode LOG = Json.MAPPER.createObjectNode().put("address", "0xabc").put("data", "caf\u00e9");

  @Test
  void theResultIsWrittenOnceAsTheMapperWritesIt() {
    Notification shared = Notification.of(LOG);
    assertEquals(Json.string(LOG), shared.json());
    assertSame(shared.json(), shared.json(), "written once, then reused");
  }

  @Test
  void aDecisionIsSharedOnlyByEqualQuestions() {
    Notification shared = Notification.of(LOG);
    List<String> asked = new ArrayList<>();
    for (String who : List.of("tenant-a", "tenant-b", new String("tenant-a"), "tenant-b")) {
      shared.decidedOnce(List.of("visible", who), q -> asked.add(who) ? who : who);
    }
    assertEquals(List.of("tenant-a", "tenant-b"), asked, "asked once per distinct question");
    assertEquals("tenant-b", shared.decidedOnce(List.of("visible", "tenant-b"), q -> "not asked again"));
    assertEquals("asked", Notification.of(LOG).decidedOnce(List.of("visible", "tenant-a"), q -> "asked"),
        "another notification asks again");
  }
}
