package id.rekber.singlenode;

import io.grpc.ServerBuilder;
import io.grpc.ServerProvider;
import io.grpc.netty.NettyServerBuilder;
import java.net.InetAddress;
import java.net.InetSocketAddress;

/**
 * The embedded engine builds its gRPC gateway with {@code ServerBuilder.forPort}, which listens on
 * every interface, without authentication. This provider (registered through
 * META-INF/services, ranked above Netty's own) makes such servers listen on loopback only, so in
 * single-node mode nobody on the network can publish messages or complete jobs.
 */
public final class LoopbackGrpcServerProvider extends ServerProvider {
  @Override
  protected boolean isAvailable() {
    return true;
  }

  @Override
  protected int priority() {
    return 10;
  }

  @Override
  protected ServerBuilder<?> builderForPort(int port) {
    return NettyServerBuilder.forAddress(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
  }
}
