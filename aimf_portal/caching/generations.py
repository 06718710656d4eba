"""Generation numbers, in the shared cache: what is cached is stored with the numbers of the
scopes it depends on (the site; a page's address), read before it was built, and a change moves
its scopes' numbers (`bump`). Reading never writes: a number is created by something stored
under it or by a purge, and expires after TIMEOUT."""

import contextlib
import contextvars
import hashlib
import time

from django.core.cache import cache

SITE = "site"
TIMEOUT = 24 * 60 * 60

# What this request read: numbers by scope, the scopes it created, cached values by key.
request_memo = contextvars.ContextVar("generation_memo", default=None)


@contextlib.contextmanager
def memo_for_request():
    token = request_memo.set({"numbers": {}, "created": set(), "values": {}})
    try:
        yield
    finally:
        request_memo.reset(token)


def memo():
    return request_memo.get() or {"numbers": {}, "created": set(), "values": {}}


def key(scope):
    # Hashed: a scope is an address, which may be long and hold any character.
    return "aimf-generation:" + hashlib.sha256(scope.encode()).hexdigest()[:40]


def read(scopes, extra_keys=()):
    """({scope: number or None}, {extra key: value}), in one round trip at most."""
    numbers = memo()["numbers"]
    unknown = [scope for scope in scopes if scope not in numbers]
    found = cache.get_many([*map(key, unknown), *extra_keys]) if unknown or extra_keys else {}
    numbers.update({scope: found.get(key(scope)) for scope in unknown})
    return {scope: numbers[scope] for scope in scopes}, found


def ensure(scope):
    """The scope's number, created if missing; None if the cache keeps nothing."""
    current = memo()
    number = read([scope])[0][scope]
    if number is None:
        number = time.time_ns()
        if cache.add(key(scope), number, TIMEOUT):
            current["created"].add(scope)
        else:  # created meanwhile, or the cache is unreachable
            number = cache.get(key(scope))
        current["numbers"][scope] = number
    return number


def bump(scopes):
    current = memo()
    current["values"].clear()
    for scope in scopes:
        current["numbers"].pop(scope, None)
        try:
            cache.incr(key(scope))
        except ValueError:
            # Nothing is stored under it. Creating it keeps a page rendered before this change
            # from being stored after it under a number that would look current.
            cache.add(key(scope), time.time_ns(), TIMEOUT)
