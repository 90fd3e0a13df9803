package com.aurouslabs.toolkit.mock.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import com.aurouslabs.toolkit.mock.MockServer;
import com.aurouslabs.toolkit.mock.support.MockClient;
import com.aurouslabs.toolkit.mock.support.Reply;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.PfxOptions;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * An https upstream is verified like any TLS client would (the JDK's trusted authorities, host name checked): a
 * certificate nobody vouches for is not trusted, and the request is never sent. The certificate is made with the
 * JDK's keytool (Vert.x's self-signed helper needs a provider the JDK does not open).
 */
class TlsUpstreamAcceptanceTest {

    private static Path keystore() throws Exception {
        Path dir = Files.createTempDirectory("proxy-tls");
        Path file = dir.resolve("upstream.p12");
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        Process p = new ProcessBuilder(keytool.toString(), "-genkeypair", "-alias", "upstream", "-keyalg", "EC",
                "-dname", "CN=localhost", "-ext", "SAN=dns:localhost", "-validity", "2", "-storetype", "PKCS12",
                "-keystore", file.toString(), "-storepass", "changeit", "-keypass", "changeit")
                .redirectErrorStream(true).redirectOutput(dir.resolve("keytool.log").toFile()).start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(Files.readString(dir.resolve("keytool.log"))).isZero();
        return file;
    }

    @Test
    void an_upstream_whose_certificate_is_not_trusted_answers_502_and_is_never_sent_the_request() throws Exception {
        Path keystore = keystore();
        Vertx vertx = Vertx.vertx();
        int[] received = {0};
        try {
            HttpServer server = vertx.createHttpServer(new HttpServerOptions().setSsl(true)
                            .setKeyCertOptions(new PfxOptions().setPath(keystore.toString()).setPassword("changeit")))
                    .requestHandler(r -> {
                        received[0]++;
                        r.response().end("{}");
                    });
            server.listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            try (MockServer proxy = ProxyPair.proxyTo(URI.create("https://localhost:" + server.actualPort()),
                    Duration.ofSeconds(5))) {
                Reply reply = Probe.post("minimal", Probe.prompt("")).send(new MockClient(proxy.baseUrl()));
                assertThat(reply.status()).isEqualTo(502);
                assertThat(reply.code()).isEqualTo("provider_unavailable");
                assertThat(reply.error().path("message").asText()).contains("TLS");
                assertThat(received[0]).isZero();
            }
        } finally {
            Files.deleteIfExists(keystore);
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }
}
