#!/usr/bin/python3
"""Writes the model files the scanner's tests read, with the tools people make models with.

Run by the build (exec-maven-plugin, generate-test-resources) with Debian's interpreter, /usr/bin/python3, and the
Debian packages python3-torch, python3-numpy, python3-onnx and python3-sentencepiece: checkpoints come from
torch.save (zip and legacy), arrays from numpy.save/savez, ONNX models from onnx's own writer, a tokenizer from
SentencePiece's trainer. safetensors and GGUF have no writer packaged here,
so they are written by their specifications. Malicious pickles are only written, never loaded: their payload would
run `echo`, nothing more.

Usage: make_test_models.py OUTPUT_FOLDER
"""

import copyreg
import io
import json
import os
import pickle
import shutil
import struct
import sys
import tarfile
import zipfile
from collections import OrderedDict

import numpy as np
import onnx
import sentencepiece
import torch
from onnx import TensorProto, helper, numpy_helper

OUT = sys.argv[1]
COMMAND = "echo lotabots-test-model"


def path(*parts):
    p = os.path.join(OUT, *parts)
    os.makedirs(os.path.dirname(p), exist_ok=True)
    return p


def write(data, *parts):
    with open(path(*parts), "wb") as f:
        f.write(data)


class Payload:
    """Pickles as a call of os.system (which pickle records as posix.system)."""

    def __reduce__(self):
        return (os.system, (COMMAND,))


class EvalPayload:
    def __reduce__(self):
        return (eval, ("1+1",))


# ---------------------------------------------------------------- torch


def state_dict():
    torch.manual_seed(7)
    return OrderedDict(
        [
            ("layer.weight", torch.randn(4, 3)),
            ("layer.bias", torch.zeros(4)),
            ("steps", torch.tensor([1, 2, 3], dtype=torch.int64)),
            ("half", torch.ones(2, 2, dtype=torch.float16)),
        ]
    )


def torch_models():
    torch.save(state_dict(), path("torch-zip", "model.pt"))
    torch.save(state_dict(), path("torch-legacy", "model.pt"), _use_new_zipfile_serialization=False)
    bad = {"weights": state_dict(), "hook": Payload()}
    torch.save(bad, path("torch-zip-malicious", "model.pt"))
    torch.save(bad, path("torch-legacy-malicious", "model.pt"), _use_new_zipfile_serialization=False)
    # a storage record cut short: torch.load would map tensors past its end
    source = path("torch-zip", "model.pt")
    with zipfile.ZipFile(source) as z, zipfile.ZipFile(path("torch-zip-short-storage", "model.pt"), "w") as out:
        for info in z.infolist():
            data = z.read(info)
            if info.filename.endswith("/data/0"):
                data = data[:-4]
            out.writestr(info, data)


# ---------------------------------------------------------------- pickles


def raw(*parts):
    return b"".join(p.encode("latin1") if isinstance(p, str) else p for p in parts)


def unicode4(text):
    b = text.encode()
    return b"\x8c" + bytes([len(b)]) + b


