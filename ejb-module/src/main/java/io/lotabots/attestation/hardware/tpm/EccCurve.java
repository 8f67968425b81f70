package io.lotabots.attestation.hardware.tpm;

import java.math.BigInteger;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.spec.ECFieldFp;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.util.Optional;

/** The NIST curves (TPM_ECC_CURVE) the service accepts, with their JCA parameters. */
public enum EccCurve {
    P256(0x0003, "secp256r1", 32),
    P384(0x0004, "secp384r1", 48),
    P521(0x0005, "secp521r1", 66);

    private final int curveId;
    private final String jcaName;
    private final int coordinateSize;
    /** Looked up once: a provider lookup per AK was a visible part of a P-256 verification. */
    private final ECParameterSpec parameters;

    EccCurve(int curveId, String jcaName, int coordinateSize) {
        this.curveId = curveId;
        this.jcaName = jcaName;
        this.coordinateSize = coordinateSize;
        this.parameters = lookUp(jcaName);
    }

    public static Optional<EccCurve> ofId(int curveId) {
        for (EccCurve curve : values()) {
            if (curve.curveId == curveId) {
                return Optional.of(curve);
            }
        }
        return Optional.empty();
    }

    /** The curve with these JCA parameters (compared by field size and order), if it is one of ours. */
    public static Optional<EccCurve> of(ECParameterSpec spec) {
        for (EccCurve curve : values()) {
            ECParameterSpec ours = curve.parameters();
            if (ours.getOrder().equals(spec.getOrder())
                    && ours.getCurve().getField().equals(spec.getCurve().getField())) {
                return Optional.of(curve);
            }
        }
        return Optional.empty();
    }

    public int curveId() {
        return curveId;
    }

    public String jcaName() {
        return jcaName;
    }

    /** Bytes of one coordinate (66 for P-521). */
    public int coordinateSize() {
        return coordinateSize;
    }

    public ECParameterSpec parameters() {
        return parameters;
    }

    private static ECParameterSpec lookUp(String jcaName) {
        try {
            AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
            parameters.init(new ECGenParameterSpec(jcaName));
            return parameters.getParameterSpec(ECParameterSpec.class);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(jcaName + " is part of every Java runtime", e);
        }
    }

    /** Whether (x, y) satisfies y² = x³ + ax + b over this curve's prime field. */
    public boolean contains(ECPoint point) {
        ECParameterSpec spec = parameters();
        BigInteger p = ((ECFieldFp) spec.getCurve().getField()).getP();
        BigInteger x = point.getAffineX();
        BigInteger y = point.getAffineY();
        if (x.signum() < 0 || y.signum() < 0 || x.compareTo(p) >= 0 || y.compareTo(p) >= 0) {
            return false;
        }
        BigInteger left = y.multiply(y).mod(p);
        BigInteger right = x.pow(3)
                .add(spec.getCurve().getA().multiply(x))
                .add(spec.getCurve().getB())
                .mod(p);
        return left.equals(right);
    }
}
