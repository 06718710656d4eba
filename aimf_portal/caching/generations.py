"""Generation numbers: how a change made on one application server makes cached things stale on
every server at once.

Whatever is cached (a page, a fragment, site data) is stored with the numbers of the scopes it
depends on, as they were before it was built: the site (what every page shows: theme menu,
footer, countries, view restrictions, settings) and, for what shows a page's content, that
page's address. A change moves the numbers of the scopes it touches (`bump`): what was stored
under an older number is never served again, and expires. The numbers live in the shared cache.

Reading never writes: a number is created only by something stored under it, or by a purge,
and expires after GENERATION_TIMEOUT, so made-up addresses leave nothing behind. Within a
request, numbers are read once (the memo, which the page cache middleware opens).
"""

import contextlib
import contextvars
import hashlib
import time

from django.core.cache import cache

SITE = "site"
GENERATION_TIMEOUT = 24 * 60 * 60

request_memo = contextvars.ContextVar("generation_memo", default=None)


class Memo:
    def __init__(self):
        self.numbers = {}
        self.created = set()
        self.values = {}


@contextlib.contextmanager
def memo_for_request():
    token = request_memo.set(Memo())
    try:
        yield
    finally:
        request_memo.reset(token)


def key(scope):
    # Hashed: a scope is an address, which may be long and hold any character.
    return "aimf-generation:" + hashlib.sha256(scope.encode()).hexdigest()[:40]


def read(scopes, extra_keys=()):
    """({scope: number, or None if it does not exist}, the extra keys' values) in one round trip."""
    memo = request_memo.get() or Memo()
    unknown = [scope for scope in scopes if scope not in memo.numbers]
    found = cache.get_many([*map(key, unknown), *extra_keys]) if unknown or extra_keys else {}
    memo.numbers.update({scope: found.get(key(scope)) for scope in unknown})
    return {scope: memo.numbers[scope] for scope in scopes}, found


def ensure(scope):
    """The scope's number, created if missing; None if the cache keeps nothing."""
    memo = request_memo.get() or Memo()
    number = read([scope])[0][scope]
    if number is None:
        number = time.time_ns()
        if cache.add(key(scope), number, GENERATION_TIMEOUT):
            memo.created.add(scope)
        else:  # created meanwhile, or the cache is unreachable
            number = cache.get(key(scope))
        memo.numbers[scope] = number
    return number


def created_by_this_request(scope):
    memo = request_memo.get()
    return memo is not None and scope in memo.created


def bump(scopes):
    """Make stale everything stored under these scopes, on every server."""
    memo = request_memo.get()
    for scope in scopes:
        if memo is not None:
            memo.numbers.pop(scope, None)
            memo.values.clear()
        try:
            cache.incr(key(scope))
        except ValueError:
            # Nothing is stored under it; creating it keeps a page rendered before this change,
            # and stored after it, from being stored under a number that looks current.
            cache.add(key(scope), time.time_ns(), GENERATION_TIMEOUT)
