# Shared by ./scripts/demo and ./scripts/test (sourced, not executed).
#
# Installs what a fresh Debian 12 machine with rustup, Node 20 and apt lacks,
# one idempotent step at a time: every check is cheap, so on a ready machine
# the whole setup costs a second or two. Versions are pinned here, in
# Cargo.lock and in package-lock.json; nothing floats.

FONTE_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
FONTE_WASM_PACK_VERSION=0.15.1
FONTE_WASM_TARGET=wasm32-unknown-unknown
# The shipped wasm alone is built with this nightly (see fonte_build_release);
# tests, lints and the CLI stay on stable. A rustup channel date is the day
# after its rustc's commit date: this is rustc 1.97.0-nightly (e50aa6fba
# 2026-05-19). Moving it means re-measuring the size (tests/e2e/size.test.mjs).
FONTE_NIGHTLY=nightly-2026-05-20
FONTE_CHROMIUM=/usr/bin/chromium
FONTE_CHROMEDRIVER=/usr/bin/chromedriver

fonte_say() { printf 'fonte: %s\n' "$*"; }
fonte_die() {
    printf 'fonte: error: %s\n' "$*" >&2
    exit 1
}

# Runs a command as root: directly when we are root, else through sudo.
fonte_as_root() {
    if [ "$(id -u)" = 0 ]; then
        "$@"
    elif command -v sudo >/dev/null 2>&1; then
        sudo "$@"
    else
        fonte_die "need root to run '$*' (not root, and sudo is not installed)"
    fi
}

FONTE_APT_UPDATED=0
fonte_apt_install() {
    if ! command -v apt-get >/dev/null 2>&1; then
        fonte_die "apt-get not found: install $* by hand (Fonte's scripts expect Debian 12)"
    fi
    if [ "$FONTE_APT_UPDATED" = 0 ]; then
        fonte_as_root env DEBIAN_FRONTEND=noninteractive apt-get update -q ||
            fonte_die "apt-get update failed"
        FONTE_APT_UPDATED=1
    fi
    fonte_as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$@" ||
        fonte_die "apt-get install $* failed"
}

# The wasm-bindgen version the crate links against: the CLI must match it
# exactly, so it is read from Cargo.lock rather than written down twice.
fonte_wasm_bindgen_version() {
    awk '
        /^\[\[package\]\]/ { in_pkg = 0 }
        /^name = "wasm-bindgen"$/ { in_pkg = 1; next }
        in_pkg && /^version = / { gsub(/"/, "", $3); print $3; exit }
    ' "$FONTE_ROOT/Cargo.lock"
}

# `cargo install` with the crate's own lockfile first; when the registry no
# longer serves a version that lockfile names (a yanked or unmirrored crate),
# fall back to resolving the dependencies afresh, as wasm-pack itself does.
fonte_cargo_install() {
    local crate=$1 version=$2
    if cargo install "$crate" --version "$version" --locked --force; then
        return 0
    fi
    fonte_say "'cargo install --locked $crate $version' failed; retrying with freshly resolved dependencies"
    cargo install "$crate" --version "$version" --force ||
        fonte_die "could not install $crate $version"
}

fonte_setup_rust() {
    # rustup's installer puts cargo in ~/.cargo/bin but only new login shells
    # see it; `cargo install` also puts wasm-pack and wasm-bindgen there.
    local cargo_bin="${CARGO_HOME:-$HOME/.cargo}/bin"
    case ":$PATH:" in
        *":$cargo_bin:"*) ;;
        *) PATH="$cargo_bin:$PATH" ;;
    esac
    command -v cargo >/dev/null 2>&1 || fonte_die "cargo not found: install Rust with rustup (https://rustup.rs)"

    if ! command -v cc >/dev/null 2>&1; then
        fonte_say "installing a C linker (gcc) from apt (first run only)"
        fonte_apt_install gcc libc6-dev
    fi

    if command -v rustup >/dev/null 2>&1; then
        local have
        have="$(rustup component list --installed 2>/dev/null)"
        local missing=()
        for component in rustfmt clippy; do
            grep -q "^$component" <<<"$have" || missing+=("$component")
        done
        if [ "${#missing[@]}" -gt 0 ]; then
            fonte_say "installing rustup components: ${missing[*]} (first run only)"
            rustup component add "${missing[@]}" || fonte_die "rustup component add ${missing[*]} failed"
        fi
        if ! rustup target list --installed | grep -qx "$FONTE_WASM_TARGET"; then
            fonte_say "installing the $FONTE_WASM_TARGET target (first run only)"
            rustup target add "$FONTE_WASM_TARGET" || fonte_die "rustup target add $FONTE_WASM_TARGET failed"
        fi
        fonte_setup_nightly
    else
        fonte_say "rustup not found: assuming rustfmt, clippy and $FONTE_WASM_TARGET are installed, and that cargo is $FONTE_NIGHTLY with rust-src for the release build"
    fi
}

