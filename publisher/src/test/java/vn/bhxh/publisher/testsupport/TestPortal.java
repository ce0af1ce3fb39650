package vn.bhxh.publisher.testsupport;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import vn.bhxh.publisher.connector.webhook.WebhookSignature;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A portal receiving signed webhooks, in process: it checks every signature and counts, per idempotency
 * key, every POST it got and every one it answered 2xx. It deliberately does not deduplicate, so the
 * counts show what the sender really did.
 */
public final class TestPortal implements AutoCloseable {

    private final HttpServer server;
    private final String secret;
    private final Map<String, AtomicInteger> received = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> accepted = new ConcurrentHashMap<>();
    private final Map<String, Instant> firstAcceptedAt = new ConcurrentHashMap<>();
    private final AtomicInteger badSignatures = new AtomicInteger();
    private final AtomicInteger refusedWhileDown = new AtomicInteger();
    private final AtomicLong downUntilMillis = new AtomicLong();
    private volatile long downForMillis;
    private volatile CountDownLatch hang;
    private volatile long answerDelayMillis;
    private final CountDownLatch hangReached = new CountDownLatch(1);
    private volatile int answerBeforeHolding = -1;
    private final AtomicInteger admitted = new AtomicInteger();
    private final AtomicInteger held = new AtomicInteger();
    private final CountDownLatch holdReleased = new CountDownLatch(1);

    public TestPortal(String secret) throws IOException {
        this.secret = secret;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 200);
        server.setExecutor(Executors.newFixedThreadPool(16));
        server.createContext("/hook", this::handle);
        server.start();
    }

    public URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/hook");
    }

    /**
     * Answers 503 with Retry-After: 1 for {@code outage} from the first request it receives, and to every job's first
     * post, so a slow start of the caller (a loaded machine) cannot let the outage pass before a job has met it.
     */
    public void downFor(Duration outage) {
        downForMillis = outage.toMillis();
    }

    /** Every answer comes this late (a slow portal). */
    public void answerAfter(Duration delay) {
        answerDelayMillis = delay.toMillis();
    }

    /** The first POST is held open (never answered) until {@link #releaseHang()}; later ones are answered. */
    public void hangFirstPost() {
        hang = new CountDownLatch(1);
    }

    public boolean awaitHangingPost(long seconds) throws InterruptedException {
        return hangReached.await(seconds, TimeUnit.SECONDS);
    }

    /**
     * Answers the first {@code answered} posts as usual, then holds every later one open (never answered) until
     * {@link #releaseHeld()}: a burst whose sender is caught with several deliveries under way.
     */
    public void holdPostsAfter(int answered) {
        answerBeforeHolding = answered;
    }

    /** How many posts are being held open right now. */
    public int held() {
        return held.get();
    }

    /** Held posts end unanswered (their sender is gone by now) and later posts are answered again. */
    public void releaseHeld() {
        answerBeforeHolding = -1;
        holdReleased.countDown();
    }

    public void releaseHang() {
        CountDownLatch h = hang;
        if (h != null) {
            h.countDown();
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String key = exchange.getRequestHeaders().getFirst(WebhookSignature.IDEMPOTENCY_HEADER);
            if (!WebhookSignature.verify(secret, exchange.getRequestHeaders().getFirst(WebhookSignature.TIMESTAMP_HEADER),
                    exchange.getRequestHeaders().getFirst(WebhookSignature.SIGNATURE_HEADER), body, Instant.now())) {
                badSignatures.incrementAndGet();
                respond(exchange, 401, "{\"error\":\"bad signature\"}");
                return;
            }
            received.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
            CountDownLatch h = hang;
            if (h != null) {
                hang = null;
                hangReached.countDown();
                try {
                    h.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return; // the sender is gone by now; this post was never acknowledged
            }
            int holdAfter = answerBeforeHolding;
            if (holdAfter >= 0 && admitted.incrementAndGet() > holdAfter) {
                held.incrementAndGet();
                try {
                    holdReleased.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    held.decrementAndGet();
                }
                return; // never acknowledged, like the hung post above
            }
            if (answerDelayMillis > 0) {
                try {
                    Thread.sleep(answerDelayMillis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            if (downForMillis > 0) {
                downUntilMillis.compareAndSet(0, System.currentTimeMillis() + downForMillis);
            }
            boolean firstPostOfJob = downForMillis > 0 && received.get(key).get() == 1;
            if (System.currentTimeMillis() < downUntilMillis.get() || firstPostOfJob) {
                refusedWhileDown.incrementAndGet();
                exchange.getResponseHeaders().add("Retry-After", "1");
                respond(exchange, 503, "{\"error\":\"maintenance\"}");
                return;
            }
            accepted.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
            firstAcceptedAt.putIfAbsent(key, Instant.now());
            respond(exchange, 201, "{\"id\":\"post-" + key + "\",\"url\":\"https://portal.example/bai/" + key + "\"}");
        }
    }

    private static void respond(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    public Map<String, AtomicInteger> received() {
        return received;
    }

    public Map<String, AtomicInteger> accepted() {
        return accepted;
    }

    public Map<String, Instant> firstAcceptedAt() {
        return firstAcceptedAt;
    }

    public int badSignatures() {
        return badSignatures.get();
    }

    public int refusedWhileDown() {
        return refusedWhileDown.get();
    }

    @Override
    public void close() {
        releaseHang();
        releaseHeld();
        server.stop(0);
    }
}
