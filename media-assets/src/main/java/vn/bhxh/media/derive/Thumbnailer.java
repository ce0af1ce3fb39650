package vn.bhxh.media.derive;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.Map;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import net.coobird.thumbnailator.Thumbnails;
import net.coobird.thumbnailator.geometry.Positions;
import vn.bhxh.media.FileFormat;
import vn.bhxh.media.MediaKind;
import vn.bhxh.media.MediaRefusal;
import vn.bhxh.media.inspect.ImageHeader;

/**
 * Makes the public pictures of an image or of a PDF's first page. Output is always a fresh JPEG
 * encoded from pixels, so no Exif, GPS, XMP or ICC comment of the original can travel with it.
 */
public final class Thumbnailer {

    private static final float JPEG_QUALITY = 0.85f;

    private final long maxPixels;
    private final PdfFirstPage pdfRenderer;

    /**
     * @param maxPixels   images whose header claims more pixels are refused before decoding
     * @param pdfRenderer renders PDF pages; {@link ForkedPdfFirstPage} keeps hostile PDFs out of this JVM
     */
    public Thumbnailer(long maxPixels, PdfFirstPage pdfRenderer) {
        this.maxPixels = maxPixels;
        this.pdfRenderer = pdfRenderer;
    }

    /** PDFs rendered in a worker process with the default limits. */
    public Thumbnailer(long maxPixels) {
        this(maxPixels, ForkedPdfFirstPage.defaults());
    }

    public static boolean canPreview(FileFormat format) {
        return format.kind() == MediaKind.IMAGE || format == FileFormat.PDF;
    }

    /**
     * Every fixed size, from one decode of the source: each size is scaled from the next larger one (a 1280-pixel
     * page scaled to 160 costs several times its scale from 480), and a size the source already has is not scaled.
     */
    public Map<ThumbnailSize, byte[]> thumbnails(Path file, FileFormat format) throws MediaRefusal, DerivationFailure {
        BufferedImage source = decode(file, format, ThumbnailSize.LARGE.longestSide(), false);
        int sourceSide = longestSide(source);
        Map<ThumbnailSize, byte[]> result = new EnumMap<>(ThumbnailSize.class);
        ThumbnailSize[] largestFirst = ThumbnailSize.values();
        Arrays.sort(largestFirst, Comparator.comparingInt(ThumbnailSize::longestSide).reversed());
        try {
            BufferedImage previous = source;
            for (ThumbnailSize size : largestFirst) {
                // Never enlarge: a small logo stays small.
                int side = Math.min(size.longestSide(), sourceSide);
                BufferedImage scaled = longestSide(previous) <= side ? previous : Thumbnails.of(previous).size(side, side).asBufferedImage();
                result.put(size, jpeg(scaled));
                previous = scaled;
            }
        } catch (IOException e) {
            throw new DerivationFailure(String.valueOf(e.getMessage()), e);
        }
        return result;
    }

    private static int longestSide(BufferedImage image) {
        return Math.max(image.getWidth(), image.getHeight());
    }

    public byte[] rendition(Path file, FileFormat format, Rendition rendition) throws MediaRefusal, DerivationFailure {
        BufferedImage source = decode(file, format, Math.max(rendition.width(), rendition.height()), true);
        try {
            return jpeg(Thumbnails.of(source).size(rendition.width(), rendition.height()).crop(Positions.CENTER).asBufferedImage());
        } catch (IOException e) {
            throw new DerivationFailure(String.valueOf(e.getMessage()), e);
        }
    }

    /**
     * @param target the longest side the result needs; with {@code cover} the shorter side must reach it
     *               too (a crop fills the frame), whichever way Exif turns the picture
     */
    private BufferedImage decode(Path file, FileFormat format, int target, boolean cover) throws MediaRefusal, DerivationFailure {
        if (!canPreview(format)) {
            throw new IllegalArgumentException("No preview for " + format);
        }
        try {
            if (format == FileFormat.PDF) {
                return pdfRenderer.render(file, target);
            }
            ImageHeader header;
            try {
                header = ImageHeader.read(file);
            } catch (IOException e) {
                throw new DerivationFailure(String.valueOf(e.getMessage()), e);
            }
            header.requireAtMost(maxPixels);
            // Reading from the file lets Thumbnailator apply the Exif orientation. Asking for the largest
            // size needed at once lets it decode a subsampled image: a 12 MP photo never lands whole in memory.
            int longestSide = Math.max(header.width(), header.height());
            int largestNeeded = cover
                    ? (int) Math.ceil((double) longestSide * target / Math.min(header.width(), header.height()))
                    : target;
            if (longestSide > largestNeeded) {
                return Thumbnails.of(file.toFile()).size(largestNeeded, largestNeeded).asBufferedImage();
            }
            return Thumbnails.of(file.toFile()).scale(1.0).asBufferedImage();
        } catch (IOException | RuntimeException e) {
            throw new DerivationFailure(String.valueOf(e.getMessage()), e);
        }
    }

    private static byte[] jpeg(BufferedImage image) throws IOException {
        BufferedImage rgb = image;
        if (image.getType() != BufferedImage.TYPE_INT_RGB) {
            // Transparent PNG/WebP areas become white, not JPEG's default black.
            rgb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
            Graphics2D g = rgb.createGraphics();
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, image.getWidth(), image.getHeight());
            g.drawImage(image, 0, 0, null);
            g.dispose();
        }
        // ImageIO's JPEG writer directly: Thumbnailator's pipeline copied the whole picture once more before encoding.
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
            ImageWriteParam parameters = writer.getDefaultWriteParam();
            parameters.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            parameters.setCompressionQuality(JPEG_QUALITY);
            writer.setOutput(stream);
            writer.write(null, new IIOImage(rgb, null, null), parameters);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }
}
