package io.lotabots.attestation.model.formats;

import io.lotabots.attestation.model.control.ModelRisk;
import io.lotabots.attestation.model.scan.ScanContext;
import io.lotabots.model.control.ModelFile;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Where one ONNX tensor's bytes are, checked against the model's files: inside the model, present, in range. */
final class OnnxExternalData {

    private static final long BAD = -2;

    private final ScanContext context;

    OnnxExternalData(ScanContext context) {
        this.context = context;
    }

    void check(OnnxTensor tensor) {
        long expected = tensor.expectedBytes();
        if (tensor.dataLocation == 0) {
            if (tensor.rawDataLength >= 0 && expected >= 0 && tensor.rawDataLength != expected) {
                report(
                        tensor,
                        "onnx.tensor-size",
                        ModelRisk.MALFORMED,
                        "holds " + tensor.rawDataLength + " bytes of raw data but its shape and type need " + expected);
            }
            return;
        }
        if (tensor.dataLocation != 1) {
            report(
                    tensor,
                    "onnx.bad-data-location",
                    ModelRisk.MALFORMED,
                    "has data_location " + tensor.dataLocation + ", neither DEFAULT (0) nor EXTERNAL (1)");
            return;
        }
        if (tensor.rawDataLength >= 0) {
            report(tensor, "onnx.external-data-bad-field", ModelRisk.MALFORMED, "is external but also holds raw data");
        }
        String location = tensor.externalData.get("location");
        if (location == null || location.isEmpty()) {
            report(tensor, "onnx.external-data-bad-field", ModelRisk.MALFORMED, "is external but names no location");
            return;
        }
        long offset = number(tensor, "offset");
        long length = number(tensor, "length");
        if (offset == BAD || length == BAD) {
            return;
        }
        offset = Math.max(offset, 0);
        String path = resolve(tensor, location);
        if (path == null) {
            return;
        }
        var siblings = context.siblings();
        if (siblings == null) {
            report(
                    tensor,
                    "onnx.external-data-unchecked",
                    ModelRisk.MALFORMED,
                    "keeps its data in '" + location + "', which cannot be checked for a model inside an archive");
            return;
        }
        Optional<ModelFile> file = siblings.find(path);
        if (file.isEmpty()) {
            report(
                    tensor,
                    "onnx.external-data-missing",
                    ModelRisk.MALFORMED,
                    "keeps its data in '" + location + "', which is not a file of the model");
            return;
        }
        if (file.get().symlink()) {
            report(
                    tensor,
                    "onnx.external-data-symlink",
                    ModelRisk.UNSAFE,
                    "keeps its data in '" + location + "', a symbolic link that can point outside the model");
            return;
        }
        siblings.referenced(path);
        long size = file.get().size();
        long end = length < 0 ? size : offset + length;
        if (offset > size || end > size || end < offset) {
            report(
                    tensor,
                    "onnx.external-data-out-of-range",
                    ModelRisk.MALFORMED,
                    "reads bytes [" + offset + ", " + end + ") of '" + location + "', which has " + size);
            return;
        }
        if (expected >= 0 && end - offset != expected) {
            report(
                    tensor,
                    "onnx.tensor-size",
                    ModelRisk.MALFORMED,
                    "reads " + (end - offset) + " bytes of '" + location + "' but its shape and type need " + expected);
        }
    }

    /** The tree path of a location relative to the model file, or null (reported) when it leaves the model. */
    private String resolve(OnnxTensor tensor, String location) {
        boolean absolute = location.startsWith("/") || location.startsWith("\\") || location.matches("^[A-Za-z]:.*");
        List<String> parts = new ArrayList<>();
        boolean escapes = false;
        for (String part : location.split("[/\\\\]")) {
            if (part.equals("..")) {
                escapes = true;
            } else if (!part.isEmpty() && !part.equals(".")) {
                parts.add(part);
            }
        }
        if (absolute || escapes || location.indexOf('\\') >= 0 || location.indexOf('\0') >= 0) {
            report(
                    tensor,
                    "onnx.external-data-outside-model",
                    ModelRisk.UNSAFE,
                    "keeps its data at '" + location
                            + "', a path that is absolute, climbs with '..' or uses backslashes: loaders read files outside "
                            + "the model from it");
            return null;
        }
        String file = context.file();
        int slash = file.lastIndexOf('/');
        String dir = slash < 0 ? "" : file.substring(0, slash + 1);
        return dir + String.join("/", parts);
    }

    /** A decimal external_data value, -1 when absent, {@link #BAD} (reported) when it is no number. */
    private long number(OnnxTensor tensor, String key) {
        String text = tensor.externalData.get(key);
        if (text == null) {
            return -1;
        }
        if (!text.matches("[0-9]{1,18}")) {
            report(
                    tensor,
                    "onnx.external-data-bad-field",
                    ModelRisk.MALFORMED,
                    "has the external_data " + key + " '" + text + "', not a non-negative integer");
            return BAD;
        }
        return Long.parseLong(text);
    }

    private void report(OnnxTensor tensor, String rule, ModelRisk severity, String detail) {
        context.report(rule, severity, tensor.offset, "tensor '" + tensor.name + "' " + detail);
    }
}
