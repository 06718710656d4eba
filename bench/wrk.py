"""wrk, driven from Python: a Lua script that tallies what came back, and its report parsed.

wrk's own text output rounds latencies and says nothing of status codes; the Lua `done()`
hook prints one `BENCH key value` line per figure instead, which `parse_report` reads. Each
thread counts statuses per second of wall clock (the database-restart drill needs the
timeline), `X-Cache: HIT` answers, and bodies that show something a visitor must never see.
"""

import json
import shutil
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

# Words that only appear when an error leaks into a page: a traceback, a backend's name.
SCARY_WORDS = ("Traceback", "Exception", "Redis", "redis", "psycopg", "OperationalError")

LUA_TEMPLATE = """
local paths = %(paths)s
local scary_words = %(scary_words)s
local thread_count = %(threads)d
local threads = {}

function setup(thread)
    table.insert(threads, thread)
    -- Each thread starts its own share of the list: in one lap, an address is asked once.
    thread:set("next_path", (#threads - 1) * math.floor(#paths / thread_count))
end

function init(args)
    tally = {}
end

function request()
    next_path = next_path %% #paths + 1
    return wrk.format("GET", paths[next_path])
end

local function count(key)
    tally[key] = (tally[key] or 0) + 1
end

function response(status, headers, body)
    count("status " .. os.time() .. " " .. status)
    local cache_state = headers["X-Cache"] or headers["x-cache"]
    if cache_state == "HIT" then
        count("hit")
    end
    if status >= 500 or status == 200 then
        for _, word in ipairs(scary_words) do
            if body and string.find(body, word, 1, true) then
                count("scary")
                break
            end
        end
    end
end

function done(summary, latency, requests)
    local totals = {}
    for _, thread in ipairs(threads) do
        for key, n in pairs(thread:get("tally")) do
            totals[key] = (totals[key] or 0) + n
        end
    end
    for key, n in pairs(totals) do
        io.write(string.format("BENCH %%s %%d\\n", key, n))
    end
    io.write(string.format("BENCH requests %%d\\n", summary.requests))
    io.write(string.format("BENCH duration_us %%d\\n", summary.duration))
    for _, kind in ipairs({"connect", "read", "write", "status", "timeout"}) do
        io.write(string.format("BENCH error %%s %%d\\n", kind, summary.errors[kind]))
    end
    for _, p in ipairs({50, 90, 99}) do
        io.write(string.format("BENCH latency_us p%%d %%d\\n", p, latency:percentile(p)))
    end
    io.write(string.format("BENCH latency_us max %%d\\n", latency.max))
end
"""

# wrk's "status" errors are the non-2xx/3xx answers, which are counted by status instead.
SOCKET_ERROR_KINDS = ("connect", "read", "write", "timeout")


def lua_script(paths, threads):
    """The Lua script that rotates over paths and reports in `BENCH` lines."""

    def lua_list(values):
        return "{" + ", ".join(json.dumps(value) for value in values) + "}"

    return LUA_TEMPLATE % {
        "paths": lua_list(paths),
        "scary_words": lua_list(SCARY_WORDS),
        "threads": threads,
    }


@dataclass
class WrkResult:
    requests: int = 0
    duration_s: float = 0.0
    latency_ms: dict = field(default_factory=dict)
    statuses: dict = field(default_factory=dict)
    statuses_per_second: dict = field(default_factory=dict)
    errors: dict = field(default_factory=dict)
    hits: int = 0
    scary: int = 0

    @property
    def requests_per_second(self):
        return self.requests / self.duration_s if self.duration_s else 0.0

    @property
    def non_2xx(self):
        return sum(n for status, n in self.statuses.items() if not 200 <= status < 300)

    @property
    def socket_errors(self):
        return sum(self.errors.get(kind, 0) for kind in SOCKET_ERROR_KINDS)

    def latency(self, percentile):
        """Milliseconds, or None when no answer came within the timeout: wrk counts those as
        timeouts and leaves them out of its latency figures."""
        return self.latency_ms[percentile] if self.latency_ms.get("max") else None

    def latency_text(self, percentile):
        value = self.latency(percentile)
        return "—" if value is None else f"{value:.1f} ms"


def parse_report(output):
    """A WrkResult from wrk's standard output (only the `BENCH` lines are read)."""
    result = WrkResult()
    for line in output.splitlines():
        words = line.split()
        if not words or words[0] != "BENCH":
            continue
        match words[1:]:
            case ["status", second, status, n]:
                status, n = int(status), int(n)
                result.statuses[status] = result.statuses.get(status, 0) + n
                per_second = result.statuses_per_second.setdefault(int(second), {})
                per_second[status] = per_second.get(status, 0) + n
            case ["hit", n]:
                result.hits = int(n)
            case ["scary", n]:
                result.scary = int(n)
            case ["requests", n]:
                result.requests = int(n)
            case ["duration_us", n]:
                result.duration_s = int(n) / 1_000_000
            case ["error", kind, n]:
                result.errors[kind] = int(n)
            case ["latency_us", percentile, n]:
                result.latency_ms[percentile] = int(n) / 1000
            case _:
                raise ValueError(f"Ligne de wrk incomprise : {line!r}")
    if not result.duration_s:
        raise ValueError("Sortie de wrk sans résumé : wrk a-t-il échoué ?\n" + output)
    return result


def wrk_command():
    path = shutil.which("wrk")
    if path is None:
        raise SystemExit("wrk manque : lancez scripts/bench-deps.sh (paquet Debian wrk).")
    return path


def run_wrk(base_url, paths, *, seconds, connections=16, threads=2, timeout_s=5, workdir):
    """Drive base_url (always 127.0.0.1) over paths for `seconds`; a WrkResult."""
    if not base_url.startswith("http://127.0.0.1:"):
        raise ValueError("La charge ne vise que 127.0.0.1.")
    script = Path(workdir) / "wrk-paths.lua"
    script.write_text(lua_script(paths, threads))
    command = [
        wrk_command(),
        f"-c{connections}",
        f"-t{threads}",
        f"-d{seconds}s",
        f"--timeout={timeout_s}s",
        "--latency",
        f"--script={script}",
        base_url,
    ]
    completed = subprocess.run(
        command, capture_output=True, text=True, timeout=seconds + 60, check=False
    )
    if completed.returncode != 0:
        raise RuntimeError(f"wrk a échoué ({completed.returncode}) : {completed.stderr}")
    return parse_report(completed.stdout)
