#!/usr/bin/env bash
# Builds the npm package (pkg/) and the site's copy of the browser modules (www/pkg/).
# Called by `make build`; assumes the tools are installed (`make setup`). Incremental: when a
# compiled module and the packaging inputs are unchanged, its bindings and wasm-opt are skipped.
#
# Two modules come from the one crate (README, Architecture):
#   full (feature `full`, the default): every function; the npm package's Node and web builds,
#        the studio, and the element once it needs a bank's policy — pkg/{node,web}/, www/pkg/;
#   lean (no `full`): the widget's first load, the built-in policy only, precompiled by the
#        native `pack_builtin` example (src/pack.rs) — pkg/web/lean/, www/pkg/lean/.
set -euo pipefail
cd "$(dirname "$0")/.."

# Cargo's own target directory: ./target unless CARGO_TARGET_DIR names another (a shared cache).
target=${CARGO_TARGET_DIR:-target}
built=$target/wasm32-unknown-unknown/wasm-release/credit_check.wasm
packaging=$(cat scripts/build.sh scripts/package.mjs README.md Cargo.toml schemas/api.schema.json | sha256sum | cut -d' ' -f1)

cargo build --profile wasm-release --target wasm32-unknown-unknown --lib --quiet
mkdir -p "$target/modules/full" "$target/modules/lean"
cp "$built" "$target/modules/full/credit_check.wasm"

# The lean module: the built-in policy packed natively (also `make pack`), then the module built
# with the standard library rebuilt for size and panics that trap at once (-Z build-std, through
# RUSTC_BOOTSTRAP as `make fuzz` does; it needs the rust-src component, which `make setup`
# installs): 15 KB gzip less. Where that cannot build, the plain build gives the same answers.
# The pack holds the texts of zh-CN only (the page's default language); the English ones, the
# policy's and the engine's own, are written apart (texts.en.bin, beside the module), which the
# element fetches only when its page switches to English.
pack=$target/modules/builtin.pack
english=$target/modules/texts.en.bin
cargo run --quiet --features cli --example pack_builtin -- "$pack" "$english"
export CREDIT_CHECK_BUILTIN_PACK
CREDIT_CHECK_BUILTIN_PACK=$(realpath "$pack")
lean=(cargo build --profile wasm-lean --target wasm32-unknown-unknown --lib --quiet --no-default-features)
# Panics that trap at once print nothing, so their source locations are left out too
# (-Zlocation-detail=none: 0.3 KB gzip less).
if ! RUSTC_BOOTSTRAP=1 RUSTFLAGS="${RUSTFLAGS:-} -Zunstable-options -Cpanic=immediate-abort -Zlocation-detail=none" \
  "${lean[@]}" -Z build-std=std,panic_abort -Z build-std-features=optimize_for_size; then
  echo "build.sh: the lean module is built without -Z build-std (larger, same answers)" >&2
  "${lean[@]}"
fi
cp "$target/wasm32-unknown-unknown/wasm-lean/credit_check.wasm" "$target/modules/lean/credit_check.wasm"

# bindgen <module> <out-dir> <targets…>: the bindings of one module for the given targets,
# optimised with wasm-opt once (every target emits the same module) — unless already done.
# The lean module is also told that the lowest 1 KB of memory is unused (it is: Rust's stack
# starts at 1 MiB and grows down, the data sits above it), which lets wasm-opt fold address
# additions into load and store offsets: 2.4 KB gzip less.
# Both are optimised without inlining a function into its one caller when it is bigger than 20
# (-ocimfs=20; -Oz inlines any such function): the module is 3% larger raw but compresses far
# better, 13.9 KB gzip less for the lean module (189.3 -> 175.4) and 38.9 KB for the full one
# (361.9 -> 323.0), for about 4% more time per report in Node (the calls that stay). Nor is a
# repeated expression kept in a local (--skip-pass=local-cse): 0.9 KB and 1.6 KB gzip less, no
# change in time measured. Nor are the data segments split around their runs of zeros
# (--skip-pass=memory-packing): 8.7 KB more raw, 2.2 KB (lean) and 0.6 KB (full) less gzip.
fresh=1
bindgen() {
  local module=$1 out=$2
  shift 2
  local opt=(-Oz -ocimfs=20 --skip-pass=local-cse --skip-pass=memory-packing)
  [[ $module == lean ]] && opt+=(--low-memory-unused)
  local stamp=$target/modules/$module.stamp
  local key
  key=$(cat "$target/modules/$module/credit_check.wasm" <(echo "$packaging $*") | sha256sum | cut -d' ' -f1)
  if [[ -f $out/credit_check_bg.wasm && -f $stamp && $(cat "$stamp") == "$key" ]]; then
    return
  fi
  fresh=0
  local first=""
  for t in "$@"; do
    local dir=$out
    [[ $t == nodejs ]] && dir=pkg/node
    rm -rf "$dir"
    wasm-bindgen "$target/modules/$module/credit_check.wasm" --target "$t" --out-dir "$dir" \
      --remove-name-section --remove-producers-section
    if [[ -z $first ]]; then
      npx --no-install wasm-opt "${opt[@]}" "$dir/credit_check_bg.wasm" -o "$dir/credit_check_bg.wasm"
      first=$dir
    else
      cp "$first/credit_check_bg.wasm" "$dir/credit_check_bg.wasm"
    fi
  done
  echo "$key" > "$stamp"
}

