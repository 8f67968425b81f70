package io.lotabots.attestation.model.formats;

import io.lotabots.attestation.model.control.ModelRisk;
import io.lotabots.attestation.model.scan.ScanContext;
import io.lotabots.attestation.model.source.ByteSource;
import io.lotabots.attestation.model.source.MalformedModelException;
import io.lotabots.attestation.model.source.ModelInput;

/**
 * An ONNX model parsed as a protobuf ModelProto down to every TensorProto it holds (graph initializers, sparse
 * initializers, node attributes, subgraphs of control-flow nodes, functions, training graphs), streaming, so inline
 * raw data is skipped rather than held. A tensor whose data is external must name a file inside the model
 * (relative, no {@code ..}, no backslash: the path traversals of CVE-2022-25882 and CVE-2024-27318), that file must
 * exist in the stored model and not be a symbolic link, and {@code offset + length} must lie within it; inline and
 * external data must be as long as the tensor's shape and type say.
 */
public final class OnnxCheck {

    private static final int MAX_STRING = 1 << 20;

    private ScanContext context;
    private ProtobufReader pb;

    public void check(ScanContext context, ByteSource source) {
        this.context = context;
        try (var in = new ModelInput(source, "onnx")) {
            pb = new ProtobufReader(in, "onnx");
            boolean irVersion = false;
            boolean graph = false;
            for (int field = pb.next(); field > 0; field = pb.next()) {
                switch (field) {
                    case 1 -> {
                        pb.expect(ProtobufReader.VARINT, "ModelProto.ir_version");
                        pb.varint();
                        irVersion = true;
                    }
                    case 7 -> {
                        graph("ModelProto.graph");
                        graph = true;
                    }
                    case 20 -> message("ModelProto.training_info", this::trainingInfo);
                    case 25 -> message("ModelProto.functions", this::function);
                    case 2, 3, 4, 6, 8, 14 -> {
                        pb.expect(ProtobufReader.LEN, "ModelProto field " + field);
                        pb.skip();
                    }
                    case 5 -> {
                        pb.expect(ProtobufReader.VARINT, "ModelProto.model_version");
                        pb.skip();
                    }
                    default -> pb.skip();
                }
            }
            if (!irVersion) {
                context.report("onnx.missing-ir-version", ModelRisk.MALFORMED, 0, "the model has no ir_version");
            }
            if (!graph) {
                context.report("onnx.missing-graph", ModelRisk.MALFORMED, 0, "the model has no graph");
            }
        }
    }

    private void message(String name, Runnable body) {
        pb.enter(name);
        body.run();
        pb.exit();
    }

    private void graph(String name) {
        message(name, () -> {
            for (int field = pb.next(); field > 0; field = pb.next()) {
                switch (field) {
                    case 1 -> message("GraphProto.node", this::node);
                    case 5 -> tensor("GraphProto.initializer");
                    case 15 -> message("GraphProto.sparse_initializer", this::sparseTensor);
                    default -> pb.skip();
                }
            }
        });
    }

    private void node() {
        for (int field = pb.next(); field > 0; field = pb.next()) {
            if (field == 5) {
                message("NodeProto.attribute", this::attribute);
            } else {
                pb.skip();
            }
        }
    }

    private void attribute() {
        for (int field = pb.next(); field > 0; field = pb.next()) {
            switch (field) {
                case 5, 10 -> tensor("AttributeProto.t");
                case 6, 11 -> graph("AttributeProto.g");
                case 22, 23 -> message("AttributeProto.sparse_tensor", this::sparseTensor);
                default -> pb.skip();
            }
        }
    }

    private void function() {
        for (int field = pb.next(); field > 0; field = pb.next()) {
            if (field == 7) {
                message("FunctionProto.node", this::node);
            } else {
                pb.skip();
            }
        }
    }

    private void trainingInfo() {
        for (int field = pb.next(); field > 0; field = pb.next()) {
            if (field == 1 || field == 2) {
                graph("TrainingInfoProto graph");
            } else {
                pb.skip();
            }
        }
    }

    private void sparseTensor() {
        for (int field = pb.next(); field > 0; field = pb.next()) {
            if (field == 1 || field == 2) {
                tensor("SparseTensorProto tensor");
            } else {
                pb.skip();
            }
        }
    }

    private void tensor(String name) {
        var tensor = new OnnxTensor(pb.position());
        message(name, () -> {
            for (int field = pb.next(); field > 0; field = pb.next()) {
                switch (field) {
                    case 1 -> dims(tensor);
                    case 2 -> {
                        pb.expect(ProtobufReader.VARINT, "TensorProto.data_type");
                        tensor.dataType = (int) pb.varint();
                    }
                    case 8 -> tensor.name = pb.string("TensorProto.name", MAX_STRING);
                    case 9 -> {
                        pb.expect(ProtobufReader.LEN, "TensorProto.raw_data");
                        tensor.rawDataLength = pb.length();
                        pb.skipBytes(tensor.rawDataLength);
                    }
                    case 13 -> message("TensorProto.external_data", () -> entry(tensor));
                    case 14 -> {
                        pb.expect(ProtobufReader.VARINT, "TensorProto.data_location");
                        tensor.dataLocation = pb.varint();
                    }
                    default -> pb.skip();
                }
            }
        });
        new OnnxExternalData(context).check(tensor);
    }

    private void dims(OnnxTensor tensor) {
        if (pb.wire() == ProtobufReader.VARINT) {
            tensor.dims.add(pb.varint());
            return;
        }
        pb.expect(ProtobufReader.LEN, "TensorProto.dims");
        pb.enterPacked();
        while (!pb.atEnd()) {
            tensor.dims.add(pb.varint());
        }
        pb.exit();
    }

    private void entry(OnnxTensor tensor) {
        String key = null;
        String value = null;
        for (int field = pb.next(); field > 0; field = pb.next()) {
            if (field == 1) {
                key = pb.string("StringStringEntryProto.key", MAX_STRING);
            } else if (field == 2) {
                value = pb.string("StringStringEntryProto.value", MAX_STRING);
            } else {
                pb.skip();
            }
        }
        if (key == null || value == null) {
            throw new MalformedModelException(
                    "onnx.external-data-bad-field",
                    tensor.offset,
                    "tensor '" + tensor.name + "' has an external_data " + "entry without a key or value");
        }
        if (tensor.externalData.put(key, value) != null) {
            context.report(
                    "onnx.external-data-bad-field",
                    ModelRisk.MALFORMED,
                    tensor.offset,
                    "tensor '" + tensor.name + "' names external_data '" + key + "' twice");
        }
    }
}
