package vn.bhxh.media;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalLong;
import java.util.Random;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import vn.bhxh.media.inspect.InspectionStatus;
import vn.bhxh.media.inspect.SizeLimits;
import vn.bhxh.media.process.WorkerPool;
import vn.bhxh.media.upload.IngestRequest;
import vn.bhxh.media.upload.IngestedFile;

/**
 * Small uploads, upload → stored, through the Ingestor (type check, Tika inspection, previews, commit):
 * a new worker JVM per file (how it was done before the pool) beside warm pooled workers, in the same
 * run on the same kind of files. Every file differs, so that no preview comes from the cache. Run by hand
 * (see BENCHMARK.md); not a test, it only measures.
 */
public final class SmallUploadBenchmark {

    public static void main(String[] args) throws Exception {
        int warmCount = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int perFileCount = args.length > 1 ? Integer.parseInt(args[1]) : 40;
        Path dir = Files.createTempDirectory("small-upload-benchmark-");
        System.out.println("load before: " + uptime());

        List<byte[]> pdfs = new ArrayList<>();
        List<byte[]> pngs = new ArrayList<>();
        Random random = new Random(1);
        for (int i = 0; i < 2 * (warmCount + perFileCount) + 4; i++) {
            pdfs.add(pdf(i));
            pngs.add(png(random));
        }
        System.out.printf("PDF %d bytes on average, PNG %d bytes on average%n",
                (long) pdfs.stream().mapToInt(b -> b.length).average().orElse(0),
                (long) pngs.stream().mapToInt(b -> b.length).average().orElse(0));

        int next = 0;
        List<String> rows = new ArrayList<>();
        for (boolean warm : new boolean[] {false, true}) {
            int count = warm ? warmCount : perFileCount;
            String mode = warm ? "warm pool (2 workers)" : "new JVM per file";
            WorkerPool.Settings pool = warm ? WorkerPool.Settings.defaults() : WorkerPool.Settings.freshJvmPerRequest();
            try (MediaServices media = MediaServices.create(dir.resolve(warm ? "warm" : "per-file"), SizeLimits.defaults(), pool)) {
                // The first file of each kind starts the worker JVMs; the application pays that once, at its first upload.
                long first = time(media, pdfs.get(next++), true);
                time(media, pngs.get(next++), false);
                System.out.printf("%s: first PDF (worker JVMs start) %d ms%n", mode, first / 1_000_000);
                long[] pdfTimes = new long[count];
                long[] pngTimes = new long[count];
                for (int i = 0; i < count; i++) {
                    pdfTimes[i] = time(media, pdfs.get(next++), true);
                    pngTimes[i] = time(media, pngs.get(next++), false);
                }
                rows.add(row(mode, "PDF", pdfTimes));
                rows.add(row(mode, "PNG", pngTimes));
            }
        }
        System.out.println();
        System.out.println("| mode | file | files | p50 (ms) | p95 (ms) | max (ms) |");
        System.out.println("|---|---|---|---|---|---|");
        rows.forEach(System.out::println);
        System.out.println();
        System.out.println("load after: " + uptime());
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        }
    }

    /** Nanoseconds from the first byte handed to the Ingestor until the file is committed. */
    private static long time(MediaServices media, byte[] file, boolean pdf) throws Exception {
        IngestRequest request = pdf
                ? new IngestRequest(MediaProfile.PRINT_MASTER, "application/pdf", "to-roi.pdf", OptionalLong.of(file.length))
                : new IngestRequest(MediaProfile.INFOGRAPHIC, "image/png", "anh.png", OptionalLong.of(file.length));
        long start = System.nanoTime();
        IngestedFile stored = media.ingestor().ingest(request, new ByteArrayInputStream(file));
        long took = System.nanoTime() - start;
        if (stored.inspection().status() == InspectionStatus.FAILED || stored.thumbnails().isEmpty()) {
            throw new IllegalStateException("not inspected or without previews: " + stored);
        }
        return took;
    }

    private static String row(String mode, String kind, long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return String.format("| %s | %s | %d | %d | %d | %d |", mode, kind, sorted.length,
                percentile(sorted, 50) / 1_000_000, percentile(sorted, 95) / 1_000_000, sorted[sorted.length - 1] / 1_000_000);
    }

    /** Nearest-rank percentile. */
    private static long percentile(long[] sorted, int percent) {
        int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }

    /** A one-page PDF of about 700 bytes: a line of text in a standard font (nothing embedded). */
    private static byte[] pdf(int number) throws IOException {
        try (PDDocument document = new PDDocument()) {
            PDPage page = new PDPage(PDRectangle.A6);
            document.addPage(page);
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                content.beginText();
                content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                content.newLineAtOffset(20, 200);
                content.showText("To roi so " + number);
                content.endText();
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            document.save(bytes);
            return bytes.toByteArray();
        }
    }

    /** A 320×240 PNG of a few coloured blocks, a few kilobytes. */
    private static byte[] png(Random random) throws IOException {
        BufferedImage image = new BufferedImage(320, 240, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        for (int i = 0; i < 12; i++) {
            g.setColor(new Color(random.nextInt(0xffffff)));
            g.fillRect(random.nextInt(320), random.nextInt(240), 20 + random.nextInt(120), 20 + random.nextInt(120));
        }
        g.dispose();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ImageIO.write(image, "png", bytes);
        return bytes.toByteArray();
    }

    private static String uptime() throws IOException, InterruptedException {
        Process process = new ProcessBuilder("uptime").redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes()).strip();
        process.waitFor();
        return output;
    }
}
