import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Submits every body of a file (one JSON submission per line) to POST /api/v1/attestations/hardware
 * with a fixed number in flight, over kept-alive connections, and prints "accepted seconds". One JVM
 * instead of a curl process per request, whose start-up cost more CPU than the request it sent.
 *
 * <p>java bench/SubmitEvidence.java BASE TOKEN FILE CONCURRENCY
 */
public class SubmitEvidence {

    public static void main(String[] args) throws Exception {
        var uri = URI.create(args[0] + "/api/v1/attestations/hardware");
        String token = args[1];
        var bodies = Files.readAllLines(Path.of(args[2])).stream().filter(l -> !l.isBlank()).toList();
        var inFlight = new Semaphore(Integer.parseInt(args[3]));
        var http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        var accepted = new AtomicInteger();
        long start = System.nanoTime();
        var all = new CompletableFuture<?>[bodies.size()];
        for (int i = 0; i < bodies.size(); i++) {
            inFlight.acquire();
            var request = HttpRequest.newBuilder(uri)
                    .header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(bodies.get(i)))
                    .build();
            all[i] = http.sendAsync(request, HttpResponse.BodyHandlers.discarding())
                    .handle((response, failure) -> {
                        if (failure == null && response.statusCode() == 202) {
                            accepted.incrementAndGet();
                        }
                        inFlight.release();
                        return null;
                    });
        }
        CompletableFuture.allOf(all).join();
        System.out.printf("%d %.2f%n", accepted.get(), (System.nanoTime() - start) / 1e9);
    }
}
