package vn.bhxh.cms.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
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

/** A radio file uploaded by an editor plays in the provincial catalogue's audio player (served with ranges by the app). */
class AudioPlayerBrowserTest extends BrowserTest {

    @Autowired
    ProductService products;

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
