#!/usr/bin/env bash
# A local container engine for the container staging tests: podman's Docker-compatible API on a unix socket,
# driven by the `docker` CLI through DOCKER_HOST. Run as root on Debian 12.
#
#   build/containers/engine.sh start   installs podman + runc + a docker CLI when missing, starts the service
#   build/containers/engine.sh stop    stops the service started by `start` (by its pid, nothing else)
#   build/containers/engine.sh env     prints the DOCKER_HOST line to eval
#
# BUILDPACKS_ENGINE_DIR (default /run/buildpacks-engine) holds the socket, the pid file and the service log.
set -euo pipefail

dir="${BUILDPACKS_ENGINE_DIR:-/run/buildpacks-engine}"
socket="$dir/podman.sock"
pidfile="$dir/podman.pid"
log="$dir/podman.log"

say() { echo "engine: $*" >&2; }

install_packages() {
    local missing=()
    command -v podman >/dev/null || missing+=(podman)
    command -v runc >/dev/null || missing+=(runc)
    # The machine may ship a docker CLI already; otherwise Debian's docker.io brings one (its daemon is never started).
    command -v docker >/dev/null || missing+=(docker.io)
    if ((${#missing[@]})); then
        say "installing ${missing[*]}"
        export DEBIAN_FRONTEND=noninteractive
        apt-get update -qq >/dev/null
        apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
    fi
}

write_config() {
    # crun fails on this machine's cgroups, and the default ulimits are refused inside a sandbox: runc, cgroupfs, none.
    local conf=/etc/containers/containers.conf
    local wanted
    wanted=$(cat <<'CONF'
# Written by build/containers/engine.sh.
[containers]
default_ulimits = []

[engine]
cgroup_manager = "cgroupfs"
runtime = "runc"
events_logger = "file"
CONF
)
    if [[ ! -f $conf ]] || [[ "$(cat "$conf")" != "$wanted" ]]; then
        mkdir -p /etc/containers
        printf '%s\n' "$wanted" >"$conf"
    fi
}

running() { [[ -f $pidfile ]] && kill -0 "$(cat "$pidfile")" 2>/dev/null; }

start() {
    install_packages
    write_config
    mkdir -p "$dir"
    if running; then
        say "already running (pid $(cat "$pidfile"))"
    else
        rm -f "$socket"
        # setsid: the service must not die with the shell that started it, nor hold its terminal.
        setsid podman system service --time=0 "unix://$socket" >"$log" 2>&1 </dev/null &
        echo $! >"$pidfile"
        for _ in $(seq 1 100); do
            [[ -S $socket ]] && DOCKER_HOST="unix://$socket" docker version >/dev/null 2>&1 && break
            running || { say "the service exited; its log:"; cat "$log" >&2; exit 1; }
            sleep 0.1
        done
        DOCKER_HOST="unix://$socket" docker version >/dev/null 2>&1 || { say "the service does not answer on $socket; its log:"; cat "$log" >&2; exit 1; }
        say "started (pid $(cat "$pidfile"))"
    fi
    echo "export DOCKER_HOST=unix://$socket"
}

stop() {
    if ! [[ -f $pidfile ]]; then
        say "not started here"
        return 0
    fi
    local pid
    pid=$(cat "$pidfile")
    if kill -0 "$pid" 2>/dev/null; then
        kill "$pid"
        for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
        kill -0 "$pid" 2>/dev/null && kill -KILL "$pid"
        say "stopped (pid $pid)"
    fi
    rm -f "$pidfile" "$socket"
}

case "${1:-}" in
    start) start ;;
    stop) stop ;;
    env) echo "export DOCKER_HOST=unix://$socket" ;;
    *) echo "usage: $0 start|stop|env" >&2; exit 2 ;;
esac
