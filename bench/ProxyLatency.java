// bench/ProxyLatency.java: run by bench/proxy-latency.sh with the JDK's source launcher (java ProxyLatency.java ...).
// Sends the same valid estimate request N times to the mock directly and N times through the validating proxy in
// front of that mock, one request at a time, alternating which goes first, over one keep-alive HTTP/1.1 connection
// each. Prints the latency percentiles of both and the latency the proxy adds (difference of the percentiles, and
// percentiles of the per-pair differences). It reports; it asserts nothing about time.
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

public class ProxyLatency {

    public static void main(String[] args) throws Exception {
        int directPort = Integer.parseInt(args[0]);
        int proxyPort = Integer.parseInt(args[1]);
        int n = Integer.parseInt(args[2]);
        int warmup = Integer.parseInt(args[3]);
        String key = args[4];
        String body = args[5];
        Connection direct = new Connection(directPort, key, body, false);
        Connection proxied = new Connection(proxyPort, key, body, true);
        for (int i = 0; i < warmup; i++) {
            direct.send();
            proxied.send();
        }
        long[] d = new long[n];
        long[] p = new long[n];
        long[] added = new long[n];
        for (int i = 0; i < n; i++) {
            if (i % 2 == 0) {
                d[i] = direct.send();
                p[i] = proxied.send();
            } else {
                p[i] = proxied.send();
                d[i] = direct.send();
            }
            added[i] = p[i] - d[i];
        }
        long[] ds = d.clone();
        long[] ps = p.clone();
        long[] as = added.clone();
        Arrays.sort(ds);
        Arrays.sort(ps);
        Arrays.sort(as);
        System.out.printf("requests          %d direct + %d via the proxy, sequential, alternating (after %d + %d "
                + "warm-up)%n", n, n, warmup, warmup);
        System.out.printf("direct            p50 %s  p90 %s  p99 %s  max %s%n", ms(pct(ds, 50)), ms(pct(ds, 90)),
                ms(pct(ds, 99)), ms(ds[n - 1]));
        System.out.printf("via proxy         p50 %s  p90 %s  p99 %s  max %s%n", ms(pct(ps, 50)), ms(pct(ps, 90)),
                ms(pct(ps, 99)), ms(ps[n - 1]));
        System.out.printf("added (p - p)     p50 %s  p99 %s%n", ms(pct(ps, 50) - pct(ds, 50)),
                ms(pct(ps, 99) - pct(ds, 99)));
        System.out.printf("added (per pair)  p50 %s  p90 %s  p99 %s%n", ms(pct(as, 50)), ms(pct(as, 90)),
                ms(pct(as, 99)));
    }

    /** One keep-alive connection that sends the same request again and again. */
    private static final class Connection {
        private final Socket socket;
        private final OutputStream out;
        private final InputStream in;
        private final byte[] request;
        private final boolean proxied;

        Connection(int port, String key, String body, boolean proxied) throws IOException {
            this.socket = new Socket("127.0.0.1", port);
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(30_000);
            this.out = socket.getOutputStream();
            this.in = new java.io.BufferedInputStream(socket.getInputStream(), 8192);
            byte[] b = body.getBytes(StandardCharsets.UTF_8);
            this.request = ("POST /v1/images/estimate HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\n"
                    + "Content-Type: application/json\r\nX-Api-Key: " + key + "\r\nContent-Length: " + b.length
                    + "\r\n\r\n" + body).getBytes(StandardCharsets.UTF_8);
            this.proxied = proxied;
        }

        /** Nanoseconds for one exchange; fails on anything but a clean 200. */
        long send() throws IOException {
            long start = System.nanoTime();
            out.write(request);
            out.flush();
            String head = head();
            int length = -1;
            for (String line : head.split("\r\n")) {
                String l = line.toLowerCase(Locale.ROOT);
                if (l.startsWith("content-length:")) {
                    length = Integer.parseInt(l.substring(15).strip());
                }
            }
            byte[] body = in.readNBytes(length);
            long took = System.nanoTime() - start;
            if (!head.startsWith("HTTP/1.1 200") || length < 0 || body.length != length
                    || (proxied && head.toLowerCase(Locale.ROOT).contains("x-mock-proxy-violations"))) {
                throw new IllegalStateException("unexpected answer: " + head);
            }
            return took;
        }

        private String head() throws IOException {
            ByteArrayOutputStream buffer = new ByteArrayOutputStream(512);
            int state = 0;
            while (state < 4) {
                int c = in.read();
                if (c < 0) {
                    throw new IOException("connection closed");
                }
                buffer.write(c);
                state = (c == '\r' && (state == 0 || state == 2)) || (c == '\n' && (state == 1 || state == 3))
                        ? state + 1 : (c == '\r' ? 1 : 0);
            }
            return buffer.toString(StandardCharsets.ISO_8859_1);
        }
    }

    private static long pct(long[] sorted, int percentile) {
        int i = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }

    private static String ms(long nanos) {
        return String.format("%7.3f ms", nanos / 1e6);
    }
}
