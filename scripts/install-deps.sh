#!/usr/bin/env bash
# Installs what highwater needs to build and test on Debian 12, with apt-get, only when something is missing.
# Idempotent: when every package is there it returns in well under a second.
set -euo pipefail

packages=(
  cmake ninja-build g++
  clang-22 clang-tidy-22 clangd-22 clang-tools-22 libclang-22-dev llvm-22-dev llvm-22-tools
  libgtest-dev
  # bench/run-bench.sh measures CPU time and peak memory with GNU time.
  time
  # Debian's clangd 22 is built with remote-index support: its CMake targets name gRPC and protobuf.
  libgrpc++-dev libprotobuf-dev protobuf-compiler-grpc
  # The audit tool's tests: its HTML report opened in headless Chromium, git
  # for --changed-since.
  chromium git
)
# npm installs the SARIF validator below; any npm will do (Debian's, or the
# one a Node.js distribution brings), so Debian's is installed only if none is.
if ! command -v npm >/dev/null; then packages+=(npm); fi

# The SARIF validator the audit tool's tests run (@microsoft/sarif-multitool),
# installed from npm next to the user's other caches, not in the source tree.
sarif_dir=${HIGHWATER_NODE_DIR:-$HOME/.cache/highwater/node}
sarif_tool=$sarif_dir/node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool
install_sarif_multitool() {
  if [ -x "$sarif_tool" ]; then return 0; fi
  echo "highwater: installing @microsoft/sarif-multitool into $sarif_dir" >&2
  mkdir -p "$sarif_dir"
  # Without it only the SARIF validation test skips: say so, do not fail.
  if ! (cd "$sarif_dir" && npm install --no-fund --no-audit --loglevel=error \
      @microsoft/sarif-multitool@5 >/dev/null); then
    echo "highwater: warning: could not install @microsoft/sarif-multitool; the SARIF validation test will skip" >&2
    return 0
  fi
  # npm 11 skips the package's postinstall, which makes its binary executable.
  chmod u+x "$sarif_tool"
}

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  install_sarif_multitool
  exit 0
fi

echo "highwater: installing ${missing[*]}" >&2
sudo_cmd=()
if [ "$(id -u)" -ne 0 ]; then sudo_cmd=(sudo); fi
export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get update -q >/dev/null
"${sudo_cmd[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}" >/dev/null
install_sarif_multitool
