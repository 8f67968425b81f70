package io.lotabots.attestation.model.signing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Small model folders for signature tests. */
final class TestModels {

    private TestModels() {}

    /** A Hugging Face–like model: config, weights, a nested tokenizer, a README. */
    static Path typical(Path parent) {
        Path model = parent.resolve("model");
        write(model, "config.json", "{\"model_type\": \"tiny\"}");
        write(model, "model.safetensors", "weights ".repeat(40));
        write(model, "tokenizer/tokenizer.json", "{\"vocab\": {}}");
        write(model, "README.md", "# tiny\n");
        return model;
    }

    static void write(Path model, String path, String content) {
        write(model, path, content.getBytes(StandardCharsets.UTF_8));
    }

    static void write(Path model, String path, byte[] content) {
        try {
            Path file = model.resolve(path);
            Files.createDirectories(file.getParent());
            Files.write(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
