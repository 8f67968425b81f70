package io.lotabots.attestation.hardware.checks;

import io.lotabots.platform.json.Json;

/**
 * The AK is an attestation key: restricted, signing, fixedTPM, not decrypt. A restricted signing key
 * signs only digests the TPM computed itself, so it cannot be made to sign a forged TPMS_ATTEST.
 * Checked only when the public area was sent; a PEM key carries no attributes.
 */
public final class AkAttributesCheck implements EvidenceCheck {

    public static final String NAME = "akAttributes";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public CheckResult check(ParsedEvidence evidence) {
        var area = evidence.akPublic();
        if (area.isEmpty()) {
            return CheckResult.skipped(NAME, "no AK public area was sent (or it did not parse)");
        }
        var attributes = area.get().attributes();
        var inputs = Json.createObjectBuilder()
                .add("objectAttributes", attributes.toString())
                .add("restricted", attributes.restricted())
                .add("sign", attributes.sign())
                .add("fixedTPM", attributes.fixedTpm())
                .add("decrypt", attributes.decrypt())
                .build();
        if (attributes.attestationKey()) {
            return CheckResult.passed(NAME, "AK is restricted, sign, fixedTPM and not decrypt", inputs);
        }
        return CheckResult.failed(
                NAME,
                ReasonCode.AK_ATTRIBUTES_INVALID,
                "AK attributes " + attributes + " lack restricted, sign or fixedTPM, or have decrypt",
                inputs);
    }
}
