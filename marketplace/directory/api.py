"""Read-only open-data API (to be built)."""

from ninja import NinjaAPI

api = NinjaAPI(urls_namespace="api", title="PES database", version="1")
