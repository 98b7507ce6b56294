package io.kubegen.runtime.config;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.net.ssl.ExtendedSSLSession;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SNIServerName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;

/**
 * A loopback HTTP/1.1 server that records every request exactly as it arrived (request line and
 * header bytes, read as ISO-8859-1 so that each byte stays one character), with the TLS server
 * name (SNI) and client certificate of its connection, and answers each with an empty
 * {@code NamespaceList}. Used as both sides' API server in differential tests against kubectl.
 * With {@code proxy} set it is an HTTP proxy instead: a {@code CONNECT} is recorded and tunnelled
 * to the same port on 127.0.0.1 whatever host it names; any other request is recorded and
 * answered directly. Thread-safe; a request is recorded before its answer is written, so it is
 * there once the client has its answer.
 */
final class CapturingServer implements AutoCloseable {
  private static final byte[] BODY = "{\"kind\":\"NamespaceList\",\"apiVersion\":\"v1\",\"metadata\":{},\"items\":[]}"
      .getBytes(StandardCharsets.US_ASCII);

  /** One request as received. */
  record Exchange(String requestLine, List<Map.Entry<String, String>> headers, List<String> serverNames,
      String clientCertificate) {

    /** The values of a header, names compared without case, in arrival order. */
    List<String> header(String name) {
      return headers.stream().filter(h -> h.getKey().equalsIgnoreCase(name)).map(Map.Entry::getValue).toList();
    }

    /** The headers whose names start with {@code prefix}, names lower-cased, as "name: value". */
    List<String> headersStartingWith(String prefix) {
      return headers.stream().filter(h -> h.getKey().toLowerCase(Locale.ROOT).startsWith(prefix.toLowerCase(Locale.ROOT)))
          .map(h -> h.getKey().toLowerCase(Locale.ROOT) + ": " + h.getValue()).sorted().toList();
    }
  }

  private final ServerSocket socket;
  private final boolean proxy;
  private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "capturing-server");
    t.setDaemon(true);
    return t;
  });
  private final List<Exchange> exchanges = new CopyOnWriteArrayList<>();
  private volatile int status = 200;
  private final List<Socket> open = new CopyOnWriteArrayList<>();

  private CapturingServer(ServerSocket socket, boolean proxy) {
    this.socket = socket;
    this.proxy = proxy;
    threads.execute(this::acceptLoop);
  }

  /** A plain HTTP server. */
  static CapturingServer http() {
    try {
      return new CapturingServer(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()), false);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** An HTTPS server with {@code context}'s certificate; client certificates are asked for, not required. */
  static CapturingServer https(SSLContext context) {
    try {
      SSLServerSocket server = (SSLServerSocket) context.getServerSocketFactory()
          .createServerSocket(0, 50, InetAddress.getLoopbackAddress());
      server.setWantClientAuth(true);
      return new CapturingServer(server, false);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** An HTTP proxy that tunnels {@code CONNECT}s to 127.0.0.1. */
  static CapturingServer proxy() {
    try {
      return new CapturingServer(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()), true);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  int port() { return socket.getLocalPort(); }

  /** The requests received since the last {@link #clear()}. */
  List<Exchange> exchanges() { return List.copyOf(exchanges); }

  void clear() { exchanges.clear(); }

  /** Answers every request from now on with {@code code} (the body stays the same). */
  void answerWith(int code) { this.status = code; }

  private void acceptLoop() {
    while (!socket.isClosed()) {
      try {
        Socket connection = socket.accept();
        open.add(connection);
        threads.execute(() -> serve(connection));
      } catch (IOException e) {
        return; // closed
      }
    }
  }

  private void serve(Socket connection) {
    try (connection) {
      connection.setSoTimeout(30_000);
      List<String> serverNames = new ArrayList<>();
      String clientCertificate = null;
      if (connection instanceof SSLSocket tls) {
        tls.startHandshake();
        if (tls.getSession() instanceof ExtendedSSLSession session) {
          for (SNIServerName name : session.getRequestedServerNames()) {
            serverNames.add(name instanceof SNIHostName host ? host.getAsciiName() : name.toString());
          }
        }
        try {
          clientCertificate = ((X509Certificate) tls.getSession().getPeerCertificates()[0])
              .getSubjectX500Principal().getName();
        } catch (SSLPeerUnverifiedException e) {
          // no client certificate
        }
      }
      InputStream in = connection.getInputStream();
      String head = readHead(in);
      if (head.isEmpty()) {
        return;
      }
      String[] lines = head.split("\r\n");
      List<Map.Entry<String, String>> headers = new ArrayList<>();
      for (int i = 1; i < lines.length; i++) {
        int colon = lines[i].indexOf(':');
        if (colon > 0) {
          // leading whitespace is syntax; trailing whitespace is kept, to see what the client sent
          headers.add(Map.entry(lines[i].substring(0, colon), lines[i].substring(colon + 1).replaceFirst("^[ \t]+", "")));
        }
      }
      exchanges.add(new Exchange(lines[0], List.copyOf(headers), List.copyOf(serverNames), clientCertificate));
      OutputStream out = connection.getOutputStream();
      if (proxy && lines[0].startsWith("CONNECT ")) {
        tunnel(connection, lines[0]);
        return;
      }
      out.write(("HTTP/1.1 " + status + " Status\r\nContent-Type: application/json\r\nContent-Length: " + BODY.length
          + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      out.write(BODY);
      out.flush();
    } catch (IOException e) {
      // a client that gave up (a refused certificate, say) is not the server's problem
    } finally {
      open.remove(connection);
    }
  }

  private void tunnel(Socket client, String connectLine) throws IOException {
    String target = connectLine.split(" ")[1];
    int port = Integer.parseInt(target.substring(target.lastIndexOf(':') + 1));
    try (Socket upstream = new Socket(InetAddress.getLoopbackAddress(), port)) {
      open.add(upstream);
      client.getOutputStream().write("HTTP/1.1 200 Connection established\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      client.getOutputStream().flush();
      client.setSoTimeout(0);
      upstream.setSoTimeout(0);
      threads.execute(() -> pipe(upstream, client));
      pipe(client, upstream);
    } finally {
      open.removeIf(Socket::isClosed);
    }
  }

  private static void pipe(Socket from, Socket to) {
    try {
      from.getInputStream().transferTo(to.getOutputStream());
      to.shutdownOutput();
    } catch (IOException e) {
      // one side closed
    }
  }

  /** The request line and headers, up to the blank line, without the final line breaks. */
  private static String readHead(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int last4 = 0;
    while (head.size() < 64 * 1024) {
      int b;
      try {
        b = in.read();
      } catch (SocketException e) {
        break;
      }
      if (b < 0) {
        break;
      }
      head.write(b);
      last4 = (last4 << 8) | b;
      if (last4 == 0x0d0a0d0a) {
        String text = head.toString(StandardCharsets.ISO_8859_1);
        return text.substring(0, text.length() - 4);
      }
    }
    return head.toString(StandardCharsets.ISO_8859_1).strip();
  }

  @Override
  public void close() {
    try {
      socket.close();
    } catch (IOException e) {
      // closing anyway
    }
    for (Socket s : open) {
      try {
        s.close();
      } catch (IOException e) {
        // closing anyway
      }
    }
    threads.shutdownNow();
  }
}
