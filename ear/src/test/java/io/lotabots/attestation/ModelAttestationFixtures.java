package io.lotabots.attestation;

import io.lotabots.model.ModelUploads;
import io.lotabots.testsupport.ApiClient;
import jakarta.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Real model attestations for tests outside this package (the console's): uploaded, submitted, awaited. */
public final class ModelAttestationFixtures {

    private ModelAttestationFixtures() {}

    /** Waits until the application answers (the first test of a run may start before it has). */
    public static void awaitApplication() {
        AttestationApi.awaitApplication();
    }

    /** A benign safetensors model under the default policy: VERIFIED, WARNING (nothing signed it). */
    public static JsonObject verified(ApiClient api) {
        String modelId = ModelAttestationIT.upload(
                api, ModelUploads.form().name("benign").file("model.safetensors", ModelAttestationIT.safetensors()));
        return AttestationApi.awaitVerdict(
                api, ModelAttestationIT.accepted(ModelAttestationIT.submit(api, modelId, null)));
    }

    /** A pickle that calls os.system: REJECTED with an unsafe finding naming {@code os.system} in model.pkl. */
    public static JsonObject rejected(ApiClient api) {
        var pickle = new ByteArrayOutputStream();
        pickle.writeBytes(new byte[] {(byte) 0x80, 2, 'c'});
        pickle.writeBytes("os\nsystem\n".getBytes(StandardCharsets.US_ASCII));
        pickle.writeBytes(new byte[] {'X', 2, 0, 0, 0, 'i', 'd', (byte) 0x85, 'R', '.'});
        String modelId = ModelAttestationIT.upload(
                api, ModelUploads.form().name("evil").file("model.pkl", pickle.toByteArray()));
        return AttestationApi.awaitVerdict(
                api, ModelAttestationIT.accepted(ModelAttestationIT.submit(api, modelId, "default")));
    }
}
