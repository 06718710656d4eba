"""Log records as one JSON object per line, for the log collector reading the servers' stdout.

Each line has the same keys, so a query such as `request_id = "…"` finds every line of one
request, the traceback of its 500 included.
"""

import json
import logging
import time
from datetime import UTC, datetime


class JsonFormatter(logging.Formatter):
    def format(self, record):
        created = datetime.fromtimestamp(record.created, tz=UTC)
        line = {
            "time": created.isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
            "request_id": getattr(record, "request_id", None),
            "path": getattr(record, "path", None),
            # Django's request and server loggers name the response status this way.
            "status": getattr(record, "status_code", None),
        }
        if record.exc_info:
            line["exception"] = self.formatException(record.exc_info)
        return json.dumps(line, ensure_ascii=False)


class OncePerInterval(logging.Filter):
    """Lets one record through per interval, drops the others."""

    def __init__(self, seconds=60):
        super().__init__()
        self.seconds = seconds
        self.next_at = 0.0

    def filter(self, record):
        now = time.monotonic()
        if now < self.next_at:
            return False
        self.next_at = now + self.seconds
        return True
