"""Log records as one JSON object per line, for the log collector reading the servers' stdout.

Each line has the same keys, so a query such as `request_id = "…"` finds every line of one
request, the traceback of its 500 included.
"""

import json
import logging
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
