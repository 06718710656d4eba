import http.server
import threading
import time

import pytest

from bench.wrk import lua_script, parse_report, run_wrk

REPORT = """Running 15s test @ http://127.0.0.1:8220/
  2 threads and 16 connections
BENCH status 1764620000 200 1500
BENCH status 1764620001 200 1400
BENCH status 1764620001 503 7
BENCH hit 2800
BENCH scary 1
BENCH requests 2907
BENCH duration_us 2000000
BENCH error connect 0
BENCH error read 2
BENCH error write 0
BENCH error status 7
BENCH error timeout 1
BENCH latency_us p50 1500
BENCH latency_us p90 4000
BENCH latency_us p99 12250
BENCH latency_us max 30000
"""


def test_report_gives_throughput_latency_and_statuses():
    result = parse_report(REPORT)

    assert result.requests_per_second == pytest.approx(1453.5)
    assert result.latency_ms["p50"] == 1.5
    assert result.latency_ms["p99"] == 12.25
    assert result.statuses == {200: 2900, 503: 7}
    assert result.statuses_per_second[1764620001] == {200: 1400, 503: 7}
    assert result.non_2xx == 7
    assert result.hits == 2800
    assert result.scary == 1


def test_socket_errors_leave_out_statuses_counted_elsewhere():
    assert parse_report(REPORT).socket_errors == 3


def test_output_without_summary_is_an_error_not_zeros():
    with pytest.raises(ValueError, match="sans résumé"):
        parse_report("unable to connect to 127.0.0.1:8220 Connection refused\n")


def test_unknown_bench_line_is_an_error():
    with pytest.raises(ValueError, match="incomprise"):
        parse_report(REPORT + "BENCH surprise 3\n")


def test_lua_script_rotates_over_the_given_paths():
    script = lua_script(["/", '/recherche/?q="x"'], threads=2)

    assert 'local paths = {"/", "/recherche/?q=\\"x\\""}' in script
    assert "%%" not in script


def test_latency_is_unknown_when_every_answer_timed_out():
    timed_out = REPORT.replace("BENCH latency_us max 30000", "BENCH latency_us max 0")

    assert parse_report(timed_out).latency("p99") is None
    assert parse_report(timed_out).latency_text("p99") == "—"
    assert parse_report(REPORT).latency_text("p99") == "12.2 ms"


def test_each_thread_of_wrk_starts_its_own_share_of_the_paths(tmp_path):
    """A cold-address run asks each address once per lap, not once per thread."""
    received = []

    class Recorder(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            received.append(self.path)
            time.sleep(0.02)  # some 50 answers a second per connection: a part of one lap
            self.send_response(200)
            self.send_header("Content-Length", "0")
            self.end_headers()

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Recorder)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    paths = [f"/adresse-{number}/" for number in range(1000)]
    try:
        run_wrk(
            f"http://127.0.0.1:{server.server_port}",
            paths,
            seconds=1,
            connections=2,
            threads=2,
            workdir=tmp_path,
        )
    finally:
        server.shutdown()
        server.server_close()

    numbers = {int(path.strip("/").split("-")[1]) for path in received}
    first_half = {number for number in numbers if number < 500}
    second_half = numbers - first_half
    assert first_half and second_half
    assert max(first_half) < 200 and min(second_half) < 505 and max(second_half) < 700
