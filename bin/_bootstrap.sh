# Sourced by bin/demo and bin/test: finds or installs uv, the only tool we need first.
# On a fresh Debian machine that is python3 (3.11+) and, if missing, python3-venv via apt.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

if command -v uv >/dev/null 2>&1; then
  UV=uv
elif [ -x .tools/bin/uv ]; then
  UV=.tools/bin/uv
else
  if ! python3 -c "import ensurepip, venv" >/dev/null 2>&1; then
    if [ "$(id -u)" = 0 ]; then
      echo "==> Installing python3-venv (Debian)"
      apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-venv >/dev/null
    else
      echo "Please install python3-venv first: sudo apt-get install python3-venv" >&2
      exit 1
    fi
  fi
  echo "==> Installing uv into .tools/"
  python3 -m venv .tools
  .tools/bin/pip install -q uv
  UV=.tools/bin/uv
fi
export UV_LINK_MODE=copy
