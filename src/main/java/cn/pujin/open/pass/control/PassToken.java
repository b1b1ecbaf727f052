package cn.pujin.open.pass.control;

import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.Optional;

/**
 * The bytes of a pass token: version, key id, pass id, event id and issue serial (23 bytes), followed by
 * the Ed25519 signature of those bytes (64), as unpadded base64url: always 116 URL-safe characters.
 * Parsing is strict: any other length, alphabet, padding or re-encoding is malformed.
 */
public record PassToken(int keyId, long passId, long eventId, int serial, byte[] signature) {

    public static final int VERSION = 1;
    public static final int PAYLOAD_BYTES = 23;
    public static final int SIGNATURE_BYTES = 64;
    public static final int LENGTH = 116;
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    public static byte[] payload(int keyId, long passId, long eventId, int serial) {
        return ByteBuffer.allocate(PAYLOAD_BYTES).put((byte) VERSION).putShort((short) keyId).putLong(passId)
                .putLong(eventId).putInt(serial).array();
    }

    public static String encode(byte[] payload, byte[] signature) {
        return ENCODER.encodeToString(ByteBuffer.allocate(PAYLOAD_BYTES + SIGNATURE_BYTES).put(payload).put(signature).array());
    }

    /** The token's parts, or empty when it is not a well-formed token (the signature is not checked here). */
    public static Optional<Decoded> decode(String token) {
        if (token == null || token.length() != LENGTH) {
            return Optional.empty();
        }
        for (int i = 0; i < LENGTH; i++) {
            char c = token.charAt(i);
            if (!(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_')) {
                return Optional.empty();
            }
        }
        byte[] all = DECODER.decode(token);
        if (all.length != PAYLOAD_BYTES + SIGNATURE_BYTES || all[0] != VERSION) {
            return Optional.empty();
        }
        ByteBuffer b = ByteBuffer.wrap(all);
        b.get();
        int keyId = Short.toUnsignedInt(b.getShort());
        long passId = b.getLong();
        long eventId = b.getLong();
        int serial = b.getInt();
        if (passId <= 0 || eventId <= 0 || serial <= 0) {
            return Optional.empty();
        }
        return Optional.of(new Decoded(new PassToken(keyId, passId, eventId, serial, null), all));
    }

    /** A parsed token with the raw bytes the signature covers (first 23) and the signature (last 64). */
    public record Decoded(PassToken claims, byte[] bytes) {}
}
