package vn.bhxh.media.inspect;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.util.Properties;
import javax.imageio.ImageIO;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.tika.exception.WriteLimitReachedException;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.sax.BodyContentHandler;
import vn.bhxh.media.process.FileRequest;
import vn.bhxh.media.process.WorkerLoop;

/**
 * Runs in a worker JVM of {@link ForkedTikaParser}'s pool: parses one file per request and answers
 * with what it found as a properties file. A hostile file that makes Tika loop, eat memory or crash
 * takes this process down (it is then replaced), never the application.
 */
public final class TikaWorker implements WorkerLoop.Job {

    static final String TEXT = "text";
    static final String TEXT_TRUNCATED = "text.truncated";
    static final String METADATA_PREFIX = "meta.";
    /** Joins multi-valued metadata; a control character no metadata value should contain. */
    static final String VALUE_SEPARATOR = "\u001f";

    private final AutoDetectParser parser = new AutoDetectParser(Tika.config());

    public static void main(String[] args) throws Exception {
        WorkerLoop.serve(new TikaWorker(), args);
    }

    @Override
    public void warmUp() throws Exception {
        // The kinds of small file uploaded most: a PDF and a PNG, made here so no file needs shipping.
        ByteArrayOutputStream pdf = new ByteArrayOutputStream();
        try (PDDocument document = new PDDocument()) {
            document.addPage(new PDPage());
            document.save(pdf);
        }
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(2, 2, BufferedImage.TYPE_INT_RGB), "png", png);
        for (byte[] sample : new byte[][] {pdf.toByteArray(), png.toByteArray()}) {
            try (InputStream in = TikaInputStream.get(sample)) {
                parse(in, 1000, new Properties());
            }
        }
    }

    @Override
    public byte[] run(byte[] request) throws Exception {
        FileRequest file = FileRequest.of(request);
        Properties result = new Properties();
        try (InputStream content = TikaInputStream.get(file.file())) {
            parse(content, file.bound(), result);
        }
        ByteArrayOutputStream answer = new ByteArrayOutputStream();
        result.store(answer, null);
        return answer.toByteArray();
    }

    private void parse(InputStream content, int textLimit, Properties result) throws Exception {
        Metadata metadata = new Metadata();
        BodyContentHandler text = new BodyContentHandler(textLimit);
        boolean truncated = false;
        try {
            parser.parse(content, text, metadata, new ParseContext());
        } catch (Exception e) {
            if (!WriteLimitReachedException.isWriteLimitReached(e)) {
                throw e;
            }
            truncated = true;
        }
        for (String name : metadata.names()) {
            result.setProperty(METADATA_PREFIX + name, String.join(VALUE_SEPARATOR, metadata.getValues(name)));
        }
        result.setProperty(TEXT, text.toString());
        result.setProperty(TEXT_TRUNCATED, Boolean.toString(truncated));
    }
}
