package io.lotabots.attestation.hardware.checks;

import io.lotabots.attestation.hardware.tpm.EventLog;
import io.lotabots.attestation.hardware.tpm.EventLogReplay;
import io.lotabots.attestation.hardware.tpm.TpmAttest;
import io.lotabots.attestation.hardware.tpm.TpmHash;
import io.lotabots.platform.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

/**
 * The claims a report states about the evidence, whatever the verdict: what the quote says (magic,
 * type, signer, clock, firmware), the quoted PCR selection and values, the signature scheme, the AK,
 * the nonce and a summary of the event log. Parts that did not parse are left out.
 */
final class QuoteClaims {

    private QuoteClaims() {}

    static JsonObject of(ParsedEvidence evidence) {
        var claims = Json.createObjectBuilder();
        evidence.attest().ifPresent(attest -> claims.add("quote", quote(attest)));
        evidence.quoteInfo()
                .ifPresent(info -> claims.add("pcrSelection", info.selection().toString())
                        .add("pcrDigest", Hex.of(info.pcrDigest())));
        evidence.pcrs().ifPresent(pcrs -> {
            var values = Json.createObjectBuilder();
            pcrs.values().forEach((pcr, value) -> values.add(pcr.toString(), Hex.of(value)));
            claims.add("pcrs", values);
        });
        evidence.signature()
                .ifPresent(signature -> claims.add(
                        "signature",
                        Json.createObjectBuilder()
                                .add("scheme", signature.scheme().name())
                                .add("hash", signature.hash().bankName())));
        claims.add("ak", ak(evidence));
        if (evidence.submitted().nonce() != null) {
            claims.add("nonce", Hex.of(evidence.submitted().nonce()));
        }
        evidence.eventLog().ifPresent(log -> claims.add("eventLog", eventLog(log)));
        if (evidence.submitted().deviceId() != null) {
            claims.add("deviceId", evidence.submitted().deviceId());
        }
        return claims.build();
    }

    private static JsonObjectBuilder quote(TpmAttest attest) {
        var clock = attest.clockInfo();
        return Json.createObjectBuilder()
                .add("magic", String.format("%08x", attest.magic()))
                .add("type", attest.isQuote() ? "QUOTE" : String.format("%04x", attest.type()))
                .add("qualifiedSigner", Hex.of(attest.qualifiedSigner()))
                .add("extraData", Hex.of(attest.extraData()))
                .add(
                        "clockInfo",
                        Json.createObjectBuilder()
                                .add("clock", Long.toUnsignedString(clock.clock()))
                                .add("resetCount", clock.resetCount())
                                .add("restartCount", clock.restartCount())
                                .add("safe", clock.safe()))
                .add("firmwareVersion", String.format("%016x", attest.firmwareVersion()));
    }

    private static JsonObjectBuilder ak(ParsedEvidence evidence) {
        var ak = Json.createObjectBuilder();
        evidence.akPublic().ifPresent(area -> ak.add("name", Hex.of(area.name()))
                .add("nameAlg", area.nameAlg().bankName())
                .add("objectAttributes", area.attributes().toString()));
        evidence.akKey().ifPresent(key -> ak.add("algorithm", key.getAlgorithm())
                .add("publicKeySha256", Hex.of(TpmHash.SHA256.digest(key.getEncoded()))));
        return ak;
    }

    private static JsonObjectBuilder eventLog(EventLog log) {
        var banks = Json.createArrayBuilder();
        log.algorithms()
                .forEach(a ->
                        banks.add(a.known().map(TpmHash::bankName).orElse(String.format("%04x", a.algorithmId()))));
        var summary = Json.createObjectBuilder()
                .add("banks", banks)
                .add("events", log.events().size());
        EventLogReplay.of(log).startupLocality().ifPresent(locality -> summary.add("startupLocality", locality));
        return summary;
    }
}
