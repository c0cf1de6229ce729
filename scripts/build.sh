#!/usr/bin/env bash
# Builds the npm package (pkg/) and the site's copy of the browser module (www/pkg/).
# Called by `make build`; assumes the tools are installed (`make setup`). Incremental: when the
# compiled module and the packaging inputs are unchanged, the bindings and wasm-opt are skipped.
set -euo pipefail
cd "$(dirname "$0")/.."

cargo build --profile wasm-release --target wasm32-unknown-unknown --lib --quiet
# Cargo's own target directory: ./target unless CARGO_TARGET_DIR names another (a shared cache).
target=${CARGO_TARGET_DIR:-target}
wasm=$target/wasm32-unknown-unknown/wasm-release/credit_check.wasm

stamp=$target/pkg.stamp
key=$(cat "$wasm" scripts/build.sh scripts/package.mjs README.md Cargo.toml schemas/api.schema.json | sha256sum | cut -d' ' -f1)
if [[ -f pkg/package.json && -f www/pkg/credit_check_bg.wasm && -f $stamp && $(cat "$stamp") == "$key" ]]; then
  fresh=1
else
  fresh=0
  rm -rf pkg www/pkg
  for target in nodejs web; do
    wasm-bindgen "$wasm" --target "$target" --out-dir "pkg/${target/nodejs/node}" \
      --remove-name-section --remove-producers-section
  done
  # Both targets emit the same module: optimise it once, use it twice.
  npx --no-install wasm-opt -Oz pkg/web/credit_check_bg.wasm -o pkg/web/credit_check_bg.wasm
  cp pkg/web/credit_check_bg.wasm pkg/node/credit_check_bg.wasm

  version=$(awk -F'"' '/^version = /{print $2; exit}' Cargo.toml)
  node scripts/package.mjs "$version"

  mkdir -p www/pkg
  cp pkg/web/credit_check.js pkg/web/credit_check_bg.wasm www/pkg/
  echo "$key" > "$stamp"
fi

# The element's files change without the module: copy them (and its manifest) on every build.
node scripts/element-package.mjs

# The studio's editor (CodeMirror 6, pinned in package-lock.json), bundled into one same-origin file.
npx --no-install esbuild scripts/studio-editor.js --bundle --format=esm --minify --legal-comments=eof \
  --outfile=www/studio/editor.bundle.js --log-level=warning

raw=$(wc -c < pkg/web/credit_check_bg.wasm)
gz=$(gzip -9 -c pkg/web/credit_check_bg.wasm | wc -c)
js=$(gzip -9 -c pkg/web/credit_check.js | wc -c)
echo "wasm size: ${raw} bytes, ${gz} bytes gzip (JS glue ${js} bytes gzip)$([[ $fresh == 1 ]] && echo ', unchanged')"
ed=www/studio/editor.bundle.js
echo "studio editor: $(wc -c < $ed) bytes, $(gzip -9 -c $ed | wc -c) bytes gzip"
