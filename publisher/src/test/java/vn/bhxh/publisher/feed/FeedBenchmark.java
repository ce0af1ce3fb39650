package vn.bhxh.publisher.feed;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;

/**
 * The feed benchmark of issue 6 (not a test; run by hand, see publisher/README.md): our feed answers served by
 * the JDK's HTTP server beside nginx serving the same JSON bytes as a static file, both measured with wrk
 * (full 200 answers and 304 answers to If-None-Match), in the same run on the same machine.
 */
public final class FeedBenchmark {

    public static void main(String[] args) throws Exception {
        String duration = args.length > 0 ? args[0] : "10s";
        List<FeedItem> items = new ArrayList<>();
        Instant t = Instant.parse("2026-05-10T00:00:00Z");
        for (int i = 0; i < 50; i++) {
            items.add(new FeedItem("item-" + i, "vi", Set.of("3.1"), "Tháng vận động BHXH toàn dân — bài " + i,
                    "<p>" + "Tham gia BHXH tự nguyện để được hưởng lương hưu khi về già, được Nhà nước hỗ trợ tiền đóng. ".repeat(6) + "</p>",
                    "BHXH tự nguyện", "https://baohiemxahoi.gov.vn/tin/" + i, "https://cdn.example/" + i + ".jpg", t.plusSeconds(i),
                    t.plusSeconds(i)));
        }
        FeedService feeds = new FeedService(() -> items, FeedSettings.defaults("http://127.0.0.1/feeds"), Clock.systemUTC());
        feeds.refresh();

        // Without TCP_NODELAY, Nagle's algorithm and delayed ACKs add ~40 ms to every multi-segment answer.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 1024);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/feeds/vi.json", exchange -> {
            try (exchange) {
                FeedResponse answer = feeds.answer(new FeedRequest("vi", null, FeedFormat.JSON_FEED, null,
                        exchange.getRequestHeaders().getFirst("If-None-Match"),
                        exchange.getRequestHeaders().getFirst("If-Modified-Since")));
                var headers = exchange.getResponseHeaders();
                headers.add("ETag", answer.etag());
                headers.add("Last-Modified", answer.lastModified());
                headers.add("Cache-Control", answer.cacheControl());
                headers.add("Vary", answer.vary());
                if (answer.notModified()) {
                    exchange.sendResponseHeaders(304, -1);
                } else {
                    headers.add("Content-Type", answer.contentType());
                    exchange.sendResponseHeaders(200, answer.body().length);
                    exchange.getResponseBody().write(answer.body());
                }
            }
        });
        server.start();
        String ours = "http://127.0.0.1:" + server.getAddress().getPort() + "/feeds/vi.json";

        // nginx workers run as an unprivileged user when started as root: the files must be world-readable.
        Path root = Files.createTempDirectory("feed-bench-nginx",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        byte[] body = feeds.answer(new FeedRequest("vi", null, FeedFormat.JSON_FEED, null, null, null)).body();
        Files.createDirectories(root.resolve("html/feeds"));
        Files.createDirectories(root.resolve("logs"));
        Files.write(root.resolve("html/feeds/vi.json"), body);
        int nginxPort;
        try (var socket = new ServerSocket(0)) {
            nginxPort = socket.getLocalPort();
        }
        Files.writeString(root.resolve("nginx.conf"), """
                daemon off; worker_processes 1; pid %1$s/nginx.pid; error_log %1$s/logs/error.log;
                events { worker_connections 1024; }
                http { access_log off; types { application/feed+json json; }
                  client_body_temp_path %1$s/tmp; proxy_temp_path %1$s/tmp; fastcgi_temp_path %1$s/tmp;
                  uwsgi_temp_path %1$s/tmp; scgi_temp_path %1$s/tmp;
                  server { listen 127.0.0.1:%2$d; root %1$s/html;
                    location /feeds/ { add_header Cache-Control "public, max-age=60, stale-while-revalidate=300"; } } }
                """.formatted(root, nginxPort));
        Files.createDirectories(root.resolve("tmp"));
        Process nginx = new ProcessBuilder("nginx", "-p", root.toString(), "-c", root.resolve("nginx.conf").toString())
                .redirectErrorStream(true).redirectOutput(root.resolve("logs/out.log").toFile()).start();
        String theirs = "http://127.0.0.1:" + nginxPort + "/feeds/vi.json";
        try {
            waitFor(theirs);
            String ourTag = etag(ours);
            String nginxTag = etag(theirs);
            System.out.printf("feed body: %d bytes, 50 items; wrk -t2 -c64 -d%s%n", body.length, duration);
            System.out.println(wrk("ours  200", ours, null, duration));
            System.out.println(wrk("nginx 200", theirs, null, duration));
            System.out.println(wrk("ours  304", ours, ourTag, duration));
            System.out.println(wrk("nginx 304", theirs, nginxTag, duration));
        } catch (Exception e) {
            e.printStackTrace();
        } finally {
            nginx.destroy();
            server.stop(0);
            System.exit(0);
        }
    }

    private static String wrk(String label, String url, String etag, String duration) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("wrk", "-t2", "-c64", "-d" + duration, "--latency"));
        if (etag != null) {
            command.addAll(List.of("-H", "If-None-Match: " + etag));
        }
        command.add(url);
        Process wrk = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(wrk.getInputStream().readAllBytes());
        wrk.waitFor();
        String rps = out.lines().filter(l -> l.startsWith("Requests/sec")).findFirst().orElse("?").replaceAll("\\s+", " ");
        String p50 = out.lines().filter(l -> l.trim().startsWith("50%")).findFirst().orElse("?").trim().replaceAll("\\s+", " ");
        String p99 = out.lines().filter(l -> l.trim().startsWith("99%")).findFirst().orElse("?").trim().replaceAll("\\s+", " ");
        String non2xx = out.lines().filter(l -> l.contains("Non-2xx")).findFirst().orElse("").trim();
        return label + ": " + rps + " | p50 " + p50 + " | p99 " + p99 + (non2xx.isEmpty() ? "" : " | " + non2xx);
    }

    private static String etag(String url) throws IOException, InterruptedException {
        HttpResponse<Void> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.discarding());
        return response.headers().firstValue("ETag").orElseThrow();
    }

    private static void waitFor(String url) throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            try {
                etag(url);
                return;
            } catch (IOException | RuntimeException e) {
                Thread.sleep(100);
            }
        }
        throw new IllegalStateException("nginx did not start");
    }
}
