package cn.pujin.open.bench;

import cn.pujin.open.it.Fixtures;
import cn.pujin.open.pass.control.PassToken;
import cn.pujin.open.pass.control.PassVerifier;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

/**
 * Pass verification on one core (this thread only), like with like: {@link PassVerifier} with the public key only
 * (strict decoding, Bouncy Castle's verify against a pre-decoded point — what a check-in station does, holding no
 * private key) against the JDK 17 provider's Ed25519 verify of the same signed bytes, five rounds each taking turns,
 * medians. Shown apart, not in the ratio: the server's own check, which signs the payload again with its private key
 * and compares (deterministic Ed25519), a different operation. Target: ≥ 8,000 passes/s, ratio ≥ 10.
 * Usage: bench/pass-verify [seconds per measurement, default 5]
 */
public final class PassVerifyRate {

    private static final int TOKENS = 1024;

    public static void main(String[] args) throws Exception {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 5;
        SecureRandom random = new SecureRandom();
        byte[] privateKey = new byte[Ed25519.SECRET_KEY_SIZE];
        Ed25519.generatePrivateKey(random, privateKey);
        byte[] publicKey = new byte[Ed25519.PUBLIC_KEY_SIZE];
        Ed25519.generatePublicKey(privateKey, 0, publicKey, 0);

        String[] tokens = new String[TOKENS];
        byte[][] raw = new byte[TOKENS][];
        for (int i = 0; i < TOKENS; i++) {
            byte[] payload = PassToken.payload(1, 1000 + i, 42, 1);
            byte[] signature = new byte[64];
            Ed25519.sign(privateKey, 0, payload, 0, payload.length, signature, 0);
            tokens[i] = PassToken.encode(payload, signature);
            raw[i] = Base64.getUrlDecoder().decode(tokens[i]);
        }

        PassVerifier verifier = new PassVerifier(Clock.systemUTC(), id -> null);
        verifier.put(1, PassVerifier.Key.of(publicKey, privateKey, null));
        PassVerifier publicOnly = new PassVerifier(Clock.systemUTC(), id -> null);
        publicOnly.put(1, PassVerifier.Key.of(publicKey, null));
        PublicKey jdkKey = Fixtures.jdkEd25519(publicKey);
        Signature jdk = Signature.getInstance("Ed25519");

        // warm-up of all three, then five measured rounds taking turns; medians and min–max
        measure(0.6 * seconds, i -> verifier.check(tokens[i % TOKENS]).check() == PassVerifier.Check.VALID);
        measure(0.6 * seconds, i -> jdkVerify(jdk, jdkKey, raw[i % TOKENS]));
        measure(0.6 * seconds, i -> publicOnly.check(tokens[i % TOKENS]).check() == PassVerifier.Check.VALID);
        List<Double> server = new ArrayList<>();
        List<Double> baseline = new ArrayList<>();
        List<Double> verifying = new ArrayList<>();
        for (int round = 0; round < 5; round++) {
            baseline.add(measure(seconds / 5, i -> jdkVerify(jdk, jdkKey, raw[i % TOKENS])));
            verifying.add(measure(seconds / 5, i -> publicOnly.check(tokens[i % TOKENS]).check() == PassVerifier.Check.VALID));
            server.add(measure(seconds / 5, i -> verifier.check(tokens[i % TOKENS]).check() == PassVerifier.Check.VALID));
        }
        System.out.printf("JDK %s Ed25519 verify with the public key      %s verifies/s on one core%n", System.getProperty("java.version"),
                RegistrationRush.spread(baseline));
        System.out.printf("pass verifier, public key only (what stations do)  %s passes/s on one core   target >= 8000%n",
                RegistrationRush.spread(verifying));
        System.out.printf("ratio public-key verification / JDK (medians): %.1f   (the pass issue's target >= 10 was set on the server's check below)%n",
                RegistrationRush.median(verifying) / RegistrationRush.median(baseline));
        System.out.printf("shown apart: the server's own check (decode, sign again with its private key, compare) %s passes/s, "
                + "%.1f x the JDK's verify%n", RegistrationRush.spread(server), RegistrationRush.median(server) / RegistrationRush.median(baseline));
    }

    interface Op {
        boolean run(int i) throws Exception;
    }

    private static double measure(double seconds, Op op) throws Exception {
        long end = System.nanoTime() + (long) (seconds * 1e9);
        long start = System.nanoTime();
        int n = 0;
        while (System.nanoTime() < end) {
            for (int k = 0; k < 64; k++, n++) {
                if (!op.run(n)) {
                    throw new IllegalStateException("a valid pass did not verify");
                }
            }
        }
        return n / ((System.nanoTime() - start) / 1e9);
    }

    private static boolean jdkVerify(Signature jdk, PublicKey key, byte[] token) throws Exception {
        jdk.initVerify(key);
        jdk.update(token, 0, PassToken.PAYLOAD_BYTES);
        return jdk.verify(token, PassToken.PAYLOAD_BYTES, PassToken.SIGNATURE_BYTES);
    }

    private PassVerifyRate() {}
}
