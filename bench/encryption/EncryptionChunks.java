import io.lotabots.platform.encryption.ChunkFormat;
import io.lotabots.platform.encryption.OpeningInputStream;
import io.lotabots.platform.encryption.SealingInputStream;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.UUID;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The platform's chunked AES-256-GCM (the classes ObjectStore uses: SealingInputStream, OpeningInputStream)
 * against the JDK's raw AES-256-GCM over the same bytes in one doFinal, sealing and opening, in one run:
 * rounds interleaved (raw, chunked, raw, chunked ...), medians of the rounds printed as a table.
 *
 * <pre>./mvnw -B -ntp -q -o compile -pl ejb-module -am
 * java -cp ejb-module/target/classes bench/encryption/EncryptionChunks.java [MIB] [ROUNDS] [CHUNK_BYTES]</pre>
 */
public final class EncryptionChunks {

    public static void main(String[] args) throws Exception {
        int mib = args.length > 0 ? Integer.parseInt(args[0]) : 64;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 9;
        int chunk = args.length > 2 ? Integer.parseInt(args[2]) : 65536;
        byte[] plain = new byte[mib * 1024 * 1024];
        new SecureRandom().nextBytes(plain);
        byte[] raw = new byte[32];
        new SecureRandom().nextBytes(raw);
        SecretKey key = new SecretKeySpec(raw, "AES");
        String objectKey = "models/6f1c0e0a-7d1e-4c59-9f0f-3f6f8a9f4a11/m/files/0";
        var header = ChunkFormat.header(chunk, UUID.randomUUID());
        byte[] sink = new byte[1 << 20];

        double[][] seconds = new double[4][rounds];
        for (int warm = 0; warm < 3; warm++) {
            round(plain, key, header, objectKey, sink, new double[4][1], 0);
        }
        for (int r = 0; r < rounds; r++) {
            round(plain, key, header, objectKey, sink, seconds, r);
        }
        String[] names = {"JDK AES-GCM seal (one doFinal)", "chunked seal (SealingInputStream)",
            "JDK AES-GCM open (one doFinal)", "chunked open (OpeningInputStream)"};
        double[] mbps = new double[4];
        System.out.printf("%d MiB, %d rounds, chunk %d bytes, JDK %s%n", mib, rounds, chunk, System.getProperty("java.version"));
        System.out.printf("| %-36s | %10s |%n", "what", "MiB/s");
        System.out.println("|---|---|");
        for (int i = 0; i < 4; i++) {
            Arrays.sort(seconds[i]);
            mbps[i] = mib / seconds[i][rounds / 2];
            System.out.printf("| %-36s | %10.1f |%n", names[i], mbps[i]);
        }
        System.out.printf("chunked / raw: seal %.1f %%, open %.1f %%%n", 100 * mbps[1] / mbps[0], 100 * mbps[3] / mbps[2]);
    }

    private static void round(byte[] plain, SecretKey key, ChunkFormat.Header header, String objectKey, byte[] sink,
            double[][] seconds, int r) throws Exception {
        byte[] nonce = new byte[12];
        new SecureRandom().nextBytes(nonce);
        long t0 = System.nanoTime();
        var cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, nonce));
        byte[] sealedRaw = cipher.doFinal(plain);
        long t1 = System.nanoTime();
        long sealedBytes = drain(new SealingInputStream(new ByteArrayInputStream(plain), header, key, objectKey), sink);
        long t2 = System.nanoTime();
        var decipher = Cipher.getInstance("AES/GCM/NoPadding");
        decipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, nonce));
        byte[] opened = decipher.doFinal(sealedRaw);
        long t3 = System.nanoTime();
        byte[] stored = SealingInputStream.sealAll(plain, header, key, objectKey);
        long t4 = System.nanoTime();
        long openedBytes = drain(OpeningInputStream.whole(
                new ByteArrayInputStream(stored, ChunkFormat.HEADER_BYTES, stored.length - ChunkFormat.HEADER_BYTES),
                header, key, objectKey), sink);
        long t5 = System.nanoTime();
        if (opened.length != plain.length || openedBytes != plain.length || sealedBytes != stored.length) {
            throw new IllegalStateException("lengths differ");
        }
        seconds[0][r] = (t1 - t0) / 1e9;
        seconds[1][r] = (t2 - t1) / 1e9;
        seconds[2][r] = (t3 - t2) / 1e9;
        seconds[3][r] = (t5 - t4) / 1e9;
    }

    private static long drain(InputStream in, byte[] sink) throws Exception {
        long total = 0;
        int n;
        while ((n = in.read(sink)) > 0) {
            total += n;
        }
        return total;
    }
}
