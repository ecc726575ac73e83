# Shared set-up for run.sh and test.sh: installs the Debian packages the build needs when
# any is missing (apt-get as root, sudo otherwise, or prints the exact command), then
# configures and builds one CMake preset. Sourced, not run.

LSTM_LAB_PACKAGES=(
    cmake g++ ninja-build pkg-config
    qt6-base-dev libqt6opengl6-dev qt6-charts-dev libxkbcommon-dev
    libeigen3-dev nlohmann-json3-dev
    xvfb xauth x11-apps imagemagick fonts-dejavu-core
)

lstm_lab_missing_packages() {
    local package
    for package in "${LSTM_LAB_PACKAGES[@]}"; do
        dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || echo "$package"
    done
}

lstm_lab_install_packages() {
    local missing
    missing=$(lstm_lab_missing_packages | tr '\n' ' ')
    [ -z "${missing// /}" ] && return 0
    echo "Installing missing packages: $missing"
    local install="DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends $missing"
    if [ "$(id -u)" = 0 ]; then
        apt-get update -qq && eval "$install"
    elif command -v sudo >/dev/null 2>&1; then
        sudo apt-get update -qq && eval "sudo $install"
    else
        echo "Please run as root: apt-get update && $install" >&2
        return 1
    fi
}

# lstm_lab_build PRESET [TARGET...]
lstm_lab_build() {
    local preset=$1
    shift
    cmake --preset "$preset" >/dev/null || return 1
    if [ $# -gt 0 ]; then
        cmake --build --preset "$preset" --target "$@"
    else
        cmake --build --preset "$preset"
    fi
}

lstm_lab_headless_environment() {
    export QT_QPA_PLATFORM=${QT_QPA_PLATFORM:-offscreen}
    if [ -z "${XDG_RUNTIME_DIR:-}" ] || [ ! -d "$XDG_RUNTIME_DIR" ]; then
        XDG_RUNTIME_DIR=$(mktemp -d)
        chmod 700 "$XDG_RUNTIME_DIR"
        export XDG_RUNTIME_DIR
    fi
}
