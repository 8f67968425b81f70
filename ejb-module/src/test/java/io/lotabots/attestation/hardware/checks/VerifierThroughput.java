package io.lotabots.attestation.hardware.checks;

import io.lotabots.attestation.control.NonceConsumption;
import io.lotabots.attestation.hardware.evidence.HardwareEvidence;
import io.lotabots.attestation.hardware.policy.HardwarePolicy;
import io.lotabots.attestation.hardware.tpm.PcrsFormat;
import io.lotabots.attestation.hardware.tpm.PemPublicKey;
import io.lotabots.attestation.hardware.tpm.SignatureScheme;
import io.lotabots.attestation.hardware.tpm.TpmSignature;
import io.lotabots.platform.crypto.BouncyCastle;
import io.lotabots.testkit.tpm.AkKind;
import io.lotabots.testkit.tpm.SoftwareTpm;
import java.math.BigInteger;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.DERSequence;

/**
 * Benchmark, not a test (bench/hardware-attestation.sh runs it): verifier-only throughput against the
 * raw JCA signature verification of the same real swtpm quotes, on 2 threads, in one JVM, with the
 * provider the verifier uses (Bouncy Castle for ECDSA, the JDK's for RSA) and, for comparison, with
 * the JDK's. Prints a Markdown table. Arguments, if any, name the AK kinds to measure (for a profile of one).
 */
public final class VerifierThroughput {

    private static final String SELECTION = "sha256:0,1,2,3,4,5,6,7";
    private static final int THREADS = 2;
    private static final long WARMUP_MILLIS = 12_000;
    private static final long MEASURE_MILLIS = 5_000;

    public static void main(String[] args) throws Exception {
        System.out.println("| AK | raw signature verify/s (the verifier's provider) | HardwareVerifier.verify/s | ratio"
                + " | goal ≤ 2× | raw verify/s with the JDK's provider |");
        System.out.println("|---|---|---|---|---|---|");
        try (var tpm = SoftwareTpm.start()) {
            var kinds = args.length == 0
                    ? List.of(AkKind.ECC_P256, AkKind.RSA_2048_RSASSA, AkKind.RSA_2048_RSAPSS)
                    : Arrays.stream(args).map(AkKind::valueOf).toList();
            for (var kind : kinds) {
                var ak = tpm.createAttestationKey(kind);
                byte[] nonce =
                        HexFormat.of().parseHex("8f0e2a1b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e7");
                var quote = tpm.quote(ak, nonce, SELECTION);
                var evidence = new HardwareEvidence(
                        nonce,
                        quote.message(),
                        quote.signature(),
                        quote.pcrs(),
                        PcrsFormat.SERIALIZED,
                        null,
                        ak.publicPem(),
                        ak.publicArea(),
                        null,
                        null,
                        List.of(),
                        null,
                        null);
                var policy = new HardwarePolicy("default", 1, SELECTION, Map.of(), false, List.of(), List.of(), false);
                var inputs = new VerificationInputs(policy, NonceConsumption.VALID, null, false, Instant.now());
                var verifier = new HardwareVerifier();
                if (!verifier.verify(evidence, inputs).affirming()) {
                    throw new IllegalStateException(kind + ": the benchmark evidence does not verify");
                }
                PublicKey key = PemPublicKey.parse(ak.publicPem());
                var signature = TpmSignature.parse(quote.signature());
                String algorithm = jcaAlgorithm(signature);
                byte[] jcaSignature = jcaSignature(signature);
                boolean ecdsa = signature.scheme() == SignatureScheme.ECDSA;
                double raw = rate(rawVerification(algorithm, ecdsa, key, quote.message(), jcaSignature, signature));
                double full = rate(() -> verifier.verify(evidence, inputs).affirming());
                double jdk = ecdsa
                        ? rate(rawVerification(algorithm, false, key, quote.message(), jcaSignature, signature))
                        : raw;
                System.out.printf(
                        "| %s | %.0f | %.0f | %.2f× | %s | %.0f |%n",
                        kind, raw, full, raw / full, raw / full <= 2 ? "met" : "missed", jdk);
            }
        }
    }

    private static Callable<Boolean> rawVerification(
            String algorithm,
            boolean bouncyCastle,
            PublicKey key,
            byte[] message,
            byte[] jcaSignature,
            TpmSignature signature) {
        return () -> {
            var verify = bouncyCastle
                    ? Signature.getInstance(algorithm, BouncyCastle.PROVIDER)
                    : Signature.getInstance(algorithm);
            if (signature.scheme() == SignatureScheme.RSAPSS) {
                verify.setParameter(new java.security.spec.PSSParameterSpec(
                        "SHA-256", "MGF1", java.security.spec.MGF1ParameterSpec.SHA256, 32, 1));
            }
            verify.initVerify(key);
            verify.update(message);
            return verify.verify(jcaSignature);
        };
    }

    private static String jcaAlgorithm(TpmSignature signature) {
        return switch (signature.scheme()) {
            case ECDSA -> "SHA256withECDSA";
            case RSASSA -> "SHA256withRSA";
            case RSAPSS -> "RSASSA-PSS";
            default -> throw new IllegalArgumentException(signature.scheme().toString());
        };
    }

    private static byte[] jcaSignature(TpmSignature signature) throws Exception {
        if (signature.scheme() != SignatureScheme.ECDSA) {
            return signature.rsaSignature();
        }
        return new DERSequence(new org.bouncycastle.asn1.ASN1Encodable[] {
                    new ASN1Integer(new BigInteger(1, signature.r())), new ASN1Integer(new BigInteger(1, signature.s()))
                })
                .getEncoded();
    }

    /** Operations per second over all threads, after a warm-up; every call must return true. */
    private static double rate(Callable<Boolean> operation) throws Exception {
        run(operation, WARMUP_MILLIS);
        return run(operation, MEASURE_MILLIS) * 1000.0 / MEASURE_MILLIS;
    }

    private static long run(Callable<Boolean> operation, long millis) throws Exception {
        var done = new LongAdder();
        var pool = Executors.newFixedThreadPool(THREADS);
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        var futures = new java.util.ArrayList<java.util.concurrent.Future<?>>();
        for (int t = 0; t < THREADS; t++) {
            futures.add(pool.submit(() -> {
                while (System.nanoTime() < end) {
                    if (!operation.call()) {
                        throw new IllegalStateException("verification failed during the benchmark");
                    }
                    done.increment();
                }
                return null;
            }));
        }
        for (var future : futures) {
            future.get();
        }
        pool.shutdown();
        return done.sum();
    }
}
