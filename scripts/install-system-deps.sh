#!/usr/bin/env bash
# Install LibreOffice Writer (headless) and poppler-utils if they are missing. Used by `make test`.
set -euo pipefail
if command -v soffice >/dev/null 2>&1 && command -v pdftoppm >/dev/null 2>&1; then
  exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "LibreOffice and poppler are needed for the PDF tests: install libreoffice-writer and poppler-utils with your package manager." >&2
  exit 1
fi
sudo=""
if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
echo "Installing libreoffice-writer-nogui and poppler-utils (apt-get)..." >&2
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq \
  libreoffice-writer-nogui poppler-utils >/dev/null
