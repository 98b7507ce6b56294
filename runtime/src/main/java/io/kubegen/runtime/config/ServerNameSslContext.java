package io.kubegen.runtime.config;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.security.KeyManagementException;
import java.security.SecureRandom;
import java.util.List;
import java.util.function.BiFunction;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SNIServerName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLContextSpi;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocketFactory;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSessionContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;

/**
 * An {@link SSLContext} whose client connections send {@code tls-server-name} as the TLS server
 * name indication (SNI), whatever host the URL names, as Go's TLS client sends its
 * {@code ServerName}. The JDK's HTTP client sets the SNI from the URL's host on every engine it
 * creates; the engines of this context replace it on the way in. Everything else is the wrapped
 * context's. Thread-safe.
 */
final class ServerNameSslContext extends SSLContext {

  /**
   * @param serverName the name to send; an IP address is not sent (SNI carries host names only),
   *     as in Go; a name the JDK refuses as SNI (one with {@code _}, say) is not sent either
   */
  ServerNameSslContext(SSLContext base, String serverName) {
    super(new Spi(base, sni(serverName)), base.getProvider(), base.getProtocol());
  }

  private static List<SNIServerName> sni(String serverName) {
    String name = serverName.endsWith(".") ? serverName.substring(0, serverName.length() - 1) : serverName;
    String bare = name.startsWith("[") && name.endsWith("]") ? name.substring(1, name.length() - 1) : name;
    if (name.isEmpty() || IpLiterals.parse(bare, true) != null) {
      return List.of();
    }
    try {
      return List.of(new SNIHostName(name));
    } catch (IllegalArgumentException e) {
      return List.of();
    }
  }

  private static SSLParameters withServerNames(SSLParameters parameters, List<SNIServerName> names) {
    parameters.setServerNames(names);
    return parameters;
  }

  private static final class Spi extends SSLContextSpi {
    private final SSLContext base;
    private final List<SNIServerName> names;

    Spi(SSLContext base, List<SNIServerName> names) {
      this.base = base;
      this.names = names;
    }

    @Override
    protected void engineInit(KeyManager[] km, TrustManager[] tm, SecureRandom random) throws KeyManagementException {
      base.init(km, tm, random);
    }

    @Override
    protected SSLSocketFactory engineGetSocketFactory() {
      return new SniSocketFactory(base.getSocketFactory(), names);
    }

    @Override
    protected SSLServerSocketFactory engineGetServerSocketFactory() {
      return base.getServerSocketFactory();
    }

    @Override
    protected SSLEngine engineCreateSSLEngine() {
      return new SniEngine(base.createSSLEngine(), names);
    }

    @Override
    protected SSLEngine engineCreateSSLEngine(String host, int port) {
      return new SniEngine(base.createSSLEngine(host, port), names);
    }

    @Override
    protected SSLSessionContext engineGetServerSessionContext() {
      return base.getServerSessionContext();
    }

    @Override
    protected SSLSessionContext engineGetClientSessionContext() {
      return base.getClientSessionContext();
    }

    @Override
    protected SSLParameters engineGetDefaultSSLParameters() {
      return withServerNames(base.getDefaultSSLParameters(), names);
    }

    @Override
    protected SSLParameters engineGetSupportedSSLParameters() {
      return base.getSupportedSSLParameters();
    }
  }

  /** Sockets whose SNI is replaced before the handshake. */
  private static final class SniSocketFactory extends SSLSocketFactory {
    private final SSLSocketFactory base;
    private final List<SNIServerName> names;

    SniSocketFactory(SSLSocketFactory base, List<SNIServerName> names) {
      this.base = base;
      this.names = names;
    }

    private Socket sni(Socket socket) {
      if (socket instanceof SSLSocket ssl) {
        ssl.setSSLParameters(withServerNames(ssl.getSSLParameters(), names));
      }
      return socket;
    }

    @Override
    public String[] getDefaultCipherSuites() { return base.getDefaultCipherSuites(); }

    @Override
    public String[] getSupportedCipherSuites() { return base.getSupportedCipherSuites(); }

    @Override
    public Socket createSocket(Socket s, String host, int port, boolean autoClose) throws IOException {
      return sni(base.createSocket(s, host, port, autoClose));
    }

    @Override
    public Socket createSocket() throws IOException { return sni(base.createSocket()); }

