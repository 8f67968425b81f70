/**
 * Model file formats: detection by content ({@link io.lotabots.attestation.model.formats.FormatSniffer}) and one
 * exact checker per format (safetensors, GGUF, ONNX, PyTorch zip and legacy, pickle files, NumPy), each reading
 * through a bounds-checked input and reporting every rule it finds broken.
 */
package io.lotabots.attestation.model.formats;
