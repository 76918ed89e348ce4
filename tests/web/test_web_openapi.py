"""The OpenAPI description says every route the app serves, no other, and the shapes it answers."""

from __future__ import annotations

import jsonschema
from starlette.routing import Route

from web_support import app_over, browser, memory_store, play, started

METHODS = {"GET", "POST", "DELETE", "PUT", "PATCH"}


def served(app) -> set[tuple[str, str]]:
    return {(route.path, method.lower()) for route in app.routes if isinstance(route, Route)
            and route.path.startswith("/api/") for method in route.methods & METHODS}


def described(spec) -> set[tuple[str, str]]:
    return {(path, method) for path, operations in spec["paths"].items() for method in operations}


def test_the_description_is_served_and_names_exactly_the_routes():
    app = app_over(memory_store())
    spec = browser(app).get("/api/v1/openapi.json").json()
    assert spec["openapi"].startswith("3.1")
    assert described(spec) == served(app)


def test_each_operation_has_an_id_a_summary_and_its_answers():
    spec = browser(app_over(memory_store())).get("/api/v1/openapi.json").json()
    ids = []
    for path, operations in spec["paths"].items():
        for method, operation in operations.items():
            ids.append(operation["operationId"])
            assert operation["summary"] and operation["responses"], (path, method)
            if method in ("post", "delete") and path != "/api/v1/openapi.json":
                assert "415" in operation["responses"], (path, method)
            for parameter in operation.get("parameters", []):
                assert "{" + parameter["name"] + "}" in path
    assert len(ids) == len(set(ids))


def schema_of(spec, name):
    """A component schema with its references resolvable, for jsonschema."""
    return {**spec["components"]["schemas"][name], "components": spec["components"]}


def test_what_the_app_answers_fits_the_description():
    tab = browser(app_over(memory_store()))
    spec = tab.get("/api/v1/openapi.json").json()
    game = started(tab)
    jsonschema.validate(game, schema_of(spec, "GameReply"))
    jsonschema.validate(play(tab, "north", game["version"]).json(), schema_of(spec, "GameReply"))
    conflict = play(tab, "north", game["version"]).json()
    jsonschema.validate(conflict, schema_of(spec, "Conflict"))
    made = tab.post("/api/v1/saves", json={"name": "one"}).json()
    jsonschema.validate(made, schema_of(spec, "SaveInfo"))
    jsonschema.validate(tab.get("/api/v1/vocabulary").json(), schema_of(spec, "Vocabulary"))
    jsonschema.validate(tab.get("/api/v1/game", headers={"origin": "https://x.example"}).json(),
                        schema_of(spec, "Error"))
    for name, body in spec["components"]["schemas"].items():
        jsonschema.Draft202012Validator.check_schema(body)
