package io.lotabots.attestation;

import io.lotabots.testkit.tpm.AttestationKey;
import io.lotabots.testkit.tpm.Quote;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;

/** Builds submissions from real swtpm quotes: the JSON body and the curl -F form of the same files. */
final class TpmEvidence {

    /** The PCRs the tenant's default policy asks for. */
    static final String SELECTION = "sha256:0,1,2,3,4,5,6,7";

    private TpmEvidence() {}

    static JsonObject json(byte[] nonce, Quote quote, AttestationKey ak) {
        var body = Json.createObjectBuilder()
                .add("nonce", HexFormat.of().formatHex(nonce))
                .add("quote", b64(quote.message()))
                .add("signature", b64(quote.signature()))
                .add("pcrs", b64(quote.pcrs()))
                .add("pcrsFormat", quote.pcrsFormat())
                .add("akPublicKey", ak.publicPem());
        if ("values".equals(quote.pcrsFormat())) {
            body.add("pcrSelection", quote.pcrSelection());
        }
        return body.build();
    }

    static Multipart multipart(byte[] nonce, Quote quote, AttestationKey ak) {
        return new Multipart()
                .file("quote", "quote.msg", quote.message())
                .file("signature", "quote.sig", quote.signature())
                .file("pcrs", "quote.pcrs", quote.pcrs())
                .file("akPublicKey", "ak.pem", ak.publicPem().getBytes(StandardCharsets.US_ASCII))
                .text("nonce", HexFormat.of().formatHex(nonce));
    }

    private static String b64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }
}