def pickles():
    for protocol in range(6):
        write(pickle.dumps(Payload(), protocol=protocol), "pickle", f"os-system-protocol-{protocol}.pkl")
    write(pickle.dumps(EvalPayload(), protocol=2), "pickle", "builtin-eval-protocol-2.pkl")
    write(pickle.dumps(EvalPayload(), protocol=4), "pickle", "builtins-eval-protocol-4.pkl")
    benign = {"name": "tiny", "sizes": [1, 2, 3], "scale": 0.5, "order": OrderedDict(a=1), "tags": {"x"}}
    for protocol in (0, 2, 4, 5):
        write(pickle.dumps(benign, protocol=protocol), "pickle", f"benign-protocol-{protocol}.pkl")

    # STACK_GLOBAL whose operands come from the memo, with decoys pushed in between
    write(
        raw(
            b"\x80\x04",
            unicode4("os"), b"\x94",  # memo 0
            unicode4("decoy"), b"\x94",  # memo 1
            unicode4("system"), b"\x94",  # memo 2
            b"0", b"0", b"0",  # pop all three
            unicode4("collections"), unicode4("OrderedDict"), b"0", b"0",
            b"h\x00", b"h\x02", b"\x93",  # STACK_GLOBAL(memo 0, memo 2) = os.system
            unicode4(COMMAND), b"\x85", b"R", b".",
        ),
        "pickle",
        "stack-global-memo.pkl",
    )
    # protocol 4 resolves dotted names: posixpath + "os.system" is os.system
    write(
        raw(b"\x80\x04", unicode4("posixpath"), unicode4("os.system"), b"\x93", unicode4(COMMAND), b"\x85R."),
        "pickle",
        "dotted-posixpath.pkl",
    )
    # INST (protocol 0): import and instantiate in one opcode
    write(raw("(S'", COMMAND, "'\nios\nsystem\n."), "pickle", "inst.pkl")
    # OBJ (protocol 1): the class first after the mark
    write(raw("(cos\nsystem\nS'", COMMAND, "'\no."), "pickle", "obj.pkl")
    # NEWOBJ (protocol 2) and NEWOBJ_EX (protocol 4)
    write(raw(b"\x80\x02csubprocess\nPopen\n", "S'", COMMAND, "'\n", b"\x85\x81."), "pickle", "newobj.pkl")
    write(
        raw(b"\x80\x04", unicode4("subprocess"), unicode4("Popen"), b"\x93", unicode4(COMMAND), b"\x85}\x92."),
        "pickle",
        "newobj-ex.pkl",
    )
    # BUILD on an imported class: sets attributes on the class itself
    write(raw(b"\x80\x02ccollections\nOrderedDict\nN}X\x04\x00\x00\x00evil\x88s\x86b."), "pickle", "build-global.pkl")
    # EXT1: the copyreg extension registry names the global, the pickle does not
    copyreg.add_extension("posix", "system", 0xF0)
    try:
        write(pickle.dumps(Payload(), protocol=2), "pickle", "ext1.pkl")
    finally:
        copyreg.remove_extension("posix", "system", 0xF0)
    # a dangerous call that runs before the garbage after it breaks the load
    write(pickle.dumps(Payload(), protocol=2)[:-1] + bytes(range(7, 40)), "pickle", "call-then-garbage.pkl")
    # two streams: a loader reading two pickles runs the second
    write(pickle.dumps([1, 2, 3], protocol=2) + pickle.dumps(Payload(), protocol=2), "pickle", "second-stream.pkl")
    # a pickle inside a byte string of a benign pickle
    write(pickle.dumps({"blob": pickle.dumps(Payload(), protocol=4)}, protocol=4), "pickle", "nested-bytes.pkl")


# ---------------------------------------------------------------- numpy


def numpy_models():
    rng = np.random.default_rng(3)
    array = rng.standard_normal((3, 4)).astype(np.float32)
    np.save(path("numpy", "array.npy"), array)
    np.savez(path("numpy", "arrays.npz"), a=array, b=np.arange(10, dtype=np.int16))
    np.savez_compressed(path("numpy", "compressed.npz"), a=array, b=np.zeros(1000, dtype=np.float64))
    np.save(path("numpy", "objects.npy"), np.array([1, "two", 3.0], dtype=object), allow_pickle=True)
    np.save(path("numpy", "malicious-objects.npy"), np.array([Payload()], dtype=object), allow_pickle=True)
    np.savez(path("numpy", "malicious.npz"), ok=array, bad=np.array([Payload()], dtype=object))


# ---------------------------------------------------------------- onnx


def onnx_model(initializer):
    node = helper.make_node("MatMul", ["x", "w"], ["y"])
    graph = helper.make_graph(
        [node],
        "tiny",
        [helper.make_tensor_value_info("x", TensorProto.FLOAT, [1, 4])],
        [helper.make_tensor_value_info("y", TensorProto.FLOAT, [1, 3])],
        [initializer],
    )
    model = helper.make_model(graph, producer_name="lotabots-tests", opset_imports=[helper.make_opsetid("", 13)])
    onnx.checker.check_model(model)
    return model


def weights():
    return numpy_helper.from_array(np.arange(12, dtype=np.float32).reshape(4, 3), name="w")


