package io.lotabots.attestation.model.signing;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemReader;

/**
 * The PEM blocks of a text, read by Bouncy Castle's reader, which skips text around them (certtool writes a
 * readable dump before the block).
 */
final class PemBlocks {

    record Block(String type, byte[] der) {}

    private PemBlocks() {}

    static List<Block> read(String text) {
        List<Block> blocks = new ArrayList<>();
        try (PemReader reader = new PemReader(new StringReader(text == null ? "" : text))) {
            for (PemObject object = reader.readPemObject(); object != null; object = reader.readPemObject()) {
                blocks.add(new Block(object.getType(), object.getContent()));
            }
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("not PEM: " + e.getMessage(), e);
        }
        if (blocks.isEmpty()) {
            throw new IllegalArgumentException("no -----BEGIN ...----- block");
        }
        return blocks;
    }
}
