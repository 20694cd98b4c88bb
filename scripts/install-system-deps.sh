#!/usr/bin/env bash
# Install LibreOffice Writer (headless), poppler-utils, chromium (for the web form's browser tests,
# driven by Playwright through executable_path; never `playwright install`) and pandoc (a reference
# reading of Word drafts for the import tests only) if they are missing.
# Used by `make test`.
# If another apt or dpkg (unattended-upgrades, a second install) holds the package manager's lock, wait
# for it, up to LOCK_WAIT seconds, instead of failing at once.
set -euo pipefail
if command -v soffice >/dev/null 2>&1 && command -v pdftoppm >/dev/null 2>&1 \
    && [ -x /usr/bin/chromium ] && command -v pandoc >/dev/null 2>&1; then
  exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "LibreOffice and poppler are needed for the PDF tests: install libreoffice-writer and poppler-utils with your package manager." >&2
  echo "The web form's browser tests need chromium at /usr/bin/chromium (or NOTICE_CHROMIUM=path)." >&2
  exit 1
fi
LOCK_WAIT=600
sudo=""
if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
# DPkg::Lock::Timeout (apt 1.9.11 and later) makes apt-get wait for the dpkg lock.
apt_get() { $sudo env DEBIAN_FRONTEND=noninteractive apt-get -o "DPkg::Lock::Timeout=$LOCK_WAIT" "$@"; }

# apt-get update does not wait for the package lists' lock (/var/lib/apt/lists/lock) on apt 2.6 (Debian
# 12), whatever the timeout, so it is tried again while the lock is what it failed on.
update() {
  local waited=0 log
  log="$(mktemp)"
  until apt_get update -qq 2>"$log"; do
    if ! grep -q "Could not get lock" "$log" || [ "$waited" -ge "$LOCK_WAIT" ]; then
      cat "$log" >&2
      rm -f "$log"
      return 1
    fi
    [ "$waited" -eq 0 ] && echo "Waiting for another package manager to release its lock..." >&2
    sleep 5
    waited=$((waited + 5))
  done
  rm -f "$log"
}

echo "Installing libreoffice-writer-nogui, poppler-utils, chromium and pandoc (apt-get)..." >&2
update
apt_get install -y -qq libreoffice-writer-nogui poppler-utils chromium pandoc >/dev/null
