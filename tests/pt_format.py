"""Write a file in the format torch.save uses, without PyTorch: so the converter's tests also run
where torch is not installed (CI). tests/test_convert.py checks that torch.load reads what this
writes, where torch is installed.

    save_like_torch("best_model.pt", {"model_state_dict": {"tok_emb.weight": array, ...},
                                      "config": {"d_model": 32, ...}, "step": 100})

The file is a zip: archive/data.pkl, a protocol-2 pickle written opcode by opcode (below), and
archive/data/KEY, the little-endian bytes of each tensor's storage. A tensor is pickled as
torch._utils._rebuild_tensor_v2(storage, offset, shape, strides, requires_grad, hooks), where the
storage is the persistent id ("storage", torch.FloatStorage, KEY, "cpu", n_elements).
"""

import struct
import zipfile

import numpy as np


def text(s):                                   # BINUNICODE: length, then UTF-8
    data = s.encode()
    return b"X" + struct.pack("<I", len(data)) + data


def integer(i):                                # BININT: a signed 32-bit int
    return b"J" + struct.pack("<i", i)


def tuple_of(items):                           # MARK, the items, TUPLE
    return b"(" + b"".join(items) + b"t"


def global_name(module, name):                 # GLOBAL
    return f"c{module}\n{name}\n".encode()


def encode(value, storages):
    if isinstance(value, dict):                # EMPTY_DICT, MARK, key value ..., SETITEMS
        return b"}(" + b"".join(encode(k, storages) + encode(v, storages) for k, v in value.items()) + b"u"
    if isinstance(value, str):
        return text(value)
    if isinstance(value, bool):
        return b"\x88" if value else b"\x89"   # NEWTRUE / NEWFALSE
    if isinstance(value, int):
        return integer(value)
    if isinstance(value, float):
        return b"G" + struct.pack(">d", value)  # BINFLOAT: big-endian double
    if value is None:
        return b"N"
    if isinstance(value, np.ndarray):
        array = np.ascontiguousarray(value, dtype="<f4")
        key = str(len(storages))
        storages[key] = array.tobytes()
        storage = tuple_of([text("storage"), global_name("torch", "FloatStorage"), text(key),
                            text("cpu"), integer(array.size)]) + b"Q"          # BINPERSID
        strides = [s // array.itemsize for s in array.strides]
        args = tuple_of([storage, integer(0), tuple_of(map(integer, array.shape)),
                         tuple_of(map(integer, strides)), b"\x89",
                         global_name("collections", "OrderedDict") + b")R"])  # OrderedDict()
        return global_name("torch._utils", "_rebuild_tensor_v2") + args + b"R"   # REDUCE
    raise TypeError(f"save_like_torch cannot write {type(value).__name__}")


def save_like_torch(path, obj):
    storages = {}
    pickled = b"\x80\x02" + encode(obj, storages) + b"."          # PROTO 2 ... STOP
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("archive/data.pkl", pickled)
        z.writestr("archive/byteorder", "little")
        for key, data in storages.items():
            z.writestr(f"archive/data/{key}", data)
        z.writestr("archive/version", "3\n")
