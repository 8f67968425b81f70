package io.lotabots.attestation.hardware.tpm;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;

/** Hand-built TPMT_PUBLIC / TPM2B_PUBLIC bytes of the shapes tpm2-tools creates (AKs and EKs). */
public final class PublicAreas {

    public static final long AK_ATTRIBUTES = 0x00050072L;
    public static final long EK_ATTRIBUTES = 0x000300B2L;

    private PublicAreas() {}

    /** TPM2B_PUBLIC around a TPMT_PUBLIC. */
    public static byte[] tpm2b(byte[] tpmtPublic) {
        return Marshalled.bytes().sized(tpmtPublic).build();
    }

    /** An RSA TPMT_PUBLIC with a NULL symmetric definition and the given scheme bytes. */
    public static byte[] rsa(long attributes, byte[] scheme, int keyBits, long exponent, byte[] modulus) {
        return Marshalled.bytes()
                .u16(0x0001)
                .u16(0x000B)
                .u32(attributes)
                .sized(new byte[0])
                .u16(0x0010)
                .raw(scheme)
                .u16(keyBits)
                .u32(exponent)
                .sized(modulus)
                .build();
    }

    /** An ECC signing key with an ECDSA-SHA256 scheme and a NULL KDF. */
    public static byte[] ecc(long attributes, int curveId, byte[] x, byte[] y) {
        return Marshalled.bytes()
                .u16(0x0023)
                .u16(0x000B)
                .u32(attributes)
                .sized(new byte[0])
                .u16(0x0010)
                .u16(0x0018)
                .u16(0x000B)
                .u16(curveId)
                .u16(0x0010)
                .sized(x)
                .sized(y)
                .build();
    }

    public static byte[] rsaAk(RSAPublicKey key) {
        return rsa(
                AK_ATTRIBUTES,
                Marshalled.bytes().u16(0x0014).u16(0x000B).build(),
                2048,
                0,
                unsigned(key.getModulus(), 256));
    }

    public static byte[] eccAk(ECPublicKey key) {
        return ecc(
                AK_ATTRIBUTES,
                0x0003,
                unsigned(key.getW().getAffineX(), 32),
                unsigned(key.getW().getAffineY(), 32));
    }

    public static RSAPublicKey newRsaKey() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return (RSAPublicKey) generator.generateKeyPair().getPublic();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static KeyPair newEcKeyPair(String curve) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec(curve));
            return generator.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static byte[] unsigned(BigInteger value, int length) {
        byte[] bytes = value.toByteArray();
        byte[] out = new byte[length];
        int copy = Math.min(bytes.length, length);
        System.arraycopy(bytes, bytes.length - copy, out, length - copy, copy);
        return out;
    }
}