def onnx_models():
    onnx.save_model(onnx_model(weights()), path("onnx-inline", "model.onnx"))
    onnx.save_model(
        onnx_model(weights()),
        path("onnx-external", "model.onnx"),
        save_as_external_data=True,
        all_tensors_to_one_file=True,
        location="model.onnx.data",
        size_threshold=0,
    )
    for folder, location, offset, length in (
        ("onnx-traversal", "../outside.bin", None, None),
        ("onnx-missing", "absent.bin", None, None),
        ("onnx-out-of-range", "weights.bin", "16", "48"),
    ):
        model = onnx.load(path("onnx-external", "model.onnx"), load_external_data=False)
        tensor = model.graph.initializer[0]
        del tensor.external_data[:]
        entries = {"location": location}
        if offset is not None:
            entries["offset"] = offset
            entries["length"] = length
        for key, value in entries.items():
            entry = tensor.external_data.add()
            entry.key, entry.value = key, value
        with open(path(folder, "model.onnx"), "wb") as f:
            f.write(model.SerializeToString())
    with open(path("onnx-external", "model.onnx.data"), "rb") as f:
        data = f.read()
    write(data, "onnx-out-of-range", "weights.bin")
    write(data, "onnx-traversal", "outside.bin")


# ---------------------------------------------------------------- safetensors and GGUF, by their specs


def safetensors_bytes(tensors, metadata=None):
    header = {}
    if metadata is not None:
        header["__metadata__"] = metadata
    offset = 0
    blobs = []
    for name, (dtype, shape, data) in tensors.items():
        header[name] = {"dtype": dtype, "shape": shape, "data_offsets": [offset, offset + len(data)]}
        offset += len(data)
        blobs.append(data)
    text = json.dumps(header, separators=(",", ":")).encode()
    text += b" " * ((8 - len(text) % 8) % 8)
    return struct.pack("<Q", len(text)) + text + b"".join(blobs)


def safetensors_models():
    array = np.arange(12, dtype=np.float32).reshape(3, 4)
    model = safetensors_bytes(
        {
            "embed.weight": ("F32", [3, 4], array.tobytes()),
            "embed.bias": ("F16", [4], np.ones(4, dtype=np.float16).tobytes()),
            "empty": ("I64", [0, 5], b""),
            "scalar": ("I32", [], struct.pack("<i", 7)),
        },
        {"format": "pt"},
    )
    write(model, "safetensors", "model.safetensors")
    # a pickle appended after the tensors: the file would be a polyglot
    write(model + pickle.dumps(Payload(), protocol=2), "safetensors-trailing", "model.safetensors")
    # a pickle under the safetensors name: content decides, not the name
    write(pickle.dumps(Payload(), protocol=2), "safetensors-named-pickle", "model.safetensors")


def gguf_string(text):
    data = text.encode()
    return struct.pack("<Q", len(data)) + data


def gguf_kv(key, kind, value):
    out = gguf_string(key) + struct.pack("<I", kind)
    if kind == 8:
        return out + gguf_string(value)
    if kind == 9:
        element, items = value
        out += struct.pack("<IQ", element, len(items))
        for item in items:
            out += gguf_string(item) if element == 8 else struct.pack("<i" if element == 5 else "<f", item)
        return out
    fmt = {0: "<B", 4: "<I", 5: "<i", 6: "<f", 7: "<?", 10: "<Q"}[kind]
    return out + struct.pack(fmt, value)


def gguf_bytes(kvs, tensors, alignment=32):
    out = b"GGUF" + struct.pack("<IQQ", 3, len(tensors), len(kvs))
    for kv in kvs:
        out += gguf_kv(*kv)
    offset = 0
    datas = []
    for name, dims, kind, data in tensors:
        out += gguf_string(name) + struct.pack("<I", len(dims)) + b"".join(struct.pack("<Q", d) for d in dims)
        out += struct.pack("<IQ", kind, offset)
        padded = data + b"\0" * ((alignment - len(data) % alignment) % alignment)
        datas.append(padded)
        offset += len(padded)
    out += b"\0" * ((alignment - len(out) % alignment) % alignment)
    return out + b"".join(datas)


