#!/usr/bin/env bash
# Builds the npm package (pkg/) and the site's copy of the browser module (www/pkg/).
# Called by `make build`; assumes the tools are installed (`make setup`).
set -euo pipefail
cd "$(dirname "$0")/.."

cargo build --release --target wasm32-unknown-unknown --lib --quiet
wasm=target/wasm32-unknown-unknown/release/credit_check.wasm

rm -rf pkg www/pkg
for target in nodejs web; do
  out=pkg/${target/nodejs/node}
  wasm-bindgen "$wasm" --target "$target" --out-dir "$out" \
    --remove-name-section --remove-producers-section
  npx --no-install wasm-opt -Oz "$out/credit_check_bg.wasm" -o "$out/credit_check_bg.wasm"
done

version=$(awk -F'"' '/^version = /{print $2; exit}' Cargo.toml)
node scripts/package.mjs "$version"

mkdir -p www/pkg
cp pkg/web/credit_check.js pkg/web/credit_check_bg.wasm www/pkg/

raw=$(wc -c < pkg/web/credit_check_bg.wasm)
gz=$(gzip -9 -c pkg/web/credit_check_bg.wasm | wc -c)
js=$(gzip -9 -c pkg/web/credit_check.js | wc -c)
echo "wasm size: ${raw} bytes, ${gz} bytes gzip (JS glue ${js} bytes gzip)"
