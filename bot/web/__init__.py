"""The customer API, event streams, OpenAPI, ops endpoints, metrics and the widget."""
