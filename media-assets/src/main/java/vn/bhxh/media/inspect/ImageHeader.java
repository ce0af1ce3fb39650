package vn.bhxh.media.inspect;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import vn.bhxh.media.MediaRefusal;
import vn.bhxh.media.RefusalCode;

/**
 * Image dimensions read from the header only (PNG IHDR, JPEG SOF, WebP VP8 header), without
 * decoding pixels: how a decompression bomb is caught before it can take the heap.
 */
public record ImageHeader(int width, int height) {

    public long pixels() {
        return (long) width * height;
    }

    public static ImageHeader read(Path file) throws IOException {
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            if (in == null) {
                throw new IOException("Cannot open " + file);
            }
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw new IOException("No image reader for " + file.getFileName());
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                return new ImageHeader(reader.getWidth(0), reader.getHeight(0));
            } finally {
                reader.dispose();
            }
        }
    }

    /** Refuses an image whose pixel count exceeds {@code maxPixels}, before a single pixel is decoded. */
    public void requireAtMost(long maxPixels) throws MediaRefusal {
        if (width <= 0 || height <= 0 || pixels() > maxPixels) {
            throw new MediaRefusal(RefusalCode.DECOMPRESSION_BOMB, width, height, maxPixels);
        }
    }
}
