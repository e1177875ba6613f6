"""Python's cycle collector runs as objects pile up and walks every live one. A phase that only
builds what it keeps (a cache unpickled, a day's headlines read) gives it nothing to free, so
the collector waits until the phase is over."""
from __future__ import annotations

import gc
from contextlib import contextmanager
from typing import Iterator


@contextmanager
def collector_paused() -> Iterator[None]:
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            gc.enable()
