package dev.scopegate.bench;

import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.AttributeKey;
import io.netty.util.concurrent.FastThreadLocal;
import java.util.ArrayDeque;

/**
 * The floor under the framework's floor, for bench/run.sh: a reverse proxy written on Netty's own
 * HTTP codecs with no Vert.x above them — the codecs Vert.x's server and client are built on —
 * passing a POST body to the upstream and its answer back. One event loop per core; each loop
 * keeps its own keep-alive connections to the upstream and uses them for the connections it
 * serves, so a call never leaves its thread. No JSON, no credentials, no policy, no metrics, no
 * timeouts: what it costs per call is what any proxy on the JVM's Netty pays at least, and it
 * tells how much of the distance between Scopegate and nginx a rewrite below Vert.x could close.
 *
 * <p>Usage: {@code java -cp target/scopegate.jar dev.scopegate.bench.NettyProxy PORT UPSTREAM_PORT}
 * (loopback). Runs until killed. Not part of the product.
 */
public final class NettyProxy {
  private static final int MAX_BODY = 16 * 1024 * 1024;
  private static final AttributeKey<Channel> WAITING = AttributeKey.valueOf("downstream");

  private final int upstreamPort;
  private final boolean epoll = Epoll.isAvailable();
  /** Each loop's idle upstream connections; touched only on that loop. */
  private final FastThreadLocal<ArrayDeque<Channel>> idle = new FastThreadLocal<>() {
    @Override
    protected ArrayDeque<Channel> initialValue() {
      return new ArrayDeque<>();
    }
  };

  private NettyProxy(int upstreamPort) {
    this.upstreamPort = upstreamPort;
  }

  public static void main(String[] args) throws InterruptedException {
    int port = Integer.parseInt(args[0]);
    new NettyProxy(Integer.parseInt(args[1])).serve(port);
  }

  private void serve(int port) throws InterruptedException {
    int loops = Runtime.getRuntime().availableProcessors();
    EventLoopGroup group = new MultiThreadIoEventLoopGroup(loops,
        epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory());
    Channel server = new ServerBootstrap()
        .group(group)
        .channel(epoll ? EpollServerSocketChannel.class : NioServerSocketChannel.class)
        .childOption(ChannelOption.TCP_NODELAY, true)
        .childHandler(new ChannelInitializer<SocketChannel>() {
          @Override
          protected void initChannel(SocketChannel channel) {
            channel.pipeline().addLast(new HttpServerCodec(), new HttpObjectAggregator(MAX_BODY), new Downstream());
          }
        })
        .bind("127.0.0.1", port).sync().channel();
    System.out.println("netty proxy on 127.0.0.1:" + port + (epoll ? " (epoll)" : " (nio)"));
    server.closeFuture().sync();
  }

  /** A client's request, forwarded on a connection of this loop's own. */
  private final class Downstream extends SimpleChannelInboundHandler<FullHttpRequest> {
    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
      Channel client = ctx.channel();
      FullHttpRequest out = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.POST, "/",
          request.content().retain());
      out.headers().set(HttpHeaderNames.HOST, "127.0.0.1")
          .set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_JSON)
          .setInt(HttpHeaderNames.CONTENT_LENGTH, out.content().readableBytes());
      Channel upstream = idle.get().pollFirst();
      if (upstream != null && upstream.isActive()) {
        send(upstream, client, out);
        return;
      }
      connect(client.eventLoop()).addListener((ChannelFutureListener) connected -> {
        if (connected.isSuccess()) {
          send(connected.channel(), client, out);
        } else {
          out.release();
          answer(client, new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.BAD_GATEWAY));
        }
      });
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
      ctx.close();
    }
  }

  private io.netty.channel.ChannelFuture connect(EventLoop loop) {
    return new Bootstrap()
        .group(loop)
        .channel(epoll ? EpollSocketChannel.class : NioSocketChannel.class)
        .option(ChannelOption.TCP_NODELAY, true)
        .handler(new ChannelInitializer<SocketChannel>() {
          @Override
          protected void initChannel(SocketChannel channel) {
            channel.pipeline().addLast(new HttpClientCodec(), new HttpObjectAggregator(MAX_BODY), new Upstream());
          }
        })
        .connect("127.0.0.1", upstreamPort);
  }

  private static void send(Channel upstream, Channel client, FullHttpRequest request) {
    upstream.attr(WAITING).set(client);
    upstream.writeAndFlush(request);
  }

  /** The upstream's answer, handed to the client waiting on this connection. */
  private final class Upstream extends SimpleChannelInboundHandler<FullHttpResponse> {
    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpResponse response) {
      Channel client = ctx.channel().attr(WAITING).getAndSet(null);
      if (HttpUtil.isKeepAlive(response)) {
        idle.get().addFirst(ctx.channel());
      } else {
        ctx.close();
      }
      if (client == null) {
        return;
      }
      ByteBuf body = response.content().retain();
      FullHttpResponse back = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, response.status(), body);
      back.headers().set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_JSON)
          .setInt(HttpHeaderNames.CONTENT_LENGTH, body.readableBytes());
      answer(client, back);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
      idle.get().remove(ctx.channel());
      Channel client = ctx.channel().attr(WAITING).getAndSet(null);
      if (client != null) {
        answer(client, new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.BAD_GATEWAY));
      }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
      ctx.close();
    }
  }

  private static void answer(Channel client, FullHttpResponse response) {
    if (response.content().readableBytes() == 0) {
      response.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, 0);
    }
    client.writeAndFlush(response);
  }
}
