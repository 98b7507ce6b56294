package io.kubegen.apiserver.storage;

import io.grpc.EquivalentAddressGroup;
import io.grpc.ManagedChannel;
import io.grpc.NameResolver;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Opens the gRPC channel to etcd: plain HTTP/2 to a fixed list of endpoints, tried in order
 * ({@code pick_first}: a failed endpoint moves the channel to the next one), keepalive pings so a
 * silent peer is noticed within seconds, and room for large list responses. Stateless.
 */
final class EtcdChannels {
  private static final int MAX_MESSAGE_BYTES = 256 * 1024 * 1024;

  private EtcdChannels() {}

  @SuppressWarnings("deprecation") // nameResolverFactory: the plain way to hand gRPC a fixed address list
  static ManagedChannel open(List<URI> endpoints) {
    List<EquivalentAddressGroup> groups = new ArrayList<>();
    for (URI e : endpoints) {
      groups.add(new EquivalentAddressGroup(new InetSocketAddress(e.getHost(), e.getPort())));
    }
    return NettyChannelBuilder.forTarget("kubegen-etcd:///" + endpoints.get(0).getAuthority())
        .nameResolverFactory(new FixedResolverFactory(groups, endpoints.get(0).getAuthority()))
        .defaultLoadBalancingPolicy("pick_first")
        .usePlaintext()
        .keepAliveTime(10, TimeUnit.SECONDS)
        .keepAliveTimeout(5, TimeUnit.SECONDS)
        .keepAliveWithoutCalls(true)
        .maxInboundMessageSize(MAX_MESSAGE_BYTES)
        .build();
  }

  /** Resolves every target to the configured endpoints, in order. */
  private static final class FixedResolverFactory extends NameResolver.Factory {
    private final List<EquivalentAddressGroup> groups;
    private final String authority;

    FixedResolverFactory(List<EquivalentAddressGroup> groups, String authority) {
      this.groups = groups;
      this.authority = authority;
    }

    @Override
    public NameResolver newNameResolver(URI targetUri, NameResolver.Args args) {
      return new NameResolver() {
        @Override public String getServiceAuthority() { return authority; }
        @Override public void start(Listener2 listener) {
          listener.onResult(ResolutionResult.newBuilder().setAddresses(groups).build());
        }
        @Override public void shutdown() {}
      };
    }

    @Override
    public String getDefaultScheme() { return "kubegen-etcd"; }
  }
}
