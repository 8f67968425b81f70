package io.lotabots.attestation.hardware.enrollment;

import io.lotabots.attestation.hardware.tpm.EccCurve;
import io.lotabots.attestation.hardware.tpm.MalformedEvidenceException;
import io.lotabots.attestation.hardware.tpm.SymmetricDefinition;
import io.lotabots.attestation.hardware.tpm.TpmHash;
import io.lotabots.attestation.hardware.tpm.TpmKeyParameters;
import io.lotabots.attestation.hardware.tpm.TpmPublic;
import io.lotabots.attestation.hardware.tpm.TpmScheme;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.HexFormat;

/**
 * The public area a TPM gives its default EK (TCG EK Credential Profile, templates L-1 RSA-2048 and
 * L-2 ECC NIST P-256): what MakeCredential needs when a client sends only the EK's certificate or
 * public key. Nothing but the key differs between TPMs.
 */
public final class EkTemplate {

    /** TPMA_OBJECT of the default EK: fixedTPM, fixedParent, sensitiveDataOrigin, adminWithPolicy, restricted, decrypt. */
    public static final long ATTRIBUTES = 0x000300B2L;

    /** PolicySecret(TPM_RH_ENDORSEMENT), the default EK's authPolicy. */
    private static final byte[] AUTH_POLICY =
            HexFormat.of().parseHex("837197674484b3f81a90cc8d46a5d724fd52d76e06520b64f2a1da1b331469aa");

    private EkTemplate() {}

    /** The default-template public area around an RSA-2048 or P-256 key; other keys have no default template. */
    public static TpmPublic of(PublicKey key) {
        ByteArrayOutputStream tpmt = new ByteArrayOutputStream();
        if (key instanceof RSAPublicKey rsa && rsa.getModulus().bitLength() == 2048) {
            header(tpmt, TpmKeyParameters.Rsa.TYPE);
            u16(tpmt, TpmScheme.ALG_NULL);
            u16(tpmt, 2048);
            long exponent = rsa.getPublicExponent().longValueExact();
            u32(tpmt, exponent == 65537 ? 0 : exponent);
            sized(tpmt, unsigned(rsa.getModulus(), 256));
        } else if (key instanceof ECPublicKey ec && EccCurve.of(ec.getParams()).orElse(null) == EccCurve.P256) {
            header(tpmt, TpmKeyParameters.Ecc.TYPE);
            u16(tpmt, TpmScheme.ALG_NULL);
            u16(tpmt, EccCurve.P256.curveId());
            u16(tpmt, TpmScheme.ALG_NULL);
            sized(tpmt, unsigned(ec.getW().getAffineX(), 32));
            sized(tpmt, unsigned(ec.getW().getAffineY(), 32));
        } else {
            throw new MalformedEvidenceException("EK: only RSA-2048 and ECC P-256 endorsement keys are supported");
        }
        byte[] body = tpmt.toByteArray();
        ByteArrayOutputStream tpm2b = new ByteArrayOutputStream();
        sized(tpm2b, body);
        return TpmPublic.parse(tpm2b.toByteArray());
    }

    private static void header(ByteArrayOutputStream out, int type) {
        u16(out, type);
        u16(out, TpmHash.SHA256.algorithmId());
        u32(out, ATTRIBUTES);
        sized(out, AUTH_POLICY);
        u16(out, SymmetricDefinition.ALG_AES);
        u16(out, 128);
        u16(out, SymmetricDefinition.MODE_CFB);
    }

    private static void u16(ByteArrayOutputStream out, int value) {
        out.write(value >>> 8);
        out.write(value);
    }

    private static void u32(ByteArrayOutputStream out, long value) {
        u16(out, (int) (value >>> 16) & 0xFFFF);
        u16(out, (int) value & 0xFFFF);
    }

    private static void sized(ByteArrayOutputStream out, byte[] value) {
        u16(out, value.length);
        out.writeBytes(value);
    }

    private static byte[] unsigned(BigInteger value, int length) {
        byte[] bytes = value.toByteArray();
        byte[] out = new byte[length];
        int copy = Math.min(bytes.length, length);
        System.arraycopy(bytes, bytes.length - copy, out, length - copy, copy);
        return out;
    }
}
