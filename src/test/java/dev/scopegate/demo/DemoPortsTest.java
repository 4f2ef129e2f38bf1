package dev.scopegate.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DemoPortsTest {

  @Test
  void aBusyDefaultIsReplacedByAFreePortAndTheNoteSaysHowToChoose() throws Exception {
    try (ServerSocket busy = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"));
        ServerSocket alsoBusy = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      DemoPorts ports = DemoPorts.choose(Map.of(), busy.getLocalPort(), alsoBusy.getLocalPort());

      assertEquals("0", ports.env().get("SCOPEGATE_SERVER_PORT"));
      assertEquals("0", ports.env().get("SCOPEGATE_METRICS_PORT"));
      assertEquals(List.of(
          "port " + busy.getLocalPort() + " is busy; the demo took 40001 instead (choose one with --port)",
          "port " + alsoBusy.getLocalPort() + " is busy; metrics took 40002 instead (choose one with --metrics-port)"),
          ports.notes(40001, 40002));
    }
  }

  @Test
  void aPortAskedForIsKeptEvenWhenBusySoTheStartNamesIt() throws Exception {
    try (ServerSocket busy = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      String asked = Integer.toString(busy.getLocalPort());
      DemoPorts ports = DemoPorts.choose(
          Map.of("SCOPEGATE_SERVER_PORT", asked, "SCOPEGATE_METRICS_PORT", asked),
          busy.getLocalPort(), busy.getLocalPort());

      assertEquals(asked, ports.env().get("SCOPEGATE_SERVER_PORT"));
      assertEquals(asked, ports.env().get("SCOPEGATE_METRICS_PORT"));
      assertEquals(List.of(), ports.notes(1, 2));
    }
  }

  @Test
  void aFreeDefaultIsKept() throws Exception {
    int free;
    try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      free = probe.getLocalPort();
    }
    DemoPorts ports = DemoPorts.choose(Map.of(), free, free);
    assertFalse(ports.env().containsKey("SCOPEGATE_SERVER_PORT"));
    assertEquals(List.of(), ports.notes(free, free));
  }
}
