package io.lotabots.attestation.hardware.tpm;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class QuoteSignatureTest {

    private static boolean verifies(SyntheticQuote quote) {
        var evidence = quote.evidence();
        return QuoteSignature.verifies(
                quote.keys.getPublic(), TpmSignature.parse(evidence.signature()), evidence.quote());
    }

    @Test
    void verifiesEcdsaP256() {
        assertTrue(verifies(SyntheticQuote.of(SyntheticQuote.Kind.ECDSA_P256)));
    }

    @Test
    void verifiesEcdsaP384WithSha384() {
        assertTrue(verifies(SyntheticQuote.of(SyntheticQuote.Kind.ECDSA_P384_SHA384)));
    }

    @Test
    void verifiesRsassa() {
        assertTrue(verifies(SyntheticQuote.of(SyntheticQuote.Kind.RSASSA_2048)));
    }

    @Test
    void verifiesRsapssWithTheHashLengthAsSalt() {
        var quote = SyntheticQuote.of(SyntheticQuote.Kind.RSAPSS_2048);
        quote.pssSalt = 32;

        assertTrue(verifies(quote));
    }

    @Test
    void verifiesRsapssWithTheMaximumSalt() {
        var quote = SyntheticQuote.of(SyntheticQuote.Kind.RSAPSS_2048);
        quote.pssSalt = 256 - 32 - 2;

        assertTrue(verifies(quote));
    }

    @Test
    void refusesRsapssWithAnyOtherSalt() {
        var quote = SyntheticQuote.of(SyntheticQuote.Kind.RSAPSS_2048);
        quote.pssSalt = 20;

        assertFalse(verifies(quote));
    }

    @Test
    void refusesASignatureOverOtherBytes() {
        var quote = SyntheticQuote.ecdsa();
        var signature = TpmSignature.parse(quote.evidence().signature());
        var other = quote.evidence().quote().clone();
        other[other.length - 1] ^= 1;

        assertFalse(QuoteSignature.verifies(quote.keys.getPublic(), signature, other));
    }

    @Test
    void refusesEcdsaScalarsOutsideOneToTheOrder() {
        var quote = SyntheticQuote.ecdsa();
        var parsed = TpmSignature.parse(quote.evidence().signature());
        byte[] order = unsigned32(EccCurve.P256.parameters().getOrder());
        byte[] zero = new byte[32];

        for (byte[][] rs :
                new byte[][][] {{zero, parsed.s()}, {parsed.r(), zero}, {order, parsed.s()}, {parsed.r(), order}}) {
            var forged = new TpmSignature(parsed.scheme(), parsed.hash(), null, rs[0], rs[1]);
            assertFalse(QuoteSignature.verifies(
                    quote.keys.getPublic(), forged, quote.evidence().quote()));
        }
    }

    @Test
    void refusesAnEcdsaSignatureUnderTheSameScalarsOnAnotherCurve() {
        var quote = SyntheticQuote.ecdsa();
        var p384 = PublicAreas.newEcKeyPair("secp384r1").getPublic();

        assertFalse(QuoteSignature.verifies(
                p384,
                TpmSignature.parse(quote.evidence().signature()),
                quote.evidence().quote()));
    }

    private static byte[] unsigned32(java.math.BigInteger value) {
        byte[] bytes = value.toByteArray();
        return java.util.Arrays.copyOfRange(bytes, bytes.length - 32, bytes.length);
    }

    @Test
    void refusesAnotherKey() {
        var quote = SyntheticQuote.ecdsa();
        var other = PublicAreas.newEcKeyPair("secp256r1").getPublic();

        assertFalse(QuoteSignature.verifies(
                other,
                TpmSignature.parse(quote.evidence().signature()),
                quote.evidence().quote()));
    }

    @Test
    void refusesASchemeThatDoesNotFitTheKey() {
        var rsa = SyntheticQuote.of(SyntheticQuote.Kind.RSASSA_2048);
        var ecdsa = SyntheticQuote.ecdsa();

        assertFalse(QuoteSignature.verifies(
                rsa.keys.getPublic(),
                TpmSignature.parse(ecdsa.evidence().signature()),
                ecdsa.evidence().quote()));
        assertFalse(QuoteSignature.verifies(
                ecdsa.keys.getPublic(),
                TpmSignature.parse(rsa.evidence().signature()),
                rsa.evidence().quote()));
    }

    @Test
    void refusesAnEcdsaSignatureWithAnRThatIsNotOnTheCurveOrder() {
        var quote = SyntheticQuote.ecdsa();
        var garbage = Marshalled.bytes()
                .u16(0x0018)
                .u16(0x000B)
                .sized(Marshalled.filled(32, 0xFF))
                .sized(Marshalled.filled(32, 0xFF))
                .build();

        assertFalse(QuoteSignature.verifies(
                quote.keys.getPublic(),
                TpmSignature.parse(garbage),
                quote.evidence().quote()));
    }
}
