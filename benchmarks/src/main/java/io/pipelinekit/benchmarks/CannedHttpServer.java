package io.pipelinekit.benchmarks;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.function.Function;

/**
 * The smallest HTTP/1.1 server that answers canned bytes: one blocking thread per keep-alive
 * connection reads a request (headers, then a {@code Content-Length} body it discards) and writes
 * the answer chosen by the request path. It costs the loopback round trip almost nothing beyond the
 * kernel's, so a benchmark against it shows the client's own cost; the JDK's {@code HttpServer}
 * hands every request from its selector thread to a worker and back.
 */
final class CannedHttpServer implements AutoCloseable {
  private final ServerSocket socket;
  private final Function<String, byte[]> answers;

  /**
   * Starts the server on 127.0.0.1 and an ephemeral port.
   *
   * @param answers the body to answer for a request path
   * @throws IOException if the port cannot be opened
   */
  CannedHttpServer(Function<String, byte[]> answers) throws IOException {
    this.answers = answers;
    this.socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread accept = new Thread(this::accept, "canned-http-accept");
    accept.setDaemon(true);
    accept.start();
  }

  int port() {
    return socket.getLocalPort();
  }

  private void accept() {
    while (!socket.isClosed()) {
      try {
        Socket s = socket.accept();
        s.setTcpNoDelay(true);
        Thread t = new Thread(() -> serve(s), "canned-http-connection");
        t.setDaemon(true);
        t.start();
      } catch (IOException e) {
        return;
      }
    }
  }

  private void serve(Socket s) {
    try (s;
        InputStream in = new BufferedInputStream(s.getInputStream(), 65536);
        OutputStream out = s.getOutputStream()) {
      StringBuilder line = new StringBuilder(256);
      byte[] skip = new byte[65536];
      while (true) {
        String requestLine = readLine(in, line);
        if (requestLine == null) {
          return;
        }
        long length = 0;
        for (String h = readLine(in, line); h != null && !h.isEmpty(); h = readLine(in, line)) {
          if (h.regionMatches(true, 0, "content-length:", 0, 15)) {
            length = Long.parseLong(h.substring(15).trim());
          }
        }
        while (length > 0) {
          int r = in.read(skip, 0, (int) Math.min(skip.length, length));
          if (r < 0) {
            return;
          }
          length -= r;
        }
        int a = requestLine.indexOf(' ');
        int b = requestLine.indexOf(' ', a + 1);
        String target = requestLine.substring(a + 1, b);
        int q = target.indexOf('?');
        byte[] body = answers.apply(q < 0 ? target : target.substring(0, q));
        byte[] head =
            String.format(
                    Locale.ROOT,
                    "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: %d\r\n\r\n",
                    body.length)
                .getBytes(StandardCharsets.US_ASCII);
        byte[] all = new byte[head.length + body.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(body, 0, all, head.length, body.length);
        out.write(all);
        out.flush();
      }
    } catch (IOException e) {
      // The client closed the connection.
    }
  }

  /** One CRLF-terminated line, or null at the end of the stream. */
  private static String readLine(InputStream in, StringBuilder line) throws IOException {
    line.setLength(0);
    int c;
    while ((c = in.read()) != -1) {
      if (c == '\n') {
        int n = line.length();
        return n > 0 && line.charAt(n - 1) == '\r' ? line.substring(0, n - 1) : line.toString();
      }
      line.append((char) c);
    }
    return line.length() == 0 ? null : line.toString();
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
