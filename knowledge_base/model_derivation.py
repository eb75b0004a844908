"""Derive a faster int8 graph from the shipped MiniLM at load time, in memory, from its pinned bytes.

The shipped model is weight-only int8: every weight is an int8 initializer -> Cast -> Mul(per-column
scale), so onnxruntime folds it back to fp32 at load and all compute is fp32 MatMul. This module
rewrites each `MatMul(x, Mul(Cast(W_int8), scale)) [+ bias]` into one `com.microsoft`
`DynamicQuantizeMatMul(x, W_int8, scale[, zero_point, bias])`: the activation is quantized to uint8
per batch and the product runs on int8 hardware (VNNI), about twice as fast on CPU.

Why not `onnxruntime.quantization.quantize_dynamic` on a folded fp32 graph: it re-quantizes the
weights, and its MatMulInteger path forces 7-bit weights (`reduce_range`), which loses precision the
shipped int8 weights never had. Reusing the shipped int8 values and scales as they are means the
only new error is the activation's 8-bit rounding (mean cosine to the original ~0.993). Attention's
activation x activation MatMuls (QK^T, softmax x V) stay fp32. The transformer optimizer was tried
too: it fuses no attention in this exported graph (only what onnxruntime's own optimizer already
does at session start) and needs sympy, so it is not used.

The word-embedding table (int8 with one scale per row) is looked up before it is dequantized:
`Mul(Cast(Gather(W_int8, ids)), Gather(scale, ids))` gives the same numbers as gathering from the
dequantized table, but onnxruntime no longer folds the whole table to fp32 at load (47 MB of the
server's memory for 30,522 x 384 floats, against 11 MB as int8).

Also removed: the exporter's `Where(IsNaN(softmax), 0, softmax)` guard after every softmax. It only
matters for a row whose keys are all masked, which cannot happen: every text has at least [CLS].

Deterministic: the same source bytes and options give the same output bytes (tests check it).
Bump `DERIVATION_VERSION` whenever the rewrite changes the numbers; the model id includes it.
"""

from __future__ import annotations

import platform
from pathlib import Path
from typing import TYPE_CHECKING, Literal

import numpy as np

if TYPE_CHECKING:  # onnx is imported only when a model is derived, never at import time
    import onnx

DERIVATION_VERSION = 1
WeightType = Literal["s8", "u8"]


class DerivationError(RuntimeError):
    """The source graph does not have the shape this rewrite was written for."""


def preferred_weight_type() -> WeightType:
    """Signed int8 weights where the CPU multiplies u8 x s8 exactly and fast (VNNI, ARM), else uint8.

    On x86 without VNNI, onnxruntime's u8 x s8 kernel adds pairs of products in saturating 16-bit
    (vpmaddubsw), which can clip; its u8 x u8 kernel does not. Both give the same numbers otherwise,
    so the choice changes speed only, never the model id.
    """
    machine = platform.machine().lower()
    if machine in ("arm64", "aarch64"):
        return "s8"
    try:
        flags = Path("/proc/cpuinfo").read_text(encoding="ascii", errors="replace")
    except OSError:
        return "u8"
    return "s8" if ("avx512_vnni" in flags or "avx_vnni" in flags) else "u8"