def gguf_models():
    q8 = b"".join(struct.pack("<e", 0.5) + bytes(range(32)) for _ in range(2))  # 2 blocks of 32: 64 elements
    tensors = [
        ("token_embd.weight", [4, 2], 0, np.arange(8, dtype=np.float32).tobytes()),
        ("output_norm.weight", [4], 1, np.ones(4, dtype=np.float16).tobytes()),
        ("blk.0.ffn.weight", [64], 8, q8),
    ]
    kvs = [
        ("general.architecture", 8, "llama"),
        ("general.name", 8, "lotabots-tiny"),
        ("general.alignment", 4, 32),
        ("general.quantization_version", 4, 2),
        ("llama.context_length", 4, 128),
        ("tokenizer.ggml.tokens", 9, (8, ["<s>", "</s>", "hello"])),
        ("tokenizer.ggml.scores", 9, (6, [0.0, 0.0, -1.5])),
        ("tokenizer.ggml.add_bos_token", 7, True),
        ("tokenizer.chat_template", 8, "{% for m in messages %}{{ m['content'] }}{% endfor %}"),
    ]
    write(gguf_bytes(kvs, tensors), "gguf", "model.gguf")
    evil = [kv for kv in kvs if kv[0] != "tokenizer.chat_template"]
    evil.append(("tokenizer.chat_template", 8, "{{ ''.__class__.__mro__[1].__subclasses__() }}"))
    write(gguf_bytes(evil, tensors), "gguf-template", "model.gguf")


# ---------------------------------------------------------------- archives


def archives():
    malicious = pickle.dumps(Payload(), protocol=2)
    with zipfile.ZipFile(path("zip", "traversal.zip"), "w") as z:
        z.writestr("../evil.pkl", malicious)
        z.writestr("/etc/cron.d/evil", b"* * * * * root true\n")
    with zipfile.ZipFile(path("zip", "bomb.zip"), "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("zeros.bin", b"\0" * (64 << 20))
    with zipfile.ZipFile(path("zip", "symlink.zip"), "w") as z:
        info = zipfile.ZipInfo("link")
        info.create_system = 3
        info.external_attr = (0o120777 << 16)
        z.writestr(info, "/etc/passwd")
    with zipfile.ZipFile(path("zip", "duplicate.zip"), "w") as z:
        z.writestr("weights.pkl", pickle.dumps([1, 2], protocol=2))
        z.writestr("weights.pkl", malicious)
    inner = io.BytesIO()
    with zipfile.ZipFile(inner, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("deep/payload.pkl", malicious)
    with zipfile.ZipFile(path("zip", "nested.zip"), "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("inner.zip", inner.getvalue())
        z.writestr("README.md", "# a model\n")
    with tarfile.open(path("tar", "model.tar.gz"), "w:gz") as t:
        for name in ("model.safetensors",):
            t.add(path("safetensors", name), arcname="model/" + name)
        info = tarfile.TarInfo("model/config.json")
        config = b'{"hidden_size": 4}\n'
        info.size = len(config)
        t.addfile(info, io.BytesIO(config))
    with tarfile.open(path("tar", "symlink.tar"), "w") as t:
        info = tarfile.TarInfo("model/passwd")
        info.type = tarfile.SYMTYPE
        info.linkname = "/etc/passwd"
        t.addfile(info)
    write(b'{"architectures": ["Tiny"], "hidden_size": 4}\n', "text", "config.json")


def tokenizer():
    text = ["the quick brown fox jumps over the lazy dog", "a model file is data, not code", "hello world"] * 50
    model = io.BytesIO()
    sentencepiece.SentencePieceTrainer.train(
        sentence_iterator=iter(text), model_writer=model, vocab_size=40, model_type="bpe", minloglevel=2
    )
    write(model.getvalue(), "sentencepiece", "tokenizer.model")


def main():
    # onnx appends external data to an existing file: every run starts from an empty folder
    shutil.rmtree(OUT, ignore_errors=True)
    torch_models()
    pickles()
    numpy_models()
    onnx_models()
    safetensors_models()
    gguf_models()
    archives()
    tokenizer()


if __name__ == "__main__":
    main()