# The pinned nightly for the release build, as small as rustup allows: rustc
# and cargo, rust-src for `-Z build-std`, and the wasm32 target, whose
# prebuilt std goes unused but whose absence makes wasm-pack install it.
fonte_setup_nightly() {
    local have
    have="$(rustup component list --installed --toolchain "$FONTE_NIGHTLY" 2>/dev/null || true)"
    if ! grep -qx rust-src <<<"$have" || ! grep -qx "rust-std-$FONTE_WASM_TARGET" <<<"$have"; then
        fonte_say "installing $FONTE_NIGHTLY with rust-src and $FONTE_WASM_TARGET for the release build (first run only)"
        # --no-self-update: a setup script has no business replacing rustup.
        rustup toolchain install "$FONTE_NIGHTLY" --profile minimal --component rust-src \
            --target "$FONTE_WASM_TARGET" --no-self-update ||
            fonte_die "rustup toolchain install $FONTE_NIGHTLY failed"
    fi
}

fonte_setup_wasm_tools() {
    local want have
    want="wasm-pack $FONTE_WASM_PACK_VERSION"
    have="$(wasm-pack --version 2>/dev/null || true)"
    if [ "$have" != "$want" ]; then
        fonte_say "installing wasm-pack $FONTE_WASM_PACK_VERSION (first run only, ~2 min)"
        fonte_cargo_install wasm-pack "$FONTE_WASM_PACK_VERSION"
        have="$(wasm-pack --version 2>/dev/null || true)"
        [ "$have" = "$want" ] ||
            fonte_die "installed $want, but 'wasm-pack --version' says '$have' ($(command -v wasm-pack)): another wasm-pack comes first on PATH"
    fi

    local version
    version="$(fonte_wasm_bindgen_version)"
    [ -n "$version" ] || fonte_die "no wasm-bindgen package in Cargo.lock"
    want="wasm-bindgen $version"
    have="$(wasm-bindgen --version 2>/dev/null || true)"
    if [ "$have" != "$want" ]; then
        fonte_say "installing wasm-bindgen-cli $version, the version in Cargo.lock (first run only, ~2 min)"
        fonte_cargo_install wasm-bindgen-cli "$version"
        have="$(wasm-bindgen --version 2>/dev/null || true)"
        [ "$have" = "$want" ] ||
            fonte_die "installed $want, but 'wasm-bindgen --version' says '$have' ($(command -v wasm-bindgen)): another wasm-bindgen comes first on PATH"
    fi
}

fonte_setup_node() {
    command -v node >/dev/null 2>&1 || fonte_die "node not found: install Node.js 20 (with npm)"
    command -v npm >/dev/null 2>&1 || fonte_die "npm not found: install Node.js 20 (with npm)"
    # npm writes node_modules/.package-lock.json on every install: when it is
    # missing or older than the committed lockfile, node_modules is stale.
    local stamp="$FONTE_ROOT/node_modules/.package-lock.json"
    if [ ! -f "$stamp" ] || [ "$FONTE_ROOT/package-lock.json" -nt "$stamp" ]; then
        fonte_say "installing npm dev tools from package-lock.json (binaryen for wasm-opt, playwright-core)"
        (cd "$FONTE_ROOT" && npm ci --no-audit --no-fund) || fonte_die "npm ci failed"
        touch "$stamp"
    fi
    # wasm-pack looks for wasm-opt on PATH; its own binaryen download fails
    # on these machines, and Debian's binaryen is too old.
    PATH="$FONTE_ROOT/node_modules/.bin:$PATH"
    [ -x "$FONTE_ROOT/node_modules/.bin/wasm-opt" ] || fonte_die "node_modules/.bin/wasm-opt missing after npm ci"
}

fonte_setup_browser() {
    if [ ! -x "$FONTE_CHROMIUM" ] || [ ! -x "$FONTE_CHROMEDRIVER" ]; then
        # Not version-pinned: Debian's security archive serves only the
        # current Chromium, and chromium-driver is built from the same source
        # package, so the two always match each other.
        fonte_say "installing chromium and chromium-driver from apt (first run only, ~1 min)"
        fonte_apt_install chromium chromium-driver
    fi
    export CHROMEDRIVER="$FONTE_CHROMEDRIVER"
}

fonte_setup_python() {
    if ! command -v python3 >/dev/null 2>&1; then
        fonte_say "installing python3 from apt for the static server (first run only)"
        fonte_apt_install python3
    fi
}

# Everything both commands need. Serialized with a lock so that two commands
# started at once in the same tree do not run npm ci or cargo install twice.
fonte_setup() {
    mkdir -p "$FONTE_ROOT/target"
    exec 9>"$FONTE_ROOT/target/.fonte-setup.lock"
    if command -v flock >/dev/null 2>&1; then
        flock 9
    fi
    fonte_setup_rust
    fonte_setup_wasm_tools
    fonte_setup_node
    fonte_setup_browser
    exec 9>&-
    export PATH
}

