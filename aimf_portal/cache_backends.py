"""A Redis cache that an unreachable Redis turns into an empty cache, not into errors.

Every cache alias of the production settings uses it: site_cache, `{% cache %}` fragments, the
full-page cache, renditions and rate-limit counters all go through here. When Redis does not
answer, each operation behaves as a miss (get), a no-op (set, delete) or a missing key (incr
raises ValueError, as for a key that expired), so pages are rendered uncached and nothing a
visitor sees changes. A warning is logged when the outage starts; for RETRY_AFTER seconds this
process then does not even try, so a request never waits for more than one connection timeout.
/readyz still reports the cache, since it checks that a value written can be read back.
"""

import logging
import threading
import time
from urllib.parse import urlsplit

from django.core.cache.backends import redis as django_redis
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger(__name__)

RETRY_AFTER = 5
UNREACHABLE = (RedisConnectionError, RedisTimeoutError)

# Per process and per server: every thread's client shares what the others learnt.
retry_at = {}
retry_lock = threading.Lock()


class KeyUnavailable(ValueError):
    """incr() during an outage: callers treat it as a key that is not there."""


class TolerantRedisCacheClient(django_redis.RedisCacheClient):
    def __init__(self, servers, **options):
        super().__init__(servers, **options)
        # Host and port only: a URL may carry a password, which must not reach the logs.
        hosts = (urlsplit(server).netloc.rpartition("@")[2] for server in servers)
        self.servers_name = ", ".join(hosts)
        self.clients = {}

    def get_client(self, key=None, *, write=False):
        # Django builds a redis.Redis per operation, each with a 170-entry table of response
        # callbacks: a third of a millisecond, some fifty times in an uncached page. A client is
        # thread-safe and only wraps its pool, so one per pool is kept.
        pool = self._get_connection_pool(write)
        client = self.clients.get(id(pool))
        if client is None:
            client = self.clients[id(pool)] = self._client(connection_pool=pool)
        return client

    def attempt(self, operation, fallback, *args):
        if time.monotonic() < retry_at.get(self.servers_name, 0):
            return fallback()
        try:
            result = operation(*args)
        except UNREACHABLE as error:
            with retry_lock:
                outage_starts = self.servers_name not in retry_at
                retry_at[self.servers_name] = time.monotonic() + RETRY_AFTER
            if outage_starts:
                logger.warning(
                    "Cache Redis injoignable (%s) : pages servies sans cache, nouvel essai "
                    "toutes les %d s (%s).",
                    self.servers_name,
                    RETRY_AFTER,
                    error,
                )
            return fallback()
        if self.servers_name in retry_at:
            with retry_lock:
                if retry_at.pop(self.servers_name, None) is not None:
                    logger.warning("Cache Redis de nouveau joignable (%s).", self.servers_name)
        return result

    def add(self, key, value, timeout):
        return self.attempt(super().add, lambda: False, key, value, timeout)

    def get(self, key, default):
        return self.attempt(super().get, lambda: default, key, default)

    def set(self, key, value, timeout):
        return self.attempt(super().set, lambda: None, key, value, timeout)

    def touch(self, key, timeout):
        return self.attempt(super().touch, lambda: False, key, timeout)

    def delete(self, key):
        return self.attempt(super().delete, lambda: False, key)

    def get_many(self, keys):
        return self.attempt(super().get_many, dict, keys)

    def has_key(self, key):
        return self.attempt(super().has_key, lambda: False, key)

    def incr(self, key, delta):
        def unavailable():
            raise KeyUnavailable(f"Key '{key}' not found: the cache is unreachable.")

        return self.attempt(super().incr, unavailable, key, delta)

    def set_many(self, data, timeout):
        return self.attempt(super().set_many, lambda: None, data, timeout)

    def delete_many(self, keys):
        return self.attempt(super().delete_many, lambda: None, keys)

    def clear(self):
        return self.attempt(super().clear, lambda: False)


class RedisCache(django_redis.RedisCache):
    """Django's RedisCache, tolerant of an unreachable server (see the module's docstring)."""

    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = TolerantRedisCacheClient
