# Shared by bin/demo and bin/test: find Python 3.12, make .venv, install the project,
# make sure PostgreSQL answers. Sourced, not run.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

find_python312() {
  local candidate
  for candidate in "${HELPDESK_PYTHON:-}" python3.12; do
    if [ -n "$candidate" ] && "$candidate" -c 'import sys; assert sys.version_info[:2] == (3, 12)' 2>/dev/null; then
      echo "$candidate"; return 0
    fi
  done
  if command -v pyenv >/dev/null 2>&1; then
    for candidate in "$(pyenv root)"/versions/3.12.*/bin/python3.12; do
      if [ -x "$candidate" ]; then echo "$candidate"; return 0; fi
    done
  fi
  echo "error: Python 3.12 not found. Saleor (and so this plugin) needs 3.12:" >&2
  echo "       install it (pyenv install 3.12, or your OS package) or set HELPDESK_PYTHON." >&2
  return 1
}

ensure_venv() {
  local extras="$1" stamp=".venv/.installed-$1"
  if [ ! -x .venv/bin/python ]; then
    echo "==> creating .venv with $(find_python312)"
    "$(find_python312)" -m venv .venv
  fi
  # Reinstall when the dependency list changed since the last install.
  if [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ]; then
    echo "==> installing saleor-helpdesk[$extras] into .venv"
    .venv/bin/python -m pip install --quiet --disable-pip-version-check --upgrade pip
    .venv/bin/python -m pip install --quiet --disable-pip-version-check -e ".[$extras]"
    touch "$stamp"
  fi
}

pg_answers() {
  .venv/bin/python - "$DATABASE_URL" <<'PY' 2>/dev/null
import sys
import psycopg
from urllib.parse import urlparse
url = urlparse(sys.argv[1])
psycopg.connect(host=url.hostname or "127.0.0.1", port=url.port or 5432,
                user=url.username or "postgres", password=url.password or None,
                dbname="postgres", connect_timeout=3).close()
PY
}

ensure_postgres() {
  export DATABASE_URL="${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/saleor_helpdesk}"
  if pg_answers; then return 0; fi
  echo "==> PostgreSQL does not answer at $DATABASE_URL; trying to start it"
  if ls /etc/postgresql/*/main >/dev/null 2>&1 && command -v pg_ctlcluster >/dev/null; then
    pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -n1)" main start || true
  elif command -v apt-get >/dev/null && [ "$(id -u)" = 0 ]; then
    echo "==> installing PostgreSQL from the distribution's packages"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
    local version; version="$(ls /etc/postgresql | head -n1)"
    sed -i 's/^\(local\|host\)\(.*\)\(peer\|scram-sha-256\|md5\)$/\1\2trust/' \
      "/etc/postgresql/$version/main/pg_hba.conf"
    pg_ctlcluster --skip-systemctl-redirect "$version" main start
  fi
  for _ in $(seq 1 30); do pg_answers && return 0; sleep 1; done
  echo "error: PostgreSQL does not answer at $DATABASE_URL. Start one (trust auth for" >&2
  echo "       user postgres on 127.0.0.1:5432) or set DATABASE_URL." >&2
  return 1
}

# The Dashboard extension: Node 20.19+ and npm from the machine; dependencies exactly
# as package-lock.json says (npm ci), reinstalled when the lockfile changes.
ensure_node() {
  if ! command -v node >/dev/null 2>&1 || ! node -e 'const [a,b]=process.versions.node.split(".").map(Number); process.exit(a>20||(a===20&&b>=19)?0:1)'; then
    echo "error: Node.js 20.19 or newer (with npm) is needed for the Dashboard extension;" >&2
    echo "       found: $(node --version 2>/dev/null || echo none)." >&2
    return 1
  fi
  local stamp="dashboard_extension/node_modules/.installed"
  if [ ! -f "$stamp" ] || [ dashboard_extension/package-lock.json -nt "$stamp" ]; then
    echo "==> installing the Dashboard extension's packages (npm ci)"
    (cd dashboard_extension && npm ci --no-audit --no-fund --loglevel=error)
    touch "$stamp"
  fi
}

build_dashboard() {
  ensure_node
  echo "==> building the Dashboard extension (saleor_helpdesk/dashboard_build/)"
  (cd dashboard_extension && npm run --silent build)
}

# Debian's Chromium for the end-to-end tests (no browser downloads).
ensure_chromium() {
  if [ -x "${HELPDESK_CHROMIUM:-/usr/bin/chromium}" ]; then return 0; fi
  if command -v apt-get >/dev/null && [ "$(id -u)" = 0 ]; then
    echo "==> installing Chromium from the distribution's packages"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  fi
  if [ ! -x "${HELPDESK_CHROMIUM:-/usr/bin/chromium}" ]; then
    echo "error: Chromium not found at ${HELPDESK_CHROMIUM:-/usr/bin/chromium}: install Debian's" >&2
    echo "       chromium package or set HELPDESK_CHROMIUM." >&2
    return 1
  fi
}

# Debian's Dovecot for the IMAP tests (tests/mailboxes start a private instance of
# it). Missing and not installable: a note, and those tests skip saying why.
ensure_dovecot() {
  if [ -x "${HELPDESK_DOVECOT:-/usr/sbin/dovecot}" ]; then return 0; fi
  if command -v apt-get >/dev/null && [ "$(id -u)" = 0 ]; then
    echo "==> installing Dovecot from the distribution's packages"
    # A failed install is not fatal: the IMAP tests then skip and say why.
    { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq dovecot-imapd >/dev/null; } \
      || echo "note: installing dovecot-imapd failed" >&2
    # Only the binary is needed: no system-wide IMAP server left listening.
    if command -v systemctl >/dev/null; then
      systemctl disable --now dovecot.service dovecot.socket >/dev/null 2>&1 || true
    fi
  fi
  if [ ! -x "${HELPDESK_DOVECOT:-/usr/sbin/dovecot}" ]; then
    echo "note: Dovecot not found at ${HELPDESK_DOVECOT:-/usr/sbin/dovecot}, so the IMAP tests" >&2
    echo "      will skip: install Debian's dovecot-imapd or set HELPDESK_DOVECOT." >&2
  fi
}