# Cargo arguments of the release build on the pinned nightly. Rebuilding std
# with the immediate-abort panic strategy removes its panic and formatting
# machinery (about 10 KB gzipped, issue 5); a panic still ends in an
# `unreachable` trap, as with stable's `panic = "abort"`, only without first
# formatting a message nobody reads (wasm32-unknown-unknown has no stderr).
# The strategy is a --config override rather than RUSTFLAGS so that build
# scripts and proc macros keep theirs. std rebuilt at our opt-level "z" made
# a check 18 % slower in Node; core and alloc at 3, as in the prebuilt std,
# give the stable build's speed back for 0.05 KB.
FONTE_NIGHTLY_CARGO_ARGS=(
    -Z build-std=std,panic_abort
    -Z panic-immediate-abort
    --config 'profile.release.panic="immediate-abort"'
    --config profile.release.package.core.opt-level=3
    --config profile.release.package.alloc.opt-level=3
    # std, core and alloc's own smaller variants of their algorithms: 0.4 KB
    # gzipped less wasm at the same check speed in Node. Safe because the
    # matcher sorts with crate::sort and breaks ties by claim index, never
    # with std's sorts: check() gave byte-identical JSON with and without it
    # on all 1,935 dev selections (dev*.jsonl). The flag replaces cargo's
    # default std features (backtrace, panic-unwind), which do nothing on
    # wasm32-unknown-unknown with immediate-abort panics.
    -Z build-std-features=optimize_for_size
)

# The release build of the widget with the pinned nightly: wasm-pack's
# --target $1 (default web) into $2 (default www/pkg). It has its own target
# directory: in the shared one every switch of toolchain recompiles the
# crate, and a stable `cargo build --release --target wasm32-unknown-unknown`
# finishing meanwhile would replace the fonte.wasm that wasm-pack then reads.
# wasm-opt must run: a build that silently skipped it would be bigger and
# slower than what we ship.
#
# Then scripts/lib/minify.mjs shortens wasm-bindgen's hashed import and
# export names in the .wasm and its glue, and minifies the glue with terser;
# for the web target it also writes the minified loader next to the out-dir
# (www/fonte.js into www/fonte.min.js: the source keeps its comments). The
# nodejs build of ./scripts/bench gets the same renaming, so Node runs the
# very wasm that ships. It fails, leaving wasm-pack's pair untouched, when
# anything it rewrites is not where it expects.
fonte_build_release() {
    local target=${1:-web} out_dir=${2:-www/pkg}
    local log
    log="$(mktemp)"
    (cd "$FONTE_ROOT" &&
        RUSTUP_TOOLCHAIN="$FONTE_NIGHTLY" CARGO_TARGET_DIR="$FONTE_ROOT/target/nightly" \
            wasm-pack build . --target "$target" --release --out-dir "$out_dir" -- "${FONTE_NIGHTLY_CARGO_ARGS[@]}") 2>&1 | tee "$log"
    local status=${PIPESTATUS[0]}
    if [ "$status" != 0 ]; then
        rm -f "$log"
        return "$status"
    fi
    if ! grep -q "found wasm-opt at \"$FONTE_ROOT/node_modules/.bin/wasm-opt\"" "$log" ||
        ! grep -q 'Optimizing wasm binaries with `wasm-opt`' "$log"; then
        rm -f "$log"
        printf 'fonte: error: wasm-pack did not run node_modules/.bin/wasm-opt\n' >&2
        return 1
    fi
    rm -f "$log"
    local pkg=$out_dir
    case $pkg in
    /*) ;;
    *) pkg="$FONTE_ROOT/$pkg" ;;
    esac
    fonte_say "wasm-opt ran: $out_dir/fonte_bg.wasm is $(wc -c <"$pkg/fonte_bg.wasm") bytes, $(gzip -9c "$pkg/fonte_bg.wasm" | wc -c) gzipped"

    # The loader imports ./pkg/fonte.js, so it can only sit next to a pkg/.
    local loader=()
    if [ "$target" = web ] && [ "$(basename "$pkg")" = pkg ]; then
        loader=("$FONTE_ROOT/www/fonte.js" "$(dirname "$pkg")/fonte.min.js")
        rm -f "${loader[1]}"
    elif [ "$target" = web ]; then
        fonte_say "no minified loader: $out_dir is not a directory named pkg, which the loader imports from"
    fi
    node "$FONTE_ROOT/scripts/lib/minify.mjs" "$target" "$pkg" "${loader[@]}" ||
        { printf 'fonte: error: scripts/lib/minify.mjs failed on %s\n' "$out_dir" >&2; return 1; }
}
