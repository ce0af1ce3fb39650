package vn.bhxh.templates.qr;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.util.Map;

/**
 * QR codes for print products. Error correction M survives a fold or a smudge on a leaflet while keeping a
 * long tracked URL at a size phones read from arm's length. The quiet zone is left to the caller's layout.
 */
public final class QrCodes {

    /** The QR modules only (one bit per module, no quiet zone). */
    public BitMatrix modules(String text) {
        try {
            return new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0, Map.of(
                    EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M,
                    EncodeHintType.CHARACTER_SET, "UTF-8",
                    EncodeHintType.MARGIN, 0));
        } catch (WriterException e) {
            throw new IllegalArgumentException("Không tạo được mã QR / cannot make a QR code for: " + text, e);
        }
    }
}
