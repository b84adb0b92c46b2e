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
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

echo "highwater: installing ${missing[*]}" >&2
sudo_cmd=()
if [ "$(id -u)" -ne 0 ]; then sudo_cmd=(sudo); fi
export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get update -q >/dev/null
"${sudo_cmd[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}" >/dev/null