[[ -f pkg/package.json ]] || rm -f "$target"/modules/*.stamp
bindgen full pkg/web web nodejs
bindgen lean pkg/web/lean web
cp "$english" pkg/web/lean/texts.en.bin
if [[ $fresh == 0 || ! -f pkg/package.json ]]; then
  version=$(awk -F'"' '/^version = /{print $2; exit}' Cargo.toml)
  node scripts/package.mjs "$version"
fi

rm -rf www/pkg
mkdir -p www/pkg/lean
cp pkg/web/credit_check_bg.wasm www/pkg/
# The full module's own JavaScript (wasm-bindgen's snippets: the profile's text, src/wasm.rs).
if [[ -d pkg/web/snippets ]]; then cp -r pkg/web/snippets www/pkg/; fi
cp pkg/web/lean/credit_check_bg.wasm pkg/web/lean/texts.en.bin www/pkg/lean/
# The site's copy of the full module initialises itself when it is imported, so that a page's
# own scripts (the studio's, the browser tests') may call it at once; the element imports it only
# for a bank's policy. (The npm package's web build keeps its explicit init.)
{ cat pkg/web/credit_check.js; printf '\n// The site copy initialises itself (scripts/build.sh).\nawait __wbg_init();\n'; } \
  > www/pkg/credit_check.js

# The element's files change without the module: copy them (and its manifest) on every build.
node scripts/element-package.mjs

# The site's first load, minified (esbuild, as for the studio's editor): the element and its two
# modules in one file, www/credit-check.min.js, which the pages load (the sources stay as they are:
# the npm package's element and the studio use them), and the site's copy of the lean glue. It
# sits beside the sources so that its URLs relative to import.meta.url (./pkg/…, the CSS) hold.
# Same code, 10 KB gzip less: the element 16.2 → 8.0 KB, the glue 4.8 → 3.1 KB.
npx --no-install esbuild www/credit-check.js --bundle --format=esm --minify --external:./pkg/* \
  --outfile=www/credit-check.min.js --log-level=warning
npx --no-install esbuild pkg/web/lean/credit_check.js --format=esm --minify \
  --outfile=www/pkg/lean/credit_check.js --log-level=warning

# The studio's editor (CodeMirror 6, pinned in package-lock.json), bundled into one same-origin file.
npx --no-install esbuild scripts/studio-editor.js --bundle --format=esm --minify --legal-comments=eof \
  --outfile=www/studio/editor.bundle.js --log-level=warning

size() {
  echo "$(wc -c < "$1") bytes, $(gzip -9 -c "$1" | wc -c) bytes gzip"
}
unchanged=$([[ $fresh == 1 ]] && echo ', unchanged' || true)
echo "wasm size: full $(size pkg/web/credit_check_bg.wasm); lean $(size pkg/web/lean/credit_check_bg.wasm)$unchanged"
echo "lean module's English texts (fetched on a switch to English): $(size pkg/web/lean/texts.en.bin)"
echo "JS glue: full $(gzip -9 -c pkg/web/credit_check.js | wc -c) bytes gzip, lean $(gzip -9 -c pkg/web/lean/credit_check.js | wc -c) ($(gzip -9 -c www/pkg/lean/credit_check.js | wc -c) minified)"
echo "element (the site's minified copy): $(size www/credit-check.min.js)"
ed=www/studio/editor.bundle.js
echo "studio editor: $(size $ed)"
