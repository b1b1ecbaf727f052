package cn.pujin.open.platform.control;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM with a random 96-bit IV in front of the ciphertext, for secrets at rest (personal fields,
 * the private keys of passes), and HMAC-SHA256 sub-key derivation from one configured key.
 */
public final class Sealing {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Sealing() {}

    /** A 32-byte key from configuration (base64); fails with the setting's name when it is not one. */
    public static byte[] configuredKey(String name, String base64) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(name + " must be base64 of 32 bytes");
        }
        if (key.length != 32) {
            throw new IllegalStateException(name + " must be base64 of 32 bytes, found " + key.length);
        }
        return key;
    }

    public static SecretKeySpec aesKey(byte[] master, String label) {
        return new SecretKeySpec(derive(master, label), "AES");
    }

    public static byte[] derive(byte[] master, String label) {
        return hmac(master, ("pujin-open/" + label).getBytes(StandardCharsets.UTF_8));
    }

    public static byte[] hmac(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static byte[] seal(SecretKeySpec key, byte[] plain) {
        try {
            byte[] iv = new byte[12];
            RANDOM.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, iv));
            byte[] sealed = cipher.doFinal(plain);
            return ByteBuffer.allocate(12 + sealed.length).put(iv).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The plain bytes; {@link GeneralSecurityException} when the key is wrong or the data was altered. */
    public static byte[] open(SecretKeySpec key, byte[] sealed) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, sealed, 0, 12));
        return cipher.doFinal(sealed, 12, sealed.length - 12);
    }
}
