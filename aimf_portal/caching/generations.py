"""Generation numbers, in the shared cache: what is cached is stored with the numbers of the
scopes it depends on (the site; a page's address), read before it was built, and a change moves
its scopes' numbers (`bump`). Reading never writes: a number is created by something stored
under it or by a purge, and expires after TIMEOUT.

A request reads the numbers once (the memo), in the same round trip as the cached data its
address asked for last time in this process (at most 1,000 addresses remembered)."""

import collections
import contextlib
import contextvars
import hashlib
import threading
import time

from django.core.cache import cache

SITE = "site"
TIMEOUT = 24 * 60 * 60
REMEMBERED_ADDRESSES = 1000

request_memo = contextvars.ContextVar("generation_memo", default=None)
asked_by_address = collections.OrderedDict()
asked_lock = threading.Lock()


def new_memo(address=None):
    with asked_lock:
        ahead = asked_by_address.get(address, ())
    return {"numbers": {}, "created": set(), "values": {}, "ahead": ahead, "asked": set()}


def asked(kind, name):
    """Remembered for the address's next request: ("scope", scope) or ("data", key)."""
    memo()["asked"].add((kind, name))


@contextlib.contextmanager
def memo_for_request(address):
    token = request_memo.set(new_memo(address))
    try:
        yield
    finally:
        asked = request_memo.get()["asked"]
        request_memo.reset(token)
        with asked_lock:
            asked_by_address[address] = frozenset(asked)
            asked_by_address.move_to_end(address)
            while len(asked_by_address) > REMEMBERED_ADDRESSES:
                asked_by_address.popitem(last=False)


def memo():
    return request_memo.get() or new_memo()


def hashed(prefix, name):
    """A cache key for a name that may be long and hold any character (an address)."""
    return prefix + hashlib.sha256(name.encode()).hexdigest()[:40]


def key(scope):
    return hashed("aimf-generation:", scope)


def read(scopes, extra_keys=()):
    """({scope: number or None}, {extra key: value}) in one round trip at most, with the data
    this address asked for last time (into the memo's values)."""
    current = memo()
    ahead, current["ahead"] = current["ahead"], ()
    for scope in scopes:
        asked("scope", scope)
    unknown = {scope for scope in scopes if scope not in current["numbers"]}
    unknown |= {name for kind, name in ahead if kind == "scope"}
    data_keys = [name for kind, name in ahead if kind == "data"]
    wanted = [*map(key, unknown), *extra_keys, *data_keys]
    found = cache.get_many(wanted) if wanted else {}
    current["numbers"].update({scope: found.get(key(scope)) for scope in unknown})
    current["values"].update({data_key: found.get(data_key) for data_key in data_keys})
    return {scope: current["numbers"][scope] for scope in scopes}, found


def ensure(scope):
    """The scope's number, created if missing; None if the cache keeps nothing."""
    current = memo()
    asked("scope", scope)
    number = current["numbers"].get(scope) or read([scope])[0][scope]
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
