package cn.pujin.open.pass;

import cn.pujin.open.pass.control.PassToken;
import cn.pujin.open.pass.control.PassVerifier.Check;
import cn.pujin.open.pass.control.PassVerifier;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.bouncycastle.math.ec.rfc8032.Ed25519;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The server checks its own passes by signing the payload again; keys known by their public half verify. Both
 * ways must give the same verdict on genuine, tampered and foreign tokens.
 */
class PassVerifierTest {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

    record Pair(byte[] privateKey, byte[] publicKey) {
        static Pair make() {
            byte[] sk = new byte[Ed25519.SECRET_KEY_SIZE];
            Ed25519.generatePrivateKey(RANDOM, sk);
            byte[] pk = new byte[Ed25519.PUBLIC_KEY_SIZE];
            Ed25519.generatePublicKey(sk, 0, pk, 0);
            return new Pair(sk, pk);
        }

        String sign(long passId, long eventId, int serial) {
            byte[] payload = PassToken.payload(1, passId, eventId, serial);
            byte[] signature = new byte[PassToken.SIGNATURE_BYTES];
            Ed25519.sign(privateKey, 0, payload, 0, payload.length, signature, 0);
            return PassToken.encode(payload, signature);
        }
    }

    private static PassVerifier issuer(Pair key, Instant expiresAt) {
        PassVerifier v = new PassVerifier(Clock.fixed(Instant.parse("2026-08-01T02:00:00Z"), ZoneOffset.UTC), id -> null);
        v.put(1, PassVerifier.Key.of(key.publicKey(), key.privateKey(), expiresAt));
        return v;
    }

    private static PassVerifier verifierOnly(Pair key, Instant expiresAt) {
        PassVerifier v = new PassVerifier(Clock.fixed(Instant.parse("2026-08-01T02:00:00Z"), ZoneOffset.UTC), id -> null);
        v.put(1, PassVerifier.Key.of(key.publicKey(), expiresAt));
        return v;
    }

    @Test
    void genuinePassesAreValidBothWays() {
        Pair key = Pair.make();
        for (int i = 0; i < 200; i++) {
            String token = key.sign(1000 + i, 42, 1 + i % 3);
            assertEquals(Check.VALID, issuer(key, null).check(token).check(), token);
            assertEquals(Check.VALID, verifierOnly(key, null).check(token).check(), token);
            assertEquals(1000 + i, issuer(key, null).check(token).claims().passId());
        }
    }

    @Test
    void everyOneCharacterChangeIsRefusedBothWays() {
        Pair key = Pair.make();
        PassVerifier issuer = issuer(key, null);
        PassVerifier verifier = verifierOnly(key, null);
        List<String> admitted = new ArrayList<>();
        int tried = 0;
        for (int t = 0; t < 10; t++) {
            String token = key.sign(5000 + t, 7, 1);
            for (int at = 0; at < token.length(); at++) {
                for (int k = 0; k < 2; k++) {
                    char other = ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length()));
                    if (other == token.charAt(at)) {
                        continue;
                    }
                    String tampered = token.substring(0, at) + other + token.substring(at + 1);
                    tried++;
                    Check byIssuer = issuer.check(tampered).check();
                    assertEquals(verifier.check(tampered).check(), byIssuer, tampered);
                    if (byIssuer == Check.VALID) {
                        admitted.add(tampered);
                    }
                }
            }
        }
        assertEquals(List.of(), admitted);
        assertEquals(true, tried >= 2000, "variants tried: " + tried);
    }

    @Test
    void anotherKeysSignatureAndAFlippedSignatureBitAreRefused() {
        Pair key = Pair.make();
        Pair stranger = Pair.make();
        String foreign = stranger.sign(1, 42, 1);
        assertEquals(Check.INVALID_SIGNATURE, issuer(key, null).check(foreign).check());
        assertEquals(Check.INVALID_SIGNATURE, verifierOnly(key, null).check(foreign).check());

        byte[] raw = Base64.getUrlDecoder().decode(key.sign(2, 42, 1));
        raw[PassToken.PAYLOAD_BYTES + 63] ^= 0x10; // the top of S: an encoding no verifier may accept
        String flipped = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        assertEquals(Check.INVALID_SIGNATURE, issuer(key, null).check(flipped).check());
        assertEquals(Check.INVALID_SIGNATURE, verifierOnly(key, null).check(flipped).check());
    }

    @Test
    void anExpiredKeyIsReportedAsSuchBothWays() {
        Pair key = Pair.make();
        String token = key.sign(3, 42, 1);
        Instant expired = Instant.parse("2026-07-01T00:00:00Z");
        assertEquals(Check.KEY_EXPIRED, issuer(key, expired).check(token).check());
        assertEquals(Check.KEY_EXPIRED, verifierOnly(key, expired).check(token).check());
    }
}
