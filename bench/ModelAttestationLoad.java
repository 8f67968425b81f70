import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Pattern;

/**
 * The client side of bench/model-attestation.sh, over HTTP/1.1 as curl and browsers send (never an h2c upgrade):
 * <ul>
 *   <li>{@code models BASE TOKEN COUNT safetensors|pickle OUT}: uploads COUNT distinct small models (64,000
 *       bytes of tensor data in safetensors; a protocol-2 pickle of 12,000 integers, 60 KB) and writes their ids,
 *       one a line;
 *   <li>{@code submit BASE TOKEN IDS COUNT CONNECTIONS}: POSTs COUNT model attestations over CONNECTIONS
 *       connections, the ids taken in turn, and prints {@code accepted A refused R other O seconds S} (202;
 *       409/429 quota refusals; anything else).
 * </ul>
 */
public class ModelAttestationLoad {

    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"");

    public static void main(String[] args) throws Exception {
        String base = args[1];
        String token = args[2];
        var http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        switch (args[0]) {
            case "models" -> models(http, base, token, Integer.parseInt(args[3]), args[4], Path.of(args[5]));
            case "submit" -> submit(
                    http, base, token, Files.readAllLines(Path.of(args[3])), Integer.parseInt(args[4]),
                    Integer.parseInt(args[5]));
            default -> throw new IllegalArgumentException(args[0]);
        }
    }

    private static void models(HttpClient http, String base, String token, int count, String kind, Path out)
            throws Exception {
        var ids = new ArrayList<String>();
        for (int i = 0; i < count; i++) {
            byte[] content = kind.equals("pickle") ? pickle(i) : safetensors(i);
            String file = kind.equals("pickle") ? "model.pkl" : "model.safetensors";
            String boundary = "bench" + UUID.randomUUID();
            var body = new ByteArrayOutputStream();
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"name\"\r\n\r\nbench-" + kind
                            + "-" + i + "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                            + file + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            body.writeBytes(content);
            body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
            var response = http.send(
                    HttpRequest.newBuilder(URI.create(base + "/api/v1/models"))
                            .header("Authorization", "Bearer " + token)
                            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                            .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            var id = ID.matcher(response.body());
            if (response.statusCode() != 201 || !id.find()) {
                throw new IllegalStateException("upload: " + response.statusCode() + " " + response.body());
            }
            ids.add(id.group(1));
        }
        Files.write(out, ids);
    }

    private static void submit(HttpClient http, String base, String token, List<String> ids, int count, int connections)
            throws Exception {
        var next = new AtomicInteger();
        var accepted = new LongAdder();
        var refused = new LongAdder();
        var other = new LongAdder();
        long start = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(connections);
        for (int c = 0; c < connections; c++) {
            pool.submit(() -> {
                for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                    try {
                        var response = http.send(
                                HttpRequest.newBuilder(URI.create(base + "/api/v1/attestations/models"))
                                        .header("Authorization", "Bearer " + token)
                                        .header("Content-Type", "application/json")
                                        .POST(HttpRequest.BodyPublishers.ofString(
                                                "{\"modelId\":\"" + ids.get(i % ids.size()) + "\"}"))
                                        .build(),
                                HttpResponse.BodyHandlers.discarding());
                        switch (response.statusCode()) {
                            case 202 -> accepted.increment();
                            case 409, 429 -> refused.increment();
                            default -> other.increment();
                        }
                    } catch (Exception e) {
                        other.increment();
                    }
                }
                return null;
            });
        }
        pool.shutdown();
        pool.awaitTermination(1, java.util.concurrent.TimeUnit.HOURS);
        System.out.printf(
                java.util.Locale.ROOT,
                "accepted %d refused %d other %d seconds %.3f%n",
                accepted.sum(), refused.sum(), other.sum(), (System.nanoTime() - start) / 1e9);
    }

    /** One F32 tensor of 16,000 elements (64,000 bytes), the header padded to eight bytes; {@code seed} varies it. */
    static byte[] safetensors(int seed) {
        String header = "{\"w\":{\"dtype\":\"F32\",\"shape\":[16000],\"data_offsets\":[0,64000]}}";
        while (header.length() % 8 != 0) {
            header += " ";
        }
        byte[] json = header.getBytes(StandardCharsets.UTF_8);
        var buffer = ByteBuffer.allocate(8 + json.length + 64000).order(ByteOrder.LITTLE_ENDIAN);
        buffer.putLong(json.length).put(json);
        for (int i = 0; i < 16000; i++) {
            buffer.putFloat(seed + i * 0.5f);
        }
        return buffer.array();
    }

    /** PROTO 2, EMPTY_LIST, MARK, 12,000 × BININT, APPENDS, STOP: a list of integers, nothing imported. */
    static byte[] pickle(int seed) {
        var buffer = ByteBuffer.allocate(2 + 2 + 12000 * 5 + 2).order(ByteOrder.LITTLE_ENDIAN);
        buffer.put((byte) 0x80).put((byte) 2).put((byte) ']').put((byte) '(');
        for (int i = 0; i < 12000; i++) {
            buffer.put((byte) 'J').putInt(seed * 12000 + i);
        }
        buffer.put((byte) 'e').put((byte) '.');
        return buffer.array();
    }
}
