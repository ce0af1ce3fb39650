package vn.bhxh.media;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import vn.bhxh.media.derive.Thumbnailer;

/**
 * Thumbnails per second for 12-megapixel JPEGs, ours beside Debian's vipsthumbnail on the same files in
 * the same run. Run by hand (see BENCHMARK.md); not a test, it only measures.
 */
public final class ThumbnailBenchmark {

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 8;
        Path dir = Files.createTempDirectory("thumbnail-benchmark-");
        List<Path> photos = new ArrayList<>();
        Random random = new Random(1);
        for (int i = 0; i < count; i++) {
            photos.add(TestFiles.image(dir.resolve("photo-" + i + ".jpg"), photo(4000, 3000, random), "jpeg"));
        }
        System.out.printf("%d JPEGs of 4000x3000 (12 MP), %.1f MB each on average%n", count,
                photos.stream().mapToLong(ThumbnailBenchmark::size).average().orElse(0) / 1e6);

        Thumbnailer thumbnailer = new Thumbnailer(100_000_000L);
        thumbnailer.thumbnails(photos.getFirst(), FileFormat.JPEG); // warm-up
        long start = System.nanoTime();
        for (Path photo : photos) {
            thumbnailer.thumbnails(photo, FileFormat.JPEG);
        }
        double ours = count / ((System.nanoTime() - start) / 1e9);

        int[] sizes = {160, 480, 1280};
        start = System.nanoTime();
        for (Path photo : photos) {
            for (int size : sizes) {
                run("vipsthumbnail", photo.toString(), "--size", Integer.toString(size), "-o",
                        dir.resolve("vips-" + size + "-%s.jpg").toString() + "[Q=85,strip]");
            }
        }
        double vips = count / ((System.nanoTime() - start) / 1e9);
        System.out.printf("ours (one decode, 3 sizes, EXIF applied, JPEG q=0.85): %.2f photos/s%n", ours);
        System.out.printf("vipsthumbnail (3 runs per photo, strip, Q=85):          %.2f photos/s%n", vips);
        System.out.printf("ratio vips/ours: %.1f%n", vips / ours);
    }

    private static BufferedImage photo(int width, int height, Random random) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setPaint(new GradientPaint(0, 0, Color.ORANGE, width, height, Color.BLUE));
        g.fillRect(0, 0, width, height);
        for (int i = 0; i < 2000; i++) {
            g.setColor(new Color(random.nextInt()));
            g.fillOval(random.nextInt(width), random.nextInt(height), 20 + random.nextInt(200), 20 + random.nextInt(200));
        }
        g.dispose();
        return image;
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] output = process.getInputStream().readAllBytes();
        if (process.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + ": " + new String(output));
        }
    }
}
