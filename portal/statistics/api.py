"""Open-data endpoints (mounted on the portal's one NinjaAPI under /api/)."""

from ninja import Router

router = Router()
