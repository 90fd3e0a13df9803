package com.aurouslabs.toolkit.mock.http;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpRequestDecoder;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.ReferenceCountUtil;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.net.impl.ConnectionBase;
import java.util.function.Function;

/**
 * Answers a request line with a well-formed but unsupported version ({@code HTTP/9.9}, {@code FTP/1.1}) with the
 * 400 envelope instead of Vert.x's bare 501. Sits in the Netty pipeline right after the HTTP decoder, so it sees
 * the decoded request before Vert.x does; it writes the raw answer (built by the mock, same headers as any other
 * answer plus {@code Connection: close}), drops the rest of the connection's input and closes it.
 * Requests that fail to decode at all still go to the server's invalid-request handler.
 */
final class UnsupportedVersionGuard extends ChannelInboundHandlerAdapter {

    static final String NAME = "estimate-mock-version-guard";
    /** The name Vert.x 4.5 gives its HTTP/1.x request decoder in the pipeline. */
    private static final String VERTX_DECODER = "httpDecoder";

    private final Function<String, byte[]> answer;
    private boolean rejected;

    private UnsupportedVersionGuard(Function<String, byte[]> answer) {
        this.answer = answer;
    }

    /**
     * Installs the guard on a new HTTP/1.x connection (a Vert.x connection handler). Vert.x 4.5 internals:
     * {@link ConnectionBase#channel()}; on another implementation the guard is simply not installed.
     */
    static void install(HttpConnection connection, Function<String, byte[]> answer) {
        if (!(connection instanceof ConnectionBase base)) {
            return;
        }
        ChannelPipeline pipeline = base.channel().pipeline();
        ChannelHandlerContext decoder = pipeline.context(VERTX_DECODER);
        if (decoder == null) {
            decoder = pipeline.context(HttpRequestDecoder.class);
        }
        if (decoder != null && pipeline.get(NAME) == null) {
            pipeline.addAfter(decoder.name(), NAME, new UnsupportedVersionGuard(answer));
        }
    }

    static boolean supported(HttpVersion version) {
        return "HTTP".equals(version.protocolName()) && version.majorVersion() == 1
                && (version.minorVersion() == 0 || version.minorVersion() == 1);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (rejected) {
            ReferenceCountUtil.release(msg);
            return;
        }
        if (msg instanceof HttpRequest request && request.decoderResult().isSuccess()
                && !supported(request.protocolVersion())) {
            rejected = true;
            String version = request.protocolVersion().text();
            ReferenceCountUtil.release(msg);
            ctx.writeAndFlush(Unpooled.wrappedBuffer(answer.apply(version)))
                    .addListener(ChannelFutureListener.CLOSE);
            return;
        }
        ctx.fireChannelRead(msg);
    }
}
