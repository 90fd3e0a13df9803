package com.aurouslabs.toolkit.mock.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Pattern;

/**
 * A seeded campaign of hostile requests against one loopback port, over raw keep-alive sockets (so broken
 * framing, invalid UTF-8 and oversized headers reach the server byte for byte). Case {@code i} depends only on
 * the seed and {@code i}, so any failure is reproduced with {@link HostileRequests#generate(long, int)}.
 *
 * <p>Every answer must be complete within the per-request timeout (else a hang), arrive before the connection
 * closes (else a drop), and be either a 4xx error envelope with a request id, or a 200 with a valid estimate when
 * the case may be valid. Bounded by a request count and a wall-clock budget; workers share one counter.
 */
public final class FuzzCampaign {

    public record Settings(long seed, int requests, int workers, Duration requestTimeout, Duration budget) {
    }

    /** The counts of one run. {@code failures} keeps the first few, with the case to replay. */
    public record Result(long seed, int requests, long wallMillis, boolean budgetExhausted, Map<Integer, Long> byStatus,
            Map<String, Map<Integer, Long>> byKind, long serverErrors, long hangs, long drops, long badAnswers,
            List<String> failures) {

        public long failureCount() {
            return serverErrors + hangs + drops + badAnswers;
        }

        public String summary() {
            StringBuilder sb = new StringBuilder();
            sb.append(String.format(Locale.ROOT, "fuzz: seed=%d requests=%d wall=%.1fs%s%n", seed, requests,
                    wallMillis / 1000.0, budgetExhausted ? " (stopped by the time budget)" : ""));
            sb.append("fuzz: by status ").append(byStatus).append('\n');
            sb.append(String.format(Locale.ROOT, "fuzz: 5xx=%d hangs=%d drops=%d bad_answers=%d%n", serverErrors,
                    hangs, drops, badAnswers));
            byKind.forEach((kind, statuses) -> sb.append("fuzz:   ").append(kind).append(' ').append(statuses)
                    .append('\n'));
            failures.forEach(f -> sb.append("fuzz: FAIL ").append(f).append('\n'));
            return sb.toString();
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern REQUEST_ID = Pattern.compile("req_[0-9A-Z]{26}");
    private static final int MAX_FAILURES_KEPT = 20;

    private final String host;
    private final int port;
    private final Settings settings;

    private final AtomicInteger next = new AtomicInteger();
    private final AtomicInteger done = new AtomicInteger();
    private final Map<Integer, LongAdder> byStatus = new ConcurrentHashMap<>();
    private final Map<String, Map<Integer, LongAdder>> byKind = new ConcurrentHashMap<>();
    private final LongAdder serverErrors = new LongAdder();
    private final LongAdder hangs = new LongAdder();
    private final LongAdder drops = new LongAdder();
    private final LongAdder badAnswers = new LongAdder();
    private final List<String> failures = Collections.synchronizedList(new ArrayList<>());
    private volatile boolean budgetExhausted;

    public FuzzCampaign(String host, int port, Settings settings) {
        if (!host.equals("127.0.0.1")) {
            throw new IllegalArgumentException("the fuzz campaign only targets loopback (127.0.0.1)");
        }
        this.host = host;
        this.port = port;
        this.settings = settings;
    }

    public Result run() throws Exception {
        long start = System.nanoTime();
        long deadline = start + settings.budget().toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(settings.workers());
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int w = 0; w < settings.workers(); w++) {
                workers.add(pool.submit(() -> {
                    work(deadline);
                    return null;
                }));
            }
            for (Future<?> f : workers) {
                f.get(settings.budget().toMillis() + settings.requestTimeout().toMillis() + 10_000,
                        TimeUnit.MILLISECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        long wall = (System.nanoTime() - start) / 1_000_000;
        Map<String, Map<Integer, Long>> kinds = new TreeMap<>();
        byKind.forEach((k, m) -> kinds.put(k, snapshot(m)));
        return new Result(settings.seed(), done.get(), wall, budgetExhausted, snapshot(byStatus), kinds,
                serverErrors.sum(), hangs.sum(), drops.sum(), badAnswers.sum(),
                List.copyOf(failures));
    }

    private static Map<Integer, Long> snapshot(Map<Integer, LongAdder> m) {
        Map<Integer, Long> out = new TreeMap<>();
        m.forEach((k, v) -> out.put(k, v.sum()));
        return out;
    }

    private void work(long deadline) {
        Connection connection = null;
        try {
            while (true) {
                if (System.nanoTime() > deadline) {
                    budgetExhausted = true;
                    return;
                }
                int index = next.getAndIncrement();
                if (index >= settings.requests()) {
                    return;
                }
                HostileRequests.Case c = HostileRequests.generate(settings.seed(), index);
                if (connection == null || c.freshConnection()) {
                    close(connection);
                    connection = new Connection(host, port, settings.requestTimeout());
                }
                try {
                    Answer answer = connection.exchange(c.bytes(), settings.requestTimeout());
                    judge(index, c, answer);
                    if (answer.closesConnection() || c.freshConnection()) {
                        close(connection);
                        connection = null;
                    }
                } catch (SocketTimeoutException e) {
                    hangs.increment();
                    fail(index, c, "no complete answer within " + settings.requestTimeout().toMillis() + " ms");
                    close(connection);
                    connection = null;
                } catch (IOException e) {
                    drops.increment();
                    fail(index, c, "connection dropped before a complete answer: " + e);
                    close(connection);
                    connection = null;
                }
                done.incrementAndGet();
            }
        } catch (IOException e) {
            drops.increment();
            failures.add("could not connect: " + e);
        } finally {
            close(connection);
        }
    }

    private void judge(int index, HostileRequests.Case c, Answer a) {
        byStatus.computeIfAbsent(a.status(), k -> new LongAdder()).increment();
        byKind.computeIfAbsent(c.kind(), k -> new ConcurrentHashMap<>())
                .computeIfAbsent(a.status(), k -> new LongAdder()).increment();
        String problem;
        if (a.status() >= 500) {
            serverErrors.increment();
            fail(index, c, "server error " + a.status() + " " + a.bodyText());
            return;
        } else if (a.status() == 200) {
            problem = c.mayBeValid() ? estimateProblem(a) : "200 for a request that must be rejected";
        } else if (a.status() >= 400) {
            problem = envelopeProblem(a);
        } else {
            problem = "unexpected status " + a.status();
        }
        if (problem != null) {
            badAnswers.increment();
            fail(index, c, problem + " -> " + a.status() + " " + a.bodyText());
        }
    }

    private static String estimateProblem(Answer a) {
        if (!REQUEST_ID.matcher(a.header("aurous-request-id")).matches()) {
            return "200 without a request id";
        }
        JsonNode body = a.json();
        if (body == null) {
            return "200 without a JSON body";
        }
        JsonNode cost = body.path("estimated_cost");
        JsonNode breakdown = cost.path("breakdown");
        boolean ok = body.path("object").asText().equals("estimate") && body.path("currency").asText().equals("credit")
                && cost.path("amount").isNumber() && cost.path("amount").asDouble() >= 0
                && breakdown.path("base").isNumber() && breakdown.path("base").asDouble() >= 0
                && Math.abs(cost.path("amount").asDouble() - breakdown.path("base").asDouble()
                        - breakdown.path("enhance").asDouble(0)) < 1e-9;
        return ok ? null : "200 without a valid estimate body";
    }

    private static String envelopeProblem(Answer a) {
        String requestId = a.header("aurous-request-id");
        if (!REQUEST_ID.matcher(requestId).matches()) {
            return "no Aurous-Request-Id";
        }
        if (!a.header("content-type").startsWith("application/json")) {
            return "content type " + a.header("content-type");
        }
        JsonNode body = a.json();
        if (body == null) {
            return "error body is not JSON";
        }
        JsonNode error = body.path("error");
        boolean ok = error.isObject() && body.size() == 1 && error.path("type").isTextual()
                && error.path("code").isTextual() && !error.path("message").asText().isBlank() && error.has("param")
                && error.path("doc_url").asText().equals("https://docs.aurous-labs.com/errors#"
                        + error.path("code").asText())
                && error.path("request_id").asText().equals(requestId);
        return ok ? null : "not the documented error envelope";
    }

    private void fail(int index, HostileRequests.Case c, String what) {
        if (failures.size() < MAX_FAILURES_KEPT) {
            failures.add("case " + index + " (" + c.kind() + ", seed " + settings.seed() + "): " + what);
        }
    }

    private static void close(Connection c) {
        if (c != null) {
            c.close();
        }
    }

    /** One parsed answer. Header names are lower-cased. */
    record Answer(int status, Map<String, String> headers, byte[] body) {

        String header(String name) {
            return headers.getOrDefault(name, "");
        }

        boolean closesConnection() {
            return header("connection").equalsIgnoreCase("close");
        }

        String bodyText() {
            String s = new String(body, StandardCharsets.UTF_8);
            return s.length() > 300 ? s.substring(0, 300) + "..." : s;
        }

        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                return null;
            }
        }
    }

    /** A keep-alive HTTP/1.1 connection that reads Content-Length, chunked and close-delimited answers. */
    static final class Connection {
        private final Socket socket;
        private final InputStream in;
        private final OutputStream out;

        Connection(String host, int port, Duration timeout) throws IOException {
            socket = new Socket();
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress(host, port), (int) timeout.toMillis());
            in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
            out = socket.getOutputStream();
        }

        Answer exchange(byte[] request, Duration timeout) throws IOException {
            long deadline = System.nanoTime() + timeout.toNanos();
            socket.setSoTimeout((int) timeout.toMillis());
            out.write(request);
            out.flush();
            String statusLine = line(deadline);
            String[] parts = statusLine.split(" ", 3);
            if (parts.length < 2 || !parts[0].matches("[A-Z]+/\\d\\.\\d")) {
                throw new IOException("not an HTTP status line: " + statusLine);
            }
            int status = Integer.parseInt(parts[1]);
            Map<String, String> headers = new TreeMap<>();
            for (String h = line(deadline); !h.isEmpty(); h = line(deadline)) {
                int colon = h.indexOf(':');
                if (colon > 0) {
                    headers.put(h.substring(0, colon).trim().toLowerCase(Locale.ROOT), h.substring(colon + 1).trim());
                }
            }
            byte[] body;
            if (headers.containsKey("content-length")) {
                body = exactly(Integer.parseInt(headers.get("content-length")), deadline);
            } else if (headers.getOrDefault("transfer-encoding", "").equalsIgnoreCase("chunked")) {
                ByteArrayOutputStream b = new ByteArrayOutputStream();
                for (int size = Integer.parseInt(line(deadline).split(";")[0].trim(), 16); size > 0;
                        size = Integer.parseInt(line(deadline).split(";")[0].trim(), 16)) {
                    b.write(exactly(size, deadline));
                    line(deadline);
                }
                while (!line(deadline).isEmpty()) {
                    // trailers
                }
                body = b.toByteArray();
            } else {
                ByteArrayOutputStream b = new ByteArrayOutputStream();
                for (int ch = read(deadline); ch >= 0; ch = read(deadline)) {
                    b.write(ch);
                }
                body = b.toByteArray();
                headers.put("connection", "close");
            }
            return new Answer(status, headers, body);
        }

        private int read(long deadline) throws IOException {
            if (System.nanoTime() > deadline) {
                throw new SocketTimeoutException("answer not complete in time");
            }
            return in.read();
        }

        private String line(long deadline) throws IOException {
            ByteArrayOutputStream b = new ByteArrayOutputStream(64);
            while (true) {
                int ch = read(deadline);
                if (ch < 0) {
                    throw new EOFException("connection closed mid-answer");
                }
                if (ch == '\n') {
                    break;
                }
                if (ch != '\r') {
                    b.write(ch);
                }
            }
            return b.toString(StandardCharsets.ISO_8859_1);
        }

        private byte[] exactly(int n, long deadline) throws IOException {
            byte[] buf = new byte[n];
            int off = 0;
            while (off < n) {
                if (System.nanoTime() > deadline) {
                    throw new SocketTimeoutException("body not complete in time");
                }
                int r = in.read(buf, off, n - off);
                if (r < 0) {
                    throw new EOFException("connection closed mid-body");
                }
                off += r;
            }
            return buf;
        }

        void close() {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }
}
