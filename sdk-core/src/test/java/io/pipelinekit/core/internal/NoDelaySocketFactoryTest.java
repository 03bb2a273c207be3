package io.pipelinekit.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import org.junit.jupiter.api.Test;

class NoDelaySocketFactoryTest {
  @Test
  void unconnectedAndConnectedSocketsHaveNagleOff() throws Exception {
    NoDelaySocketFactory factory = new NoDelaySocketFactory();
    try (Socket unconnected = factory.createSocket()) {
      assertThat(unconnected.getTcpNoDelay()).isTrue();
    }
    InetAddress loopback = InetAddress.getLoopbackAddress();
    try (ServerSocket server = new ServerSocket(0, 1, loopback);
        Socket connected = factory.createSocket(loopback, server.getLocalPort())) {
      assertThat(connected.getTcpNoDelay()).isTrue();
    }
  }
}
