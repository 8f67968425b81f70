package io.lotabots.attestation.model.scan;

/** What a file is, decided from its bytes (never its name). */
public enum ModelFormat {
    SAFETENSORS,
    GGUF,
    ONNX,
    /** Raw tensor bytes that an ONNX model in the same tree references as external data. */
    ONNX_EXTERNAL_DATA,
    /** {@code torch.save} since torch 1.6: a zip with {@code <folder>/data.pkl} and raw storages. */
    PYTORCH_ZIP,
    /** A torch zip that also carries TorchScript ({@code code/}, {@code constants.pkl}). */
    TORCHSCRIPT,
    /** {@code torch.save(_use_new_zipfile_serialization=False)}: five pickles and the raw storages. */
    PYTORCH_LEGACY,
    PICKLE,
    NUMPY,
    NUMPY_ARCHIVE,
    ZIP,
    TAR,
    GZIP,
    TEXT,
    /** A SentencePiece tokenizer model (a protobuf vocabulary). */
    SENTENCEPIECE,
    SYMLINK,
    /** Recognized but not read by this scanner (HDF5, 7z, bzip2, xz, zstd, RAR). */
    UNSUPPORTED,
    UNKNOWN
}