    @Override
    public Socket createSocket(String host, int port) throws IOException { return sni(base.createSocket(host, port)); }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
      return sni(base.createSocket(host, port, localHost, localPort));
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException { return sni(base.createSocket(host, port)); }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
        throws IOException {
      return sni(base.createSocket(address, port, localAddress, localPort));
    }
  }

  /** An engine that keeps the configured SNI whatever parameters it is given; the rest is the delegate's. */
  private static final class SniEngine extends SSLEngine {
    private final SSLEngine delegate;
    private final List<SNIServerName> names;

    SniEngine(SSLEngine delegate, List<SNIServerName> names) {
      super(delegate.getPeerHost(), delegate.getPeerPort());
      this.delegate = delegate;
      this.names = names;
      delegate.setSSLParameters(withServerNames(delegate.getSSLParameters(), names));
    }

    @Override
    public void setSSLParameters(SSLParameters parameters) {
      delegate.setSSLParameters(withServerNames(parameters, names));
    }

    @Override
    public SSLParameters getSSLParameters() { return delegate.getSSLParameters(); }

    @Override
    public SSLEngineResult wrap(ByteBuffer[] srcs, int offset, int length, ByteBuffer dst) throws SSLException {
      return delegate.wrap(srcs, offset, length, dst);
    }

    @Override
    public SSLEngineResult unwrap(ByteBuffer src, ByteBuffer[] dsts, int offset, int length) throws SSLException {
      return delegate.unwrap(src, dsts, offset, length);
    }

    @Override
    public Runnable getDelegatedTask() { return delegate.getDelegatedTask(); }

    @Override
    public void closeInbound() throws SSLException { delegate.closeInbound(); }

    @Override
    public boolean isInboundDone() { return delegate.isInboundDone(); }

    @Override
    public void closeOutbound() { delegate.closeOutbound(); }

    @Override
    public boolean isOutboundDone() { return delegate.isOutboundDone(); }

    @Override
    public String[] getSupportedCipherSuites() { return delegate.getSupportedCipherSuites(); }

    @Override
    public String[] getEnabledCipherSuites() { return delegate.getEnabledCipherSuites(); }

    @Override
    public void setEnabledCipherSuites(String[] suites) { delegate.setEnabledCipherSuites(suites); }

    @Override
    public String[] getSupportedProtocols() { return delegate.getSupportedProtocols(); }

    @Override
    public String[] getEnabledProtocols() { return delegate.getEnabledProtocols(); }

    @Override
    public void setEnabledProtocols(String[] protocols) { delegate.setEnabledProtocols(protocols); }

    @Override
    public SSLSession getSession() { return delegate.getSession(); }

    @Override
    public SSLSession getHandshakeSession() { return delegate.getHandshakeSession(); }

    @Override
    public void beginHandshake() throws SSLException { delegate.beginHandshake(); }

    @Override
    public SSLEngineResult.HandshakeStatus getHandshakeStatus() { return delegate.getHandshakeStatus(); }

    @Override
    public void setUseClientMode(boolean mode) { delegate.setUseClientMode(mode); }

    @Override
    public boolean getUseClientMode() { return delegate.getUseClientMode(); }

    @Override
    public void setNeedClientAuth(boolean need) { delegate.setNeedClientAuth(need); }

    @Override
    public boolean getNeedClientAuth() { return delegate.getNeedClientAuth(); }

    @Override
    public void setWantClientAuth(boolean want) { delegate.setWantClientAuth(want); }

    @Override
    public boolean getWantClientAuth() { return delegate.getWantClientAuth(); }

    @Override
    public void setEnableSessionCreation(boolean flag) { delegate.setEnableSessionCreation(flag); }

    @Override
    public boolean getEnableSessionCreation() { return delegate.getEnableSessionCreation(); }

    @Override
    public String getApplicationProtocol() { return delegate.getApplicationProtocol(); }

    @Override
    public String getHandshakeApplicationProtocol() { return delegate.getHandshakeApplicationProtocol(); }

    @Override
    public void setHandshakeApplicationProtocolSelector(BiFunction<SSLEngine, List<String>, String> selector) {
      delegate.setHandshakeApplicationProtocolSelector(selector);
    }

    @Override
    public BiFunction<SSLEngine, List<String>, String> getHandshakeApplicationProtocolSelector() {
      return delegate.getHandshakeApplicationProtocolSelector();
    }
  }
}
