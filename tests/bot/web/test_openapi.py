"""The served OpenAPI document is valid and its request bodies are the models that validate requests."""
from __future__ import annotations

from typing import Any

import pytest
from flask.testing import FlaskClient
from openapi_spec_validator import validate
from pydantic import BaseModel

from bot.web.bodies import REQUEST_BODIES, Feedback, PostMessage, ProvideEmail, Rating, StartConversation
from bot.web.openapi import SCHEMA_REF


@pytest.fixture
def served(client: FlaskClient) -> dict[str, Any]:
    return client.get("/api/openapi.json").get_json()


def test_the_served_document_validates(served: dict[str, Any]) -> None:
    validate(served)
    assert served["openapi"].startswith("3.1")


@pytest.mark.parametrize("model", REQUEST_BODIES, ids=lambda m: m.__name__)
def test_each_request_model_is_served_as_its_own_schema(served: dict[str, Any], model: type[BaseModel]) -> None:
    assert served["components"]["schemas"][model.__name__] == model.model_json_schema(ref_template=SCHEMA_REF)


@pytest.mark.parametrize(
    ("path", "model"),
    [
        ("/api/conversations", StartConversation),
        ("/api/conversations/{conversation_id}/messages", PostMessage),
        ("/api/conversations/{conversation_id}/email", ProvideEmail),
        ("/api/conversations/{conversation_id}/rating", Rating),
        ("/api/messages/{message_id}/feedback", Feedback),
    ],
)
def test_each_request_body_refers_to_the_model_the_view_validates_with(
    served: dict[str, Any], path: str, model: type[BaseModel]
) -> None:
    schema = served["paths"][path]["post"]["requestBody"]["content"]["application/json"]["schema"]
    assert schema == {"$ref": SCHEMA_REF.format(model=model.__name__)}


def test_the_documented_limits_are_the_enforced_ones(client: FlaskClient, served: dict[str, Any]) -> None:
    rating = served["components"]["schemas"]["Rating"]["properties"]["rating"]
    assert (rating["minimum"], rating["maximum"]) == (1, 5)
    created = client.post("/api/conversations").get_json()
    auth = {"Authorization": f"Bearer {created['token']}"}
    for value, status in ((rating["minimum"] - 1, 400), (rating["maximum"] + 1, 400), (rating["maximum"], 200)):
        response = client.post(f"/api/conversations/{created['id']}/rating", json={"rating": value}, headers=auth)
        assert response.status_code == status
