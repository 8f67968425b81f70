package io.lotabots.attestation.model.formats;

import io.lotabots.attestation.model.source.ByteSource;
import io.lotabots.attestation.model.source.MalformedModelException;
import io.lotabots.attestation.model.source.ModelInput;

/**
 * Recognizes a SentencePiece tokenizer ({@code tokenizer.model}): a protobuf ModelProto made only of pieces (field
 * 1: a UTF-8 piece, a float score, a type) and the trainer, normalizer, self-test and denormalizer specs (fields
 * 2 to 5), read to the exact end. It is a vocabulary, with no path to code in its loader; without this it would
 * be one more unrecognized binary in most language-model repositories.
 */
public final class SentencePieceCheck {

    private static final String STRUCTURE = "sentencepiece";

    private SentencePieceCheck() {}

    public static boolean isSentencePiece(ByteSource source) {
        try (var in = new ModelInput(source, STRUCTURE)) {
            var pb = new ProtobufReader(in, STRUCTURE);
            int pieces = 0;
            for (int field = pb.next(); field > 0; field = pb.next()) {
                if (field > 5 || pb.wire() != ProtobufReader.LEN) {
                    return false;
                }
                if (field == 1) {
                    if (!piece(pb)) {
                        return false;
                    }
                    pieces++;
                } else {
                    pb.skip();
                }
            }
            return pieces > 0;
        } catch (MalformedModelException e) {
            if (e.rule().startsWith(STRUCTURE + ".")) {
                return false;
            }
            throw e;
        }
    }

    private static boolean piece(ProtobufReader pb) {
        pb.enter("SentencePiece");
        boolean text = false;
        for (int field = pb.next(); field > 0; field = pb.next()) {
            switch (field) {
                case 1 -> {
                    pb.string("SentencePiece.piece", 1 << 16);
                    text = true;
                }
                case 2 -> {
                    pb.expect(ProtobufReader.I32, "SentencePiece.score");
                    pb.skip();
                }
                case 3 -> {
                    pb.expect(ProtobufReader.VARINT, "SentencePiece.type");
                    pb.skip();
                }
                default -> {
                    return false;
                }
            }
        }
        pb.exit();
        return text;
    }
}
