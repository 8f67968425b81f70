package io.lotabots.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lotabots.testsupport.ApiClient;
import io.lotabots.testsupport.Metrics;
import io.lotabots.testsupport.TestBucket;
import io.lotabots.testsupport.TestTenant;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.SplittableRandom;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * A large model streamed end to end: generated while it is sent (never on disk or in the test's memory),
 * digested on both sides, stored in parts. {@code it.model.large-upload-bytes} sets the size (256 MiB in
 * CI); docs/benchmarks.md has the 4 GiB run against a server with a 512 MB heap. The server's heap is
 * sampled while the upload runs; when the upload is larger than the heap, the upload held no copy of it.
 */
class ModelLargeUploadIT {

    private static final long SIZE = Long.getLong("it.model.large-upload-bytes", 256L * 1024 * 1024);

    @Test
    void aLargeModelIsStreamedWithConstantMemoryAndTheDigestOfWhatWasSent() throws Exception {
        var tenant = TestTenant.create("model-large");
        var digest = MessageDigest.getInstance("SHA-256");
        var peakHeap = new AtomicLong();
        var sampler = Executors.newSingleThreadScheduledExecutor();
        sampler.scheduleAtFixedRate(
                () -> peakHeap.accumulateAndGet(usedHeap(), Math::max), 0, 200, TimeUnit.MILLISECONDS);
        long started = System.nanoTime();
        java.net.http.HttpResponse<String> response;
        try {
            response = ModelUploads.form()
                    .name("large")
                    .generatedFile("file", "large.bin", SIZE, () -> new GeneratedBytes(SIZE, digest))
                    .send(tenant.admin());
        } finally {
            sampler.shutdownNow();
        }
        double seconds = (System.nanoTime() - started) / 1e9;

        assertEquals(201, response.statusCode(), response.body());
        var model = ApiClient.json(response);
        assertEquals(HexFormat.of().formatHex(digest.digest()), model.getString("sha256"));
        assertEquals(SIZE, model.getJsonNumber("size").longValue());
        assertEquals(1, TestBucket.keys("models/" + tenant.id() + "/").size());
        long maxHeap = heap("memory_maxHeap_bytes");
        System.out.printf(
                "Large upload: %d bytes in %.1f s (%.0f MB/s); server heap peak %d MB of %d MB%n",
                SIZE, seconds, SIZE / seconds / 1e6, peakHeap.get() >> 20, maxHeap >> 20);
        if (SIZE > maxHeap) {
            assertTrue(peakHeap.get() < maxHeap, "the server's heap held at most its maximum");
        }
        assertEquals(
                204,
                tenant.admin()
                        .delete(ModelUploads.MODELS + "/" + model.getString("id"))
                        .statusCode());
    }

    private static long usedHeap() {
        return heap("memory_usedHeap_bytes");
    }

    private static long heap(String metric) {
        var scrape = Metrics.scrape("/metrics?scope=base");
        if (scrape.statusCode() != 200) {
            throw new AssertionError("scraping the server's heap answered " + scrape.statusCode());
        }
        for (String line : scrape.body().split("\n")) {
            if (line.startsWith(metric + "{")) {
                return (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        throw new AssertionError("the server exposes no " + metric);
    }

    /** Pseudo-random bytes made as they are read, digested as they go. */
    private static final class GeneratedBytes extends InputStream {
        private final SplittableRandom random = new SplittableRandom(42);
        private final MessageDigest digest;
        private long left;

        GeneratedBytes(long size, MessageDigest digest) {
            this.left = size;
            this.digest = digest;
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            if (left == 0) {
                return -1;
            }
            int n = (int) Math.min(length, left);
            for (int i = 0; i < n; i += 8) {
                long value = random.nextLong();
                for (int j = 0; j < 8 && i + j < n; j++) {
                    buffer[offset + i + j] = (byte) (value >>> (8 * j));
                }
            }
            digest.update(buffer, offset, n);
            left -= n;
            return n;
        }
    }
}
