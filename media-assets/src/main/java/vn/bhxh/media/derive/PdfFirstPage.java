package vn.bhxh.media.derive;

import java.awt.image.BufferedImage;
import java.nio.file.Path;

/** Renders the first page of a PDF so that its longest side has the given number of pixels. */
public interface PdfFirstPage {

    BufferedImage render(Path pdf, int longestSide) throws DerivationFailure;
}
