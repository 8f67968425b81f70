package io.lotabots.attestation.model.formats;

import static io.lotabots.attestation.model.testing.Scans.assertRule;
import static io.lotabots.attestation.model.testing.Scans.assertSafe;
import static io.lotabots.attestation.model.testing.Scans.scan;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.lotabots.attestation.model.control.ModelRisk;
import io.lotabots.attestation.model.scan.ModelFormat;
import io.lotabots.attestation.model.testing.Protobuf;
import org.junit.jupiter.api.Test;

class SentencePieceCheckTest {

    private static Protobuf piece(String text) {
        return Protobuf.message()
                .string(1, text)
                .raw(new byte[] {0x15, 0, 0, (byte) 0x80, (byte) 0xbf})
                .varint(3, 1);
    }

    @Test
    void aVocabularyOfPiecesAndSpecsIsASafeTokenizer() {
        byte[] model = Protobuf.message()
                .message(1, piece("<unk>"))
                .message(1, piece("▁hello"))
                .message(2, Protobuf.message().string(1, "train.txt"))
                .message(3, Protobuf.message().string(1, "nmt_nfkc"))
                .build();

        var file = scan("tokenizer.model", model);

        assertEquals(ModelFormat.SENTENCEPIECE, file.format());
        assertSafe(file);
    }

    @Test
    void otherProtobufsAndDamagedVocabulariesAreNotTokenizers() {
        byte[] otherField =
                Protobuf.message().message(1, piece("a")).varint(9, 1).build();
        byte[] badPiece = Protobuf.message()
                .message(1, Protobuf.message().string(1, "a").varint(4, 1))
                .build();
        byte[] noPieces = Protobuf.message().message(2, Protobuf.message()).build();
        byte[] cut = java.util.Arrays.copyOf(
                Protobuf.message().message(1, piece("hello")).build(), 6);

        for (byte[] bytes : new byte[][] {otherField, badPiece, noPieces, cut}) {
            var file = scan("tokenizer.model", bytes);
            assertEquals(ModelFormat.UNKNOWN, file.format());
            assertRule(file, "format.unrecognized", ModelRisk.SUSPICIOUS);
        }
    }
}
