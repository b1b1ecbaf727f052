package cn.pujin.open.pass;

import cn.pujin.open.pass.control.PassArt;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Every pass QR decodes back to its token at every size a client may ask for, whatever the token's bytes. */
class PassArtTest {

    @Test
    void randomTokensDecodeAtEverySize() throws Exception {
        SecureRandom random = new SecureRandom();
        List<String> failures = new ArrayList<>();
        // 80 random tokens keep the suite within CI's time (a few in a hundred need another mask, so this still meets
        // several); -Dpassart.tokens=1000 for a deeper run
        for (int i = 0; i < Integer.getInteger("passart.tokens", 80); i++) {
            byte[] raw = new byte[87];
            random.nextBytes(raw);
            String token = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
            for (int size : new int[]{128, 200, 256, 333, 400, 1024}) {
                BufferedImage image = ImageIO.read(new ByteArrayInputStream(PassArt.png(token, size)));
                try {
                    String read = new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image)))).getText();
                    if (!token.equals(read)) {
                        failures.add(size + " " + token + " read as " + read);
                    }
                } catch (Exception e) {
                    failures.add(size + " " + token + " " + e);
                }
            }
        }
        assertEquals(List.of(), failures);
    }
}
