package cn.pujin.open.platform.control;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.util.EnumMap;
import java.util.Map;

/** QR codes (ZXing) at error correction M: the passes' and the posters'. */
public final class QrCodes {

    /** Let ZXing choose the mask pattern (the one with the lowest penalty). */
    public static final int ANY_MASK = -1;

    private QrCodes() {
    }

    /** {@code text} as a square of {@code size} pixels with a quiet zone of {@code margin} modules. */
    public static BitMatrix encode(String text, int size, int margin, int mask) {
        Map<EncodeHintType, Object> hints = new EnumMap<>(EncodeHintType.class);
        hints.put(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M);
        hints.put(EncodeHintType.MARGIN, margin);
        if (mask != ANY_MASK) {
            hints.put(EncodeHintType.QR_MASK_PATTERN, mask);
        }
        try {
            return new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, size, size, hints);
        } catch (WriterException e) {
            throw new IllegalStateException("cannot encode a QR code of " + text.length() + " characters", e);
        }
    }
}
