"""The write token: from ``EVENTWIRE_TOKEN``, else a config file.

    token = load_token(None)                 # env, else ~/.config/eventwire/token
    token = load_token("/etc/eventwire/token")

The file holds the token on its first line. No token configured means no
client can write (every POST answers 401 saying how to set one).
"""

from __future__ import annotations

import hmac
import os
from pathlib import Path

from eventwire.errors import UsageError

ENV_VAR = "EVENTWIRE_TOKEN"


def default_token_file() -> Path:
    base = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(base) / "eventwire" / "token"


def load_token(path: str | Path | None) -> str | None:
    """The token: the environment variable wins; then ``path`` (an error when
    it is given and unreadable); then the default file, when present."""
    env = os.environ.get(ENV_VAR, "").strip()
    if env:
        return env
    given = path is not None
    file = Path(path) if given else default_token_file()
    if not file.exists():
        if given:
            raise UsageError(f"--token-file {file}: no such file; write the token on its "
                             f"first line, or set {ENV_VAR}")
        return None
    try:
        lines = file.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise UsageError(f"--token-file {file}: cannot read it ({exc})") from None
    token = lines[0].strip() if lines else ""
    if not token:
        raise UsageError(f"--token-file {file}: the file is empty; write the token on "
                         "its first line")
    return token


def token_matches(expected: str | None, given: str | None) -> bool:
    if not expected or not given:
        return False
    return hmac.compare_digest(expected.encode("utf-8"), given.encode("utf-8"))
