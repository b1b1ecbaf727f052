package cn.pujin.open.platform.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.logging.Logger;
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

    @Inject
    @ConfigProperty(name = "PII_KEY")
    String configuredKey;

    private SecretKeySpec encryptionKey;
    private byte[] lookupKey;

    @PostConstruct
    void init() {
        byte[] master = Sealing.configuredKey("PII_KEY", configuredKey);
        if (DEMO_KEY.equals(configuredKey.trim())) {
            LOG.warning("PII_KEY is the public demo key: set PII_KEY before storing real personal data");
        }
        encryptionKey = Sealing.aesKey(master, "encrypt");
        lookupKey = Sealing.derive(master, "lookup");
    }

    public String encrypt(String plain) {
        if (plain == null) {
            return null;
        }
        return FORMAT + Base64.getEncoder().encodeToString(Sealing.seal(encryptionKey, plain.getBytes(StandardCharsets.UTF_8)));
    }

    public String decrypt(String stored) {
        if (stored == null) {
            return null;
        }
        if (!stored.startsWith(FORMAT)) {
            throw new IllegalStateException("unknown personal-data format");
        }
        try {
            return new String(Sealing.open(encryptionKey, Base64.getDecoder().decode(stored.substring(FORMAT.length()))),
                    StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("personal data cannot be decrypted with the configured PII_KEY", e);
        }
    }

    /** A stable keyed hash for unique constraints and look-ups. */
    public String lookupHash(String plain) {
        return HexFormat.of().formatHex(hmac(lookupKey, plain));
    }

    private static byte[] hmac(byte[] key, String text) {
        return Sealing.hmac(key, text.getBytes(StandardCharsets.UTF_8));
    }
}
