package io.lotabots.attestation.hardware.checks;

import io.lotabots.attestation.hardware.evidence.HardwareEvidence;
import io.lotabots.attestation.hardware.tpm.EventLog;
import io.lotabots.attestation.hardware.tpm.MalformedEvidenceException;
import io.lotabots.attestation.hardware.tpm.PcrSelection;
import io.lotabots.attestation.hardware.tpm.PcrValues;
import io.lotabots.attestation.hardware.tpm.PcrValuesFile;
import io.lotabots.attestation.hardware.tpm.PcrsFormat;
import io.lotabots.attestation.hardware.tpm.PemPublicKey;
import io.lotabots.attestation.hardware.tpm.QuoteInfo;
import io.lotabots.attestation.hardware.tpm.QuoteSignature;
import io.lotabots.attestation.hardware.tpm.SerializedPcrFile;
import io.lotabots.attestation.hardware.tpm.TpmAttest;
import io.lotabots.attestation.hardware.tpm.TpmPublic;
import io.lotabots.attestation.hardware.tpm.TpmSignature;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The submitted evidence, each part parsed once for all checks. A part that does not parse is
 * absent, and its problem is recorded under the part's name for the {@code parse} check; the event
 * log's problem is kept apart, it has its own reason. Whether the signature verifies is worked out
 * once, on first use.
 */
public final class ParsedEvidence {

    private final HardwareEvidence submitted;
    private final VerificationInputs inputs;
    private final Map<String, String> problems = new LinkedHashMap<>();
    private TpmAttest attest;
    private TpmSignature signature;
    private TpmPublic akPublic;
    private PublicKey akKey;
    private PcrValues pcrs;
    private PcrSelection submittedSelection;
    private EventLog eventLog;
    private String eventLogProblem;
    private Boolean signatureVerifies;
    private Optional<Boolean> akIsDevicesAk;

    private ParsedEvidence(HardwareEvidence submitted, VerificationInputs inputs) {
        this.submitted = submitted;
        this.inputs = inputs;
    }

    public static ParsedEvidence of(HardwareEvidence submitted, VerificationInputs inputs) {
        var parsed = new ParsedEvidence(submitted, inputs);
        parsed.readAll();
        return parsed;
    }

    private void readAll() {
        if (submitted.nonce() == null || submitted.nonce().length == 0) {
            problems.put("nonce", "nonce: absent");
        }
        attest = read("quote", () -> TpmAttest.parse(submitted.quote()));
        signature = read("signature", () -> TpmSignature.parse(submitted.signature()));
        readAttestationKey();
        if (submitted.pcrSelection() != null) {
            submittedSelection = read("pcrSelection", () -> PcrSelection.parse(submitted.pcrSelection()));
        }
        readPcrs();
        if (submitted.eventLog() != null) {
            try {
                eventLog = EventLog.parse(submitted.eventLog());
            } catch (MalformedEvidenceException e) {
                eventLogProblem = e.getMessage();
            } catch (RuntimeException e) {
                eventLogProblem = "TCG event log: unreadable (" + e.getClass().getSimpleName() + ")";
            }
        }
    }

    private void readAttestationKey() {
        if (submitted.akPublicArea() != null) {
            akPublic = read("akPublicArea", () -> TpmPublic.parse(submitted.akPublicArea()));
            akKey = akPublic == null ? null : read("akPublicArea", akPublic::publicKey);
        }
        if (submitted.akPublicKeyPem() != null) {
            var pemKey = read("akPublicKey", () -> PemPublicKey.parse(submitted.akPublicKeyPem()));
            if (pemKey != null && akKey != null && !sameKey(pemKey, akKey)) {
                problems.put("akPublicKey", "akPublicKey and akPublicArea are different keys");
                akKey = null;
            } else if (akKey == null && !problems.containsKey("akPublicArea")) {
                akKey = pemKey;
            }
        }
        if (submitted.akPublicArea() == null && submitted.akPublicKeyPem() == null) {
            problems.put("akPublicKey", "akPublicKey or akPublicArea: absent");
        }
    }

