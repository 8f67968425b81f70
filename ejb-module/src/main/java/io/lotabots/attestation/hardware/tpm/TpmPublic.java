package io.lotabots.attestation.hardware.tpm;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Set;

/**
 * A TPM2B_PUBLIC (what {@code tpm2_readpublic -o} writes), parsed strictly: RSA and ECC keys only,
 * every size checked against the bytes left, no trailing bytes.
 *
 * @param tpmtPublic the marshalled TPMT_PUBLIC, exactly the bytes the TPM name is computed over
 */
public record TpmPublic(
        TpmHash nameAlg,
        ObjectAttributes attributes,
        byte[] authPolicy,
        SymmetricDefinition symmetric,
        TpmScheme scheme,
        TpmKeyParameters key,
        byte[] tpmtPublic) {

    private static final String STRUCTURE = "TPM2B_PUBLIC";
    private static final int MAX_RSA_MODULUS_BYTES = 512;
    private static final Set<Integer> RSA_KEY_BITS = Set.of(1024, 2048, 3072, 4096);
    private static final long DEFAULT_RSA_EXPONENT = 65537;

    /** Parses a TPM2B_PUBLIC: a u16 size, then a TPMT_PUBLIC of exactly that size, then nothing. */
    public static TpmPublic parse(byte[] tpm2bPublic) {
        TpmReader reader = new TpmReader(STRUCTURE, tpm2bPublic);
        int size = reader.u16("size");
        if (size != reader.remaining()) {
            throw reader.malformed("size " + size + " does not match the " + reader.remaining() + " bytes that follow");
        }
        return parseTpmtPublic(reader);
    }

    private static TpmPublic parseTpmtPublic(TpmReader reader) {
        int start = reader.position();
        int type = reader.u16("type");
        if (type != TpmKeyParameters.Rsa.TYPE && type != TpmKeyParameters.Ecc.TYPE) {
            throw reader.malformed("type 0x" + Integer.toHexString(type) + " is neither RSA (0x1) nor ECC (0x23)");
        }
        int nameAlgId = reader.u16("nameAlg");
        TpmHash nameAlg = TpmHash.ofId(nameAlgId)
                .orElseThrow(() ->
                        reader.malformed("nameAlg 0x" + Integer.toHexString(nameAlgId) + " is not a supported hash"));
        ObjectAttributes attributes = new ObjectAttributes(reader.u32("objectAttributes"));
        byte[] authPolicy = reader.sized("authPolicy", TpmHash.SHA512.digestSize());
        SymmetricDefinition symmetric = SymmetricDefinition.read(reader, "parameters.symmetric");
        TpmScheme scheme;
        TpmKeyParameters key;
        if (type == TpmKeyParameters.Rsa.TYPE) {
            scheme = TpmScheme.read(reader, "parameters.scheme", TpmScheme.RSA_SCHEMES);
            key = readRsa(reader);
        } else {
            scheme = TpmScheme.read(reader, "parameters.scheme", TpmScheme.ECC_SCHEMES);
            key = readEcc(reader);
        }
        reader.requireEnd();
        return new TpmPublic(nameAlg, attributes, authPolicy, symmetric, scheme, key, reader.readSince(start));
    }

    private static TpmKeyParameters.Rsa readRsa(TpmReader reader) {
        int keyBits = reader.u16("parameters.keyBits");
        if (!RSA_KEY_BITS.contains(keyBits)) {
            throw reader.malformed("parameters.keyBits " + keyBits + " is not 1024, 2048, 3072 or 4096");
        }
        long exponent = reader.u32("parameters.exponent");
        byte[] modulus = reader.sized("unique.rsa", MAX_RSA_MODULUS_BYTES);
        if (modulus.length != keyBits / 8) {
            throw reader.malformed(
                    "unique.rsa has " + modulus.length + " bytes, keyBits " + keyBits + " needs " + keyBits / 8);
        }
        return new TpmKeyParameters.Rsa(keyBits, exponent == 0 ? DEFAULT_RSA_EXPONENT : exponent, modulus);
    }

    private static TpmKeyParameters.Ecc readEcc(TpmReader reader) {
        int curveId = reader.u16("parameters.curveID");
        EccCurve curve = EccCurve.ofId(curveId)
                .orElseThrow(() -> reader.malformed(
                        "parameters.curveID 0x" + Integer.toHexString(curveId) + " is not P-256, P-384 or P-521"));
        TpmScheme kdf = TpmScheme.read(reader, "parameters.kdf", TpmScheme.KDF_SCHEMES);
        byte[] x = coordinate(reader, "unique.x", curve);
        byte[] y = coordinate(reader, "unique.y", curve);
        return new TpmKeyParameters.Ecc(curve, kdf, x, y);
    }

    private static byte[] coordinate(TpmReader reader, String field, EccCurve curve) {
        byte[] value = reader.sized(field, curve.coordinateSize());
        if (value.length == 0) {
            throw reader.malformed(field + " is empty");
        }
        return value;
    }

    /** The marshalled TPM2B_PUBLIC (size, then TPMT_PUBLIC). */
    public byte[] tpm2bPublic() {
        return ByteBuffer.allocate(2 + tpmtPublic.length)
                .putShort((short) tpmtPublic.length)
                .put(tpmtPublic)
                .array();
    }

    /** The TPM name: nameAlg (u16) ‖ H_nameAlg(TPMT_PUBLIC). */
    public byte[] name() {
        return ByteBuffer.allocate(2 + nameAlg.digestSize())
                .putShort((short) nameAlg.algorithmId())
                .put(nameAlg.digest(tpmtPublic))
                .array();
    }

    public boolean isRsa() {
        return key instanceof TpmKeyParameters.Rsa;
    }

    public boolean isEcc() {
        return key instanceof TpmKeyParameters.Ecc;
    }

    /** The key as a JCA public key; an ECC point must lie on its curve. */
    public PublicKey publicKey() {
        try {
            if (key instanceof TpmKeyParameters.Rsa rsa) {
                return KeyFactory.getInstance("RSA")
                        .generatePublic(new RSAPublicKeySpec(
                                new BigInteger(1, rsa.modulus()), BigInteger.valueOf(rsa.exponent())));
            }
            TpmKeyParameters.Ecc ecc = (TpmKeyParameters.Ecc) key;
            ECPoint point = new ECPoint(new BigInteger(1, ecc.x()), new BigInteger(1, ecc.y()));
            if (!ecc.curve().contains(point)) {
                throw new MalformedEvidenceException(STRUCTURE + ": unique is not a point on " + ecc.curve());
            }
            return KeyFactory.getInstance("EC")
                    .generatePublic(new ECPublicKeySpec(point, ecc.curve().parameters()));
        } catch (GeneralSecurityException e) {
            throw new MalformedEvidenceException(STRUCTURE + ": not a usable public key (" + e.getMessage() + ")", e);
        }
    }
}
