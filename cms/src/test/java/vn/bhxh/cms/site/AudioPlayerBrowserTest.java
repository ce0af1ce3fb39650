package vn.bhxh.cms.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import vn.bhxh.cms.asset.Asset;
import vn.bhxh.cms.asset.AssetService;
import vn.bhxh.cms.product.ProductInfo;
import vn.bhxh.cms.product.ProductService;
import vn.bhxh.cms.product.ProductType;
import vn.bhxh.cms.product.Scope;
import vn.bhxh.cms.product.Variant;
import vn.bhxh.cms.product.VariantContent;
import vn.bhxh.cms.security.Actor;
import vn.bhxh.cms.security.Role;
import vn.bhxh.cms.security.Scopes;
import vn.bhxh.cms.workflow.WorkflowAction;

/**
 * A radio file uploaded by an editor plays in the provincial catalogue's audio player (served with ranges by the app);
 * the page's upload is resumable (tus): a connection cut in the middle of a file goes on from where it stopped.
 */
class AudioPlayerBrowserTest extends BrowserTest {

    @Autowired
    ProductService products;

    @Autowired
    AssetService assets;

    @Test
    void aRadioFileHasAWorkingAudioPlayerInTheCatalogue() throws Exception {
        String suffix = String.valueOf(ThreadLocalRandom.current().nextInt(100_000, 999_999));
        String editorName = WebUsers.ensure(accounts, passwords, "bt-am-thanh-" + suffix, "Biên tập âm thanh", Set.of(Role.EDITOR),
                Scopes.NONE);
        String provincial = WebUsers.ensure(accounts, passwords, "tinh-son-la-" + suffix, "Cán bộ Sơn La",
                Set.of(Role.PROVINCIAL_STAFF), WebUsers.province("SL"));
        Actor editor = new Actor(editorName, Set.of(Role.EDITOR), Scopes.NONE);
        String title = "File phát thanh BHXH tự nguyện " + suffix;
        Variant v = products.createProduct(editor, new ProductInfo(ProductType.RADIO_FILE, Set.of(), Set.of(), null, Scope.NATIONAL,
                null, null, Set.of(), null, null), new VariantContent(title, "Phát trên loa truyền thanh xã.", null, List.of()));
        String id = v.productId();
        Path wav = Files.write(Files.createTempFile("loa-xa-", ".wav"), wav(2));

        login(editorName);
        open("/products/" + id + "/variants/vi");
        driver.findElement(By.id("upload-file")).sendKeys(wav.toString());
        new Select(driver.findElement(By.id("upload-kind"))).selectByValue("RADIO");
        new Select(driver.findElement(By.id("upload-role"))).selectByValue("audio");
        driver.findElement(By.id("upload-button")).click();
        waitUntilText(By.id("upload-status"), "Đã tải lên");
        // The progress bar ends full.
        assertThat((Boolean) ((JavascriptExecutor) driver).executeScript(
                "var p = document.getElementById('upload-progress'); return !p.hidden && p.value === p.max;")).isTrue();

        v = products.readVariant(editor, id, "vi");
        v = products.transition(editor, id, "vi", v.seqNoPrimaryTerm(), WorkflowAction.SUBMIT, null);
        v = products.transition(new Actor("td-am-" + suffix, Set.of(Role.REVIEWER), Scopes.NONE), id, "vi", v.seqNoPrimaryTerm(),
                WorkflowAction.REVIEW, null);
        products.transition(new Actor("ld-am-" + suffix, Set.of(Role.APPROVER), Scopes.NONE), id, "vi", v.seqNoPrimaryTerm(),
                WorkflowAction.APPROVE, null);

        login(provincial);
        open("/catalogue/" + id + "/vi");
        assertThat(waitFor(By.cssSelector("audio")).getAttribute("src")).contains("/files/").contains("inline=true");
        // The browser reads the file's metadata through the app: the player knows the duration.
        Double duration = new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> {
            Object value = ((JavascriptExecutor) d).executeScript(
                    "var a = document.querySelector('audio'); return a.readyState >= 1 ? a.duration : null;");
            return value == null ? null : ((Number) value).doubleValue();
        });
        assertThat(duration).isBetween(1.9, 2.1);
    }

    /**
     * Issue 14, point 10: the browser talks to the app through a relay that cuts every connection once, in the middle of
     * the file. The page asks where the upload stands and sends only the rest: the app receives less than twice the
     * file, the stored file is the original byte for byte, and it is listed on the variant page. A file over the size
     * limit and a file of a refused type are answered with the library's Vietnamese sentence on the page.
     */
    @Test
    void aDroppedConnectionResumesTheUploadFromWhereItStopped() throws Exception {
        String suffix = String.valueOf(ThreadLocalRandom.current().nextInt(100_000, 999_999));
        String editorName = WebUsers.ensure(accounts, passwords, "bt-tai-tiep-" + suffix, "Biên tập tải tiếp", Set.of(Role.EDITOR),
                Scopes.NONE);
        Actor editor = new Actor(editorName, Set.of(Role.EDITOR), Scopes.NONE);
        Variant v = products.createProduct(editor, new ProductInfo(ProductType.RADIO_FILE, Set.of(), Set.of(), null, Scope.NATIONAL,
                null, null, Set.of(), null, null), new VariantContent("Tải tiếp sau khi mất mạng " + suffix, null, null, List.of()));
        String id = v.productId();
        byte[] original = wav(190);
        Path wav = Files.write(Files.createTempFile("tai-tiep-", ".wav"), original);

        try (CuttingRelay relay = new CuttingRelay(port)) {
            login(relay, editorName);
            driver.get(relay.url("/products/" + id + "/variants/vi"));
            driver.findElement(By.id("upload-file")).sendKeys(wav.toString());
            new Select(driver.findElement(By.id("upload-kind"))).selectByValue("RADIO");
            new Select(driver.findElement(By.id("upload-role"))).selectByValue("audio");
            // Small chunks, so the file takes a dozen requests and the cut falls inside one of them.
            ((JavascriptExecutor) driver).executeScript("document.getElementById('upload-form').dataset.chunkSize = '262144';");
            relay.cutAfter(original.length / 2);
            driver.findElement(By.id("upload-button")).click();
            waitUntilText(By.id("upload-status"), "Đã tải lên");

            assertThat(relay.cuts()).as("the relay cut the connections once").isEqualTo(1);
            assertThat(Integer.parseInt(driver.findElement(By.id("upload-form")).getDomAttribute("data-resumes")))
                    .as("the page asked for the offset after the cut").isGreaterThanOrEqualTo(1);
            long received = relay.upstreamBytes();
            System.out.printf("tus upload of %d bytes with one cut: %d bytes reached the app%n", original.length, received);
            assertThat(received).isGreaterThan(original.length).isLessThan(2L * original.length);
        }

        Variant saved = products.readVariant(editor, id, "vi");
        assertThat(saved.content().assets()).hasSize(1);
        assertThat(saved.content().assets().getFirst().role()).isEqualTo("audio");
        Asset stored = assets.get(saved.content().assets().getFirst().assetId());
        assertThat(stored.sha256()).isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(original)));
        assertThat(stored.size()).isEqualTo(original.length);

        login(editorName);
        open("/products/" + id + "/variants/vi");
        assertThat(driver.findElement(By.id("file-list")).getText()).contains(wav.getFileName().toString());

        // Over the limit: refused when the upload is announced, before any byte is sent (a sparse file: nothing is read).
        Path huge = Files.createTempFile("qua-lon-", ".wav");
        try (RandomAccessFile file = new RandomAccessFile(huge.toFile(), "rw")) {
            file.setLength(1024L * 1024 * 1024);
        }
        driver.findElement(By.id("upload-file")).sendKeys(huge.toString());
        new Select(driver.findElement(By.id("upload-kind"))).selectByValue("RADIO");
        driver.findElement(By.id("upload-button")).click();
        waitUntilText(By.id("upload-status"), "Tệp quá lớn");

        // A refused type: the whole file arrives, then the inspection refuses it with its sentence.
        Path text = Files.writeString(Files.createTempFile("khong-phai-am-thanh-", ".txt"), "Đây không phải tệp âm thanh.\n".repeat(200));
        driver.findElement(By.id("upload-file")).sendKeys(text.toString());
        driver.findElement(By.id("upload-button")).click();
        new WebDriverWait(driver, WAIT).until(d -> {
            String status = d.findElement(By.id("upload-status")).getText();
            return status.contains("không nhận") || status.contains("Không nhận") ? status : null;
        });
        assertThat(driver.findElement(By.id("upload-status")).getText()).doesNotContain("Exception", "vn.bhxh");
        assertThat(products.readVariant(editor, id, "vi").content().assets()).hasSize(1);
        Files.deleteIfExists(huge);
    }

    private void login(CuttingRelay relay, String username) {
        driver.manage().deleteAllCookies();
        driver.get(relay.url("/login"));
        driver.findElement(By.id("username")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(WebUsers.PASSWORD);
        driver.findElement(By.cssSelector("#login-form button[type=submit]")).click();
        waitFor(By.id("current-user"));
    }

    /**
     * A TCP relay on the loopback address between the browser and the app. It counts the bytes it passes to the app and,
     * once armed, closes every open connection the first time that count would pass the given number, and closes the next
     * two connections as soon as they open: the network is gone for a moment, so the browser's own silent resend of the
     * request fails too and the page has to find out where the upload stands.
     */
    static final class CuttingRelay implements AutoCloseable {

        private final ServerSocket server;
        private final int target;
        private final AtomicLong upstream = new AtomicLong();
        private final AtomicInteger cuts = new AtomicInteger();
        private final Set<Socket> open = ConcurrentHashMap.newKeySet();
        private final AtomicInteger refuseNext = new AtomicInteger();
        private volatile long cutAt = Long.MAX_VALUE;

        CuttingRelay(int target) throws IOException {
            this.target = target;
            this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            Thread.ofPlatform().daemon().name("relay-accept").start(this::accept);
        }

        String url(String path) {
            return "http://127.0.0.1:" + server.getLocalPort() + path;
        }

        /** Counts from zero again and cuts once after {@code bytes} more bytes towards the app. */
        void cutAfter(long bytes) {
            upstream.set(0);
            cutAt = bytes;
        }

        long upstreamBytes() {
            return upstream.get();
        }

        int cuts() {
            return cuts.get();
        }

        private void accept() {
            while (!server.isClosed()) {
                try {
                    Socket browser = server.accept();
                    if (refuseNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                        close(browser);
                        continue;
                    }
                    Socket app = new Socket(InetAddress.getLoopbackAddress(), target);
                    open.add(browser);
                    open.add(app);
                    Thread.ofPlatform().daemon().start(() -> pump(browser, app, true));
                    Thread.ofPlatform().daemon().start(() -> pump(app, browser, false));
                } catch (IOException e) {
                    return;
                }
            }
        }

        private void pump(Socket from, Socket to, boolean towardsApp) {
            byte[] buffer = new byte[16 * 1024];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                int read;
                while ((read = in.read(buffer)) >= 0) {
                    if (towardsApp) {
                        synchronized (this) {
                            if (upstream.get() + read > cutAt && cuts.get() == 0) {
                                cuts.incrementAndGet();
                                refuseNext.set(2);
                                cutAll();
                                return;
                            }
                            upstream.addAndGet(read);
                        }
                    }
                    out.write(buffer, 0, read);
                    out.flush();
                }
            } catch (IOException e) {
                // The other side closed, or the cut: this direction ends.
            } finally {
                close(from);
                close(to);
            }
        }

        private void cutAll() {
            for (Socket socket : open) {
                close(socket);
            }
            open.clear();
        }

        private static void close(Socket socket) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // already closed
            }
        }

        @Override
        public void close() throws IOException {
            server.close();
            cutAll();
        }
    }

    /** Mono 16-bit PCM at 8 kHz: a 440 Hz tone of the given seconds. */
    private static byte[] wav(int seconds) {
        int rate = 8000;
        int samples = rate * seconds;
        ByteBuffer data = ByteBuffer.allocate(samples * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < samples; i++) {
            data.putShort((short) (Math.sin(2 * Math.PI * 440 * i / rate) * 8000));
        }
        ByteBuffer header = ByteBuffer.allocate(44).order(ByteOrder.LITTLE_ENDIAN);
        header.put("RIFF".getBytes()).putInt(36 + samples * 2).put("WAVE".getBytes()).put("fmt ".getBytes()).putInt(16)
                .putShort((short) 1).putShort((short) 1).putInt(rate).putInt(rate * 2).putShort((short) 2).putShort((short) 16)
                .put("data".getBytes()).putInt(samples * 2);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(header.array());
        out.writeBytes(data.array());
        return out.toByteArray();
    }
}
