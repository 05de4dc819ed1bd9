"""Rate limit, security headers and CORS on a real server."""

from __future__ import annotations

import httpx

from tests.web.conftest import live_server
from web.app import create_app
from web.security import RateLimiter


def test_security_headers_on_pages_and_api(server):
    for path in ("/", "/api/facets", "/static/app.js", "/api/documents/nope"):
        r = httpx.get(f"{server}{path}")
        assert r.headers["content-security-policy"].startswith("default-src 'self'")
        assert "unsafe-inline" not in r.headers["content-security-policy"]
        assert r.headers["x-content-type-options"] == "nosniff"
        assert r.headers["x-frame-options"] == "DENY"
        assert r.headers["referrer-policy"] == "no-referrer"
    assert httpx.get(f"{server}/api/facets").headers["cache-control"] == "no-store"


def test_no_cors_unless_configured(server):
    r = httpx.get(f"{server}/api/facets", headers={"Origin": "http://evil.example"})
    assert "access-control-allow-origin" not in r.headers


def test_cors_for_the_configured_origins_only(sample_settings, sample_service):
    settings = sample_settings.model_copy(update={"cors_origins": "http://intranet.local"})
    with live_server(create_app(settings, service=sample_service)) as url:
        ok = httpx.get(f"{url}/api/facets", headers={"Origin": "http://intranet.local"})
        assert ok.headers["access-control-allow-origin"] == "http://intranet.local"
        other = httpx.get(f"{url}/api/facets", headers={"Origin": "http://evil.example"})
        assert "access-control-allow-origin" not in other.headers
        preflight = httpx.options(
            f"{url}/api/ask",
            headers={
                "Origin": "http://intranet.local",
                "Access-Control-Request-Method": "POST",
                "Access-Control-Request-Headers": "content-type",
            },
        )
        assert preflight.status_code == 200


def test_rate_limit_per_client_with_a_vietnamese_429(sample_settings, sample_service):
    settings = sample_settings.model_copy(update={"rate_limit_per_minute": 3})
    with live_server(create_app(settings, service=sample_service)) as url:
        codes = [httpx.get(f"{url}/api/facets").status_code for _ in range(3)]
        limited = httpx.post(f"{url}/api/ask", json={"question": "Xã Tam Gia?"})
        assert codes == [200, 200, 200] and limited.status_code == 429
        assert "thử lại sau" in limited.json()["detail"] and "3 lần mỗi phút" in limited.text
        assert 0 < int(limited.headers["retry-after"]) <= 60
        assert limited.headers["x-content-type-options"] == "nosniff"
        # liveness and the page itself are not limited
        assert httpx.get(f"{url}/healthz").status_code == 200
        assert httpx.get(f"{url}/").status_code == 200


def test_sliding_window_frees_slots_and_forgets_idle_clients():
    limiter = RateLimiter(per_minute=2, window_s=0.2)
    assert limiter.retry_after("a") == 0 and limiter.retry_after("a") == 0
    assert 0 < limiter.retry_after("a") <= 0.2
    assert limiter.retry_after("b") == 0  # another client has its own window
    import time

    time.sleep(0.25)
    assert limiter.retry_after("a") == 0
    assert set(limiter._hits) == {"a"}  # "b" was idle for a whole window
    assert RateLimiter(per_minute=0).retry_after("a") == 0  # 0 turns the limit off
