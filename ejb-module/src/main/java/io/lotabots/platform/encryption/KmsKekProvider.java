package io.lotabots.platform.encryption;

import java.util.Map;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.DataKeySpec;

/**
 * AWS KMS keeps the root key ({@code lotabots.encryption.kms.key-id}); each tenant KEK version is a KMS data
 * key whose encrypted form the database keeps, bound to tenant and version by the encryption context, so a
 * KEK copied onto another tenant's row does not decrypt. Destroying wipes that encrypted form (the database
 * does); KMS holds nothing per tenant.
 */
public final class KmsKekProvider implements KekProvider {

    public static final String NAME = "kms";

    private final KmsClient kms;
    private final String keyId;

    public KmsKekProvider(KmsClient kms, String keyId) {
        this.kms = kms;
        this.keyId = keyId;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public byte[] create(KekId id) {
        try {
            return kms.generateDataKeyWithoutPlaintext(
                            b -> b.keyId(keyId).keySpec(DataKeySpec.AES_256).encryptionContext(context(id)))
                    .ciphertextBlob()
                    .asByteArray();
        } catch (SdkException e) {
            throw new KekUnavailableException(id, "KMS refused or did not answer", e);
        }
    }

    @Override
    public SecretKey open(KekId id, byte[] material) {
        if (material == null) {
            throw new KekUnavailableException(id, "destroyed");
        }
        try {
            byte[] key = kms.decrypt(b -> b.keyId(keyId)
                            .ciphertextBlob(SdkBytes.fromByteArray(material))
                            .encryptionContext(context(id)))
                    .plaintext()
                    .asByteArray();
            return new SecretKeySpec(key, "AES");
        } catch (SdkException e) {
            throw new KekUnavailableException(id, "KMS refused or did not answer", e);
        }
    }

    @Override
    public void destroy(KekId id) {
        // nothing kept in KMS per version: the wiped database material was the only copy
    }

    private static Map<String, String> context(KekId id) {
        return Map.of(
                "lotabots-tenant", id.tenantId().toString(), "lotabots-kek-version", Integer.toString(id.version()));
    }
}
