package io.pipelinekit.testkit.ftrack.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import org.junit.jupiter.api.Test;

class NoDelayServerSocketFactoryTest {
  @Test
  void acceptedConnectionsHaveNagleOff() throws Exception {
    InetAddress loopback = InetAddress.getLoopbackAddress();
    try (ServerSocket server = new NoDelayServerSocketFactory().createServerSocket()) {
      server.bind(new InetSocketAddress(loopback, 0));
      try (Socket client = new Socket(loopback, server.getLocalPort());
          Socket accepted = server.accept()) {
        assertThat(client.getTcpNoDelay()).isFalse(); // the JDK default, for contrast
        assertThat(accepted.getTcpNoDelay()).isTrue();
      }
    }
  }

  @Test
  void theBindingOverloadsBindWhereAsked() throws Exception {
    InetAddress loopback = InetAddress.getLoopbackAddress();
    try (ServerSocket server =
        new NoDelayServerSocketFactory().createServerSocket(0, 5, loopback)) {
      assertThat(server.isBound()).isTrue();
      assertThat(server.getInetAddress()).isEqualTo(loopback);
    }
  }
}
