package io.lotabots.platform.crypto;

import java.security.Provider;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * The Bouncy Castle JCA provider, named where it is used and never installed process-wide: X.509
 * parsing (vendors' EK certificates are often not strict DER) and P-256/P-384 ECDSA, which Bouncy
 * Castle does several times faster than JDK 17 (docs/benchmarks.md). Its custom-curve arithmetic uses cache-safe table lookups and constant-time inversion, so
 * signing with it keeps the private key's timing as closed as the JDK's.
 */
public final class BouncyCastle {

    public static final Provider PROVIDER = new BouncyCastleProvider();

    private BouncyCastle() {}
}
