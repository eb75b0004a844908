"""The pinned model's word-piece table: read from its int8 weights, its rows know near-synonyms."""
from __future__ import annotations

import numpy as np
import pytest

from knowledge_base.embeddings import LocalMiniLMEmbeddings
from knowledge_base.errors import EmbedderUnavailable
from knowledge_base.static_tokens import StaticTokenVectors


@pytest.fixture(scope="module")
def table() -> StaticTokenVectors:
    return LocalMiniLMEmbeddings(int8_compute=False).static_tokens()


def _cosine(table: StaticTokenVectors, a: str, b: str) -> float:
    (x,), (y,) = table.pieces(a).ids, table.pieces(b).ids
    u, v = table.vectors([x, y])
    return float(u @ v)


def test_rows_are_unit_vectors_and_near_synonyms_are_closer_than_unrelated_words(table: StaticTokenVectors):
    vectors = table.vectors(table.pieces("price delivery parcel").ids)
    assert np.linalg.norm(vectors, axis=1) == pytest.approx(np.ones(3), abs=1e-5)
    assert _cosine(table, "price", "cost") > _cosine(table, "price", "garden") + 0.3
    assert _cosine(table, "delivery", "shipping") > _cosine(table, "delivery", "garden") + 0.2


def test_pieces_have_no_special_tokens_and_know_where_each_starts(table: StaticTokenVectors):
    pieces = table.pieces("Hello world")
    assert pieces.starts.tolist() == [0, 6]


def test_a_graph_without_the_table_is_refused():
    from onnx import TensorProto, helper

    graph = helper.make_graph([], "empty", [], [helper.make_tensor_value_info("x", TensorProto.FLOAT, [1])])
    with pytest.raises(EmbedderUnavailable, match="word-piece table"):
        StaticTokenVectors.from_model(helper.make_model(graph).SerializeToString(),
                                      tokenizer=None)
