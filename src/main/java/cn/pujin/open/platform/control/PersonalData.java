package cn.pujin.open.platform.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.logging.Logger;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Personal fields (phone numbers, ID-like numbers) at rest: AES-256-GCM with a key from configuration
 * ({@code PII_KEY}, base64 of 32 bytes), plus a keyed HMAC for equality look-ups, so a phone number can be
 * found without being stored in the clear. Two sub-keys are derived from the one configured key.
 */
@ApplicationScoped
public class PersonalData {

    /** The key in microprofile-config.properties. Demo only: anyone can read it in the repository. */
    public static final String DEMO_KEY = "ZGVtby1rZXktcHVqaW4tb3Blbi1OT1QtRk9SLVBST0Q=";
    private static final Logger LOG = Logger.getLogger(PersonalData.class.getName());
    private static final String FORMAT = "v1:";
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    @ConfigProperty(name = "PII_KEY")
    String configuredKey;

    private SecretKeySpec encryptionKey;
    private byte[] lookupKey;

    @PostConstruct
    void init() {
        byte[] master = Base64.getDecoder().decode(configuredKey.trim());
        if (master.length != 32) {
            throw new IllegalStateException("PII_KEY must be base64 of 32 bytes, found " + master.length);
        }
        if (DEMO_KEY.equals(configuredKey.trim())) {
            LOG.warning("PII_KEY is the public demo key: set PII_KEY before storing real personal data");
        }
        encryptionKey = new SecretKeySpec(derive(master, "encrypt"), "AES");
        lookupKey = derive(master, "lookup");
    }

    public String encrypt(String plain) {
        if (plain == null) {
            return null;
        }
        try {
            byte[] iv = new byte[12];
            RANDOM.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, encryptionKey, new GCMParameterSpec(128, iv));
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            return FORMAT + Base64.getEncoder().encodeToString(ByteBuffer.allocate(12 + sealed.length).put(iv).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public String decrypt(String stored) {
        if (stored == null) {
            return null;
        }
        if (!stored.startsWith(FORMAT)) {
            throw new IllegalStateException("unknown personal-data format");
        }
        try {
            byte[] all = Base64.getDecoder().decode(stored.substring(FORMAT.length()));
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, encryptionKey, new GCMParameterSpec(128, all, 0, 12));
            return new String(cipher.doFinal(all, 12, all.length - 12), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("personal data cannot be decrypted with the configured PII_KEY", e);
        }
    }

    /** A stable keyed hash for unique constraints and look-ups. */
    public String lookupHash(String plain) {
        return HexFormat.of().formatHex(hmac(lookupKey, plain));
    }

    private static byte[] derive(byte[] master, String label) {
        return hmac(master, "pujin-open/" + label);
    }

    private static byte[] hmac(byte[] key, String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
