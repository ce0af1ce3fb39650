package vn.bhxh.media.derive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class PdfPageWorkerTest {

    private static BufferedImage picture(int type) {
        BufferedImage image = new BufferedImage(5, 3, type);
        for (int y = 0; y < 3; y++) {
            for (int x = 0; x < 5; x++) {
                image.setRGB(x, y, (x * 50) << 16 | (y * 80) << 8 | (x + y) * 20);
            }
        }
        return image;
    }

    @Test
    void aPageTravelsAsRawPixelsAndComesBackTheSameWhateverItsImageType() {
        for (int type : new int[] {BufferedImage.TYPE_INT_RGB, BufferedImage.TYPE_3BYTE_BGR}) {
            BufferedImage page = picture(type);
            BufferedImage back = PdfPageWorker.image(PdfPageWorker.pixels(page));
            assertThat(back.getWidth()).isEqualTo(5);
            assertThat(back.getHeight()).isEqualTo(3);
            assertThat(back.getRGB(0, 0, 5, 3, null, 0, 5)).containsExactly(page.getRGB(0, 0, 5, 3, null, 0, 5));
        }
        // Part of a larger picture: only its own pixels travel.
        BufferedImage part = picture(BufferedImage.TYPE_INT_RGB).getSubimage(1, 1, 3, 2);
        BufferedImage back = PdfPageWorker.image(PdfPageWorker.pixels(part));
        assertThat(back.getRGB(0, 0, 3, 2, null, 0, 3)).containsExactly(part.getRGB(0, 0, 3, 2, null, 0, 3));
    }

    @Test
    void pixelsOfTheWrongLengthAreNoPage() {
        byte[] pixels = PdfPageWorker.pixels(picture(BufferedImage.TYPE_INT_RGB));
        assertThatThrownBy(() -> PdfPageWorker.image(Arrays.copyOf(pixels, pixels.length - 1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
