package io.lotabots.attestation.hardware.tpm;

import io.lotabots.attestation.hardware.evidence.HardwareEvidence;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1Sequence;

/**
 * Quote evidence made and signed in software, as a TPM would, over sha256:0-7: fast and complete, for
 * the check tests. Every part can be replaced before {@link #evidence()} to make a negative case.
 */
public final class SyntheticQuote {

    public enum Kind {
        ECDSA_P256,
        ECDSA_P384_SHA384,
        RSASSA_2048,
        RSAPSS_2048
    }

    private static final Map<Kind, KeyPair> KEYS = new EnumMap<>(Kind.class);

    public final Kind kind;
    public final KeyPair keys;
    public byte[] nonce = Marshalled.filled(32, 0x5A);
    public List<byte[]> pcrValues = new ArrayList<>();
    public final AttestBytes attest = AttestBytes.quote();
    public byte[] quote;
    public byte[] signature;
    public byte[] pcrs;
    public PcrsFormat pcrsFormat = PcrsFormat.SERIALIZED;
    public String pcrSelection;
    public String akPublicKeyPem;
    public byte[] akPublicArea;
    public byte[] akCertificate;
    public byte[] ekCertificate;
    public List<byte[]> certificateChain = List.of();
    public byte[] eventLog;
    public String deviceId;
    public int pssSalt = 32;

    private SyntheticQuote(Kind kind) {
        this.kind = kind;
        this.keys = keys(kind);
        for (int i = 0; i < 8; i++) {
            pcrValues.add(TpmHash.SHA256.digest(("pcr " + i).getBytes(StandardCharsets.UTF_8)));
        }
        akPublicKeyPem = pem(keys.getPublic());
        akPublicArea = PublicAreas.tpm2b(publicArea(kind, keys.getPublic()));
    }

    private static byte[] publicArea(Kind kind, PublicKey key) {
        switch (kind) {
            case ECDSA_P256:
                return PublicAreas.eccAk((ECPublicKey) key);
            case ECDSA_P384_SHA384:
                var ec = (ECPublicKey) key;
                return PublicAreas.ecc(
                        PublicAreas.AK_ATTRIBUTES,
                        0x0004,
                        PublicAreas.unsigned(ec.getW().getAffineX(), 48),
                        PublicAreas.unsigned(ec.getW().getAffineY(), 48));
            default:
                return PublicAreas.rsaAk((RSAPublicKey) key);
        }
    }

    public static SyntheticQuote of(Kind kind) {
        return new SyntheticQuote(kind);
    }

    public static SyntheticQuote ecdsa() {
        return of(Kind.ECDSA_P256);
    }

    public static synchronized KeyPair keys(Kind kind) {
        return KEYS.computeIfAbsent(kind, k -> {
            try {
                if (k == Kind.ECDSA_P256) {
                    return PublicAreas.newEcKeyPair("secp256r1");
                }
                if (k == Kind.ECDSA_P384_SHA384) {
                    return PublicAreas.newEcKeyPair("secp384r1");
                }
                var generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(2048);
                return generator.generateKeyPair();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    public static String pem(PublicKey key) {
        return "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(key.getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
    }

    /** The TPMS_ATTEST as the builder stands: the nonce as extraData and the digest of the PCR values. */
    public byte[] message() {
        if (quote != null) {
            return quote;
        }
        attest.extraData = nonce;
        var concatenated = new ByteArrayOutputStream();
        pcrValues.forEach(concatenated::writeBytes);
        attest.pcrDigest = hash().digest(concatenated.toByteArray());
        return attest.build();
    }

    public HardwareEvidence evidence() {
        var message = message();
        return new HardwareEvidence(
                nonce,
                message,
                signature != null ? signature : sign(message, keys.getPrivate()),
                pcrs != null ? pcrs : SerializedPcrs.sha256ZeroToSeven(pcrValues),
                pcrsFormat,
                pcrSelection,
                akPublicKeyPem,
                akPublicArea,
                akCertificate,
                ekCertificate,
                certificateChain,
                eventLog,
                deviceId);
    }

    /** The hash the TPM signs with, and so digests the PCRs with. */
    public TpmHash hash() {
        return kind == Kind.ECDSA_P384_SHA384 ? TpmHash.SHA384 : TpmHash.SHA256;
    }

    /** A TPMT_SIGNATURE over {@code message} in this quote's scheme with SHA-256. */
    public byte[] sign(byte[] message, PrivateKey key) {
        try {
            switch (kind) {
                case ECDSA_P256:
                case ECDSA_P384_SHA384: {
                    int size = kind == Kind.ECDSA_P256 ? 32 : 48;
                    var signer = Signature.getInstance(kind == Kind.ECDSA_P256 ? "SHA256withECDSA" : "SHA384withECDSA");
                    signer.initSign(key);
                    signer.update(message);
                    var der = ASN1Sequence.getInstance(signer.sign());
                    var r = ASN1Integer.getInstance(der.getObjectAt(0)).getPositiveValue();
                    var s = ASN1Integer.getInstance(der.getObjectAt(1)).getPositiveValue();
                    return Marshalled.bytes()
                            .u16(0x0018)
                            .u16(hash().algorithmId())
                            .sized(PublicAreas.unsigned(r, size))
                            .sized(PublicAreas.unsigned(s, size))
                            .build();
                }
                case RSASSA_2048: {
                    var signer = Signature.getInstance("SHA256withRSA");
                    signer.initSign(key);
                    signer.update(message);
                    return Marshalled.bytes()
                            .u16(0x0014)
                            .u16(0x000B)
                            .sized(signer.sign())
                            .build();
                }
                default: {
                    var signer = Signature.getInstance("RSASSA-PSS");
                    signer.setParameter(new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, pssSalt, 1));
                    signer.initSign(key);
                    signer.update(message);
                    return Marshalled.bytes()
                            .u16(0x0016)
                            .u16(0x000B)
                            .sized(signer.sign())
                            .build();
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