    private void readPcrs() {
        if (submitted.pcrsFormat() == PcrsFormat.VALUES) {
            if (submitted.pcrSelection() == null) {
                problems.put("pcrs", "PCR file (values): needs a pcrSelection");
            } else if (submittedSelection != null) {
                pcrs = read("pcrs", () -> PcrValuesFile.parse(submitted.pcrs(), submittedSelection));
            }
        } else {
            pcrs = read("pcrs", () -> SerializedPcrFile.parse(submitted.pcrs()));
        }
    }

    private <T> T read(String part, Supplier<T> parser) {
        try {
            return parser.get();
        } catch (MalformedEvidenceException e) {
            problems.put(part, e.getMessage());
        } catch (RuntimeException e) {
            // a parser bug must not take the job down: the part is unreadable all the same
            problems.put(part, part + ": unreadable (" + e.getClass().getSimpleName() + ")");
        }
        return null;
    }

    static boolean sameKey(PublicKey a, PublicKey b) {
        return MessageDigest.isEqual(a.getEncoded(), b.getEncoded());
    }

    public HardwareEvidence submitted() {
        return submitted;
    }

    public VerificationInputs inputs() {
        return inputs;
    }

    /** Part name → what was wrong with it; empty when everything required parsed. */
    public Map<String, String> problems() {
        return Collections.unmodifiableMap(problems);
    }

    public Optional<TpmAttest> attest() {
        return Optional.ofNullable(attest);
    }

    /** The TPMS_QUOTE_INFO, when the quote parsed and is of type QUOTE. */
    public Optional<QuoteInfo> quoteInfo() {
        return attest().map(TpmAttest::quoteInfo);
    }

    public Optional<TpmSignature> signature() {
        return Optional.ofNullable(signature);
    }

    public Optional<TpmPublic> akPublic() {
        return Optional.ofNullable(akPublic);
    }

    public Optional<PublicKey> akKey() {
        return Optional.ofNullable(akKey);
    }

    public Optional<PcrValues> pcrs() {
        return Optional.ofNullable(pcrs);
    }

    /** The pcrSelection sent with the evidence (required with the values format, optional otherwise). */
    public Optional<PcrSelection> submittedSelection() {
        return Optional.ofNullable(submittedSelection);
    }

    public Optional<EventLog> eventLog() {
        return Optional.ofNullable(eventLog);
    }

    public Optional<String> eventLogProblem() {
        return Optional.ofNullable(eventLogProblem);
    }

    /** Whether the signature verifies over the submitted quote bytes with the AK; false when a part is missing. */
    public boolean signatureVerifies() {
        if (signatureVerifies == null) {
            signatureVerifies = signature != null
                    && akKey != null
                    && submitted.quote() != null
                    && QuoteSignature.verifies(akKey, signature, submitted.quote());
        }
        return signatureVerifies;
    }

    /**
     * Whether the AK is the enrolled device's AK: same TPM name when both are known, else the same
     * public key. Empty when there is no device or no AK to compare.
     */
    public Optional<Boolean> akIsDevicesAk() {
        if (akIsDevicesAk == null) {
            akIsDevicesAk = compareWithDevicesAk();
        }
        return akIsDevicesAk;
    }

    private Optional<Boolean> compareWithDevicesAk() {
        var device = inputs.device();
        if (device == null || akKey == null) {
            return Optional.empty();
        }
        if (akPublic != null && device.akName() != null) {
            return Optional.of(MessageDigest.isEqual(akPublic.name(), device.akName()));
        }
        if (device.akPublicArea() == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(sameKey(TpmPublic.parse(device.akPublicArea()).publicKey(), akKey));
        } catch (MalformedEvidenceException e) {
            return Optional.of(false);
        }
    }
}