def derive_dynamic_int8(
    source: Path | bytes, *, weights: WeightType = "s8", expected_matmuls: int | None = 36
) -> bytes:
    """The serialized derived model (see the module docstring) of the ONNX model at `source`.

    `expected_matmuls` guards against a source that matches partly: MiniLM-L6 has 6 layers x 6
    weight MatMuls (Q, K, V, attention output, intermediate, output); any other count is an error.
    """
    import onnx
    from onnx import helper, numpy_helper

    model = onnx.load_model_from_string(source) if isinstance(source, bytes) else onnx.load(str(source))
    graph = model.graph
    inits = {init.name: init for init in graph.initializer}
    producer = {out: node for node in graph.node for out in node.output}
    consumers: dict[str, list[onnx.NodeProto]] = {}
    for node in graph.node:
        for name in node.input:
            consumers.setdefault(name, []).append(node)

    drop: set[int] = set()  # id() of nodes removed
    replaced: dict[int, list[onnx.NodeProto]] = {}  # id() of a node -> the nodes that take its place, in order
    renamed: dict[str, str] = {}
    new_inits: list[onnx.TensorProto] = []

    for node in graph.node:
        if node.op_type != "MatMul":
            continue
        mul = producer.get(node.input[1])
        if mul is None or mul.op_type != "Mul" or len(consumers[mul.output[0]]) != 1 or mul.input[1] not in inits:
            continue
        cast = producer.get(mul.input[0])
        if cast is None or cast.op_type != "Cast" or cast.input[0] not in inits or len(consumers[cast.output[0]]) != 1:
            continue
        q = numpy_helper.to_array(inits[cast.input[0]])
        scale = numpy_helper.to_array(inits[mul.input[1]]).astype(np.float32).reshape(-1)
        if q.dtype != np.int8 or q.ndim != 2 or scale.size != q.shape[1]:
            continue  # not a per-column int8 weight (e.g. an embedding table): leave it alone
        base = cast.input[0]
        inputs = [node.input[0], f"{base}_dq_w", f"{base}_dq_scale"]
        if weights == "u8":  # same values shifted by 128, with zero point 128
            new_inits.append(numpy_helper.from_array((q.astype(np.int16) + 128).astype(np.uint8), inputs[1]))
            new_inits.append(numpy_helper.from_array(np.full(q.shape[1], 128, np.uint8), f"{base}_dq_zp"))
        else:
            new_inits.append(numpy_helper.from_array(q, inputs[1]))
        new_inits.append(numpy_helper.from_array(scale, inputs[2]))
        zero_point = f"{base}_dq_zp" if weights == "u8" else ""
        output = node.output[0]
        bias_add = _bias_add(consumers.get(output, []), output, inits)
        if bias_add is not None:  # fold the bias Add in as the op's 5th input
            add, bias = bias_add
            inputs += [zero_point, bias]
            output = add.output[0]
            drop.add(id(add))
        elif zero_point:
            inputs.append(zero_point)
        replaced[id(node)] = [
            helper.make_node("DynamicQuantizeMatMul", inputs, [output], name=f"{node.name}_dq", domain="com.microsoft")
        ]
        drop.update({id(cast), id(mul)})

    if expected_matmuls is not None and len(replaced) != expected_matmuls:
        raise DerivationError(f"expected {expected_matmuls} int8-weight MatMuls, found {len(replaced)}")

    for node in graph.node:  # Gather(Mul(Cast(table_q), row_scale), ids) -> Mul(Cast(Gather(table_q)), Gather(scale))
        lookup = _lookup_before_dequant(node, producer, consumers, inits)
        if lookup is not None:
            replaced[id(node)], dequant = lookup
            drop.update(id(n) for n in dequant)

    for node in graph.node:  # Where(IsNaN(s), 0, s) after Softmax -> s
        if node.op_type != "Where" or node.input[0] not in producer:
            continue
        isnan = producer[node.input[0]]
        src = isnan.input[0] if isnan.op_type == "IsNaN" else None
        if (
            src
            and node.input[2] == src
            and producer.get(src) is not None
            and producer[src].op_type == "Softmax"
            and len(consumers[isnan.output[0]]) == 1
        ):
            drop.update({id(node), id(isnan)})
            renamed[node.output[0]] = src

    nodes = []
    for node in graph.node:
        if id(node) in drop:
            continue
        for out in replaced.get(id(node), [node]):
            for k, name in enumerate(out.input):
                if name in renamed:
                    out.input[k] = renamed[name]
            nodes.append(out)
    used = {name for node in nodes for name in node.input} | {out.name for out in graph.output}
    kept = [init for init in graph.initializer if init.name in used]
    del graph.node[:]
    graph.node.extend(nodes)
    del graph.initializer[:]
    graph.initializer.extend(kept + new_inits)
    if not any(opset.domain == "com.microsoft" for opset in model.opset_import):
        model.opset_import.append(helper.make_opsetid("com.microsoft", 1))
    return model.SerializeToString(deterministic=True)


def _lookup_before_dequant(
    node: onnx.NodeProto,
    producer: dict[str, onnx.NodeProto],
    consumers: dict[str, list[onnx.NodeProto]],
    inits: dict[str, onnx.TensorProto],
) -> tuple[list[onnx.NodeProto], list[onnx.NodeProto]] | None:
    """For `Gather(Mul(Cast(table_q), scale[rows, 1]), ids)` on axis 0: the nodes that gather first
    (in order, ending in the original output) and the two dequantizing nodes they make unused."""
    from onnx import helper

    if node.op_type != "Gather" or any(a.name == "axis" and a.i != 0 for a in node.attribute):
        return None
    mul = producer.get(node.input[0])
    if mul is None or mul.op_type != "Mul" or len(consumers[mul.output[0]]) != 1 or mul.input[1] not in inits:
        return None
    cast = producer.get(mul.input[0])
    if cast is None or cast.op_type != "Cast" or cast.input[0] not in inits or len(consumers[cast.output[0]]) != 1:
        return None
    table, scale = inits[cast.input[0]], inits[mul.input[1]]
    if len(table.dims) != 2 or list(scale.dims) != [table.dims[0], 1]:
        return None  # only a per-row scale can be gathered alongside its rows
    base, ids = cast.input[0], node.input[1]
    return [
        helper.make_node("Gather", [base, ids], [f"{base}_rows"], name=f"{node.name}_rows", axis=0),
        helper.make_node("Gather", [mul.input[1], ids], [f"{base}_row_scale"], name=f"{node.name}_scale", axis=0),
        helper.make_node(
            "Cast",
            [f"{base}_rows"],
            [f"{base}_rows_f"],
            name=f"{node.name}_cast",
            to=next(a.i for a in cast.attribute if a.name == "to"),
        ),
        helper.make_node("Mul", [f"{base}_rows_f", f"{base}_row_scale"], [node.output[0]], name=f"{node.name}_dequant"),
    ], [cast, mul]


def _bias_add(
    users: list[onnx.NodeProto], output: str, inits: dict[str, onnx.TensorProto]
) -> tuple[onnx.NodeProto, str] | None:
    """The single `Add(output, 1-D initializer)` that consumes `output`, and that initializer's name."""
    if len(users) != 1 or users[0].op_type != "Add":
        return None
    add = users[0]
    other = add.input[1] if add.input[0] == output else add.input[0]
    if other in inits and len(inits[other].dims) == 1:
        return add, other
    return None
