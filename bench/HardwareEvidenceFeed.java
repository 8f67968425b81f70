import io.lotabots.testkit.tpm.AkKind;
import io.lotabots.testkit.tpm.SoftwareTpm;
import java.io.BufferedWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Makes real hardware evidence for the benchmark: for each line, a fresh nonce from the server and a
 * swtpm quote over it, written as the JSON body of one submission (one body per line).
 *
 * <p>java -cp tpm-testkit/target/classes bench/HardwareEvidenceFeed.java BASE TOKEN COUNT OUT [AK_KIND]
 */
public class HardwareEvidenceFeed {

    private static final Pattern NONCE = Pattern.compile("\"nonce\"\\s*:\\s*\"([0-9a-fA-F]+)\"");

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String token = args[1];
        int count = Integer.parseInt(args[2]);
        Path out = Path.of(args[3]);
        var kind = args.length > 4 ? AkKind.valueOf(args[4]) : AkKind.ECC_P256;
        var http = HttpClient.newHttpClient();
        var b64 = Base64.getEncoder();
        try (var tpm = SoftwareTpm.start();
                BufferedWriter writer = Files.newBufferedWriter(out)) {
            var ak = tpm.createAttestationKey(kind);
            String akPem = ak.publicPem().replace("\n", "\\n");
            for (int i = 0; i < count; i++) {
                var response = http.send(
                        HttpRequest.newBuilder(URI.create(base + "/api/v1/attestations/hardware/nonces"))
                                .header("Authorization", "Bearer " + token)
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString("{}"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                var matcher = NONCE.matcher(response.body());
                if (response.statusCode() != 201 || !matcher.find()) {
                    throw new IllegalStateException("nonce: " + response.statusCode() + " " + response.body());
                }
                String nonce = matcher.group(1);
                var quote = tpm.quote(ak, HexFormat.of().parseHex(nonce), "sha256:0,1,2,3,4,5,6,7");
                writer.write("{\"nonce\":\"" + nonce + "\",\"quote\":\"" + b64.encodeToString(quote.message())
                        + "\",\"signature\":\"" + b64.encodeToString(quote.signature())
                        + "\",\"pcrs\":\"" + b64.encodeToString(quote.pcrs())
                        + "\",\"akPublicKey\":\"" + akPem + "\"}");
                writer.newLine();
            }
        }
    }
}
