#!/usr/bin/env bash
# Builds the local stack image the container staging tests use, with no registry: a Debian bookworm rootfs made
# by debootstrap (minbase, the machine's own apt mirror) plus bash, ca-certificates and a non-root user, imported
# into the engine named by DOCKER_HOST. Run as root on Debian 12, after `engine.sh start`.
#
#   build/containers/stack-image.sh [TAG]     (default TAG: localhost/buildpacks-stack:bookworm)
#
# The rootfs tarball is cached in BUILDPACKS_STACK_CACHE (default /var/cache/buildpacks-stack): a second run only
# imports it, and nothing at all when the image already holds that tarball.
set -euo pipefail

tag="${1:-localhost/buildpacks-stack:bookworm}"
cache="${BUILDPACKS_STACK_CACHE:-/var/cache/buildpacks-stack}"
suite=bookworm
uid=1000
gid=1000
user=cnb
# Raise the version when the recipe below changes, so cached tarballs from an older recipe are not reused.
recipe=1
tarball="$cache/$suite-minbase-r$recipe.tar"

say() { echo "stack-image: $*" >&2; }

mirror() {
    # The first Debian archive the machine's apt sources name for the suite (deb822 .sources files or sources.list).
    local found
    found=$(awk -v suite="$suite" '
        /^URIs:/ { uris = $2 }
        /^Suites:/ { for (i = 2; i <= NF; i++) if ($i == suite && uris != "") { print uris; exit } }
        /^deb / { for (i = 2; i <= NF; i++) if ($i == suite) { print $(i - 1); exit } }
    ' /etc/apt/sources.list.d/*.sources /etc/apt/sources.list 2>/dev/null | head -n1)
    echo "${found:-http://deb.debian.org/debian}"
}

build_rootfs() {
    command -v debootstrap >/dev/null || {
        say "installing debootstrap"
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends debootstrap >/dev/null
    }
    local root
    root=$(mktemp -d "$cache/rootfs.XXXXXX")
    trap 'rm -rf "$root"' EXIT
    local from
    from=$(mirror)
    say "debootstrap $suite from $from"
    debootstrap --variant=minbase --include=ca-certificates "$suite" "$root" "$from" >"$cache/debootstrap.log" 2>&1 || {
        tail -n 30 "$cache/debootstrap.log" >&2
        exit 1
    }
    # The stack's non-root user: buildpack scripts run as it.
    chroot "$root" groupadd --gid "$gid" "$user"
    chroot "$root" useradd --uid "$uid" --gid "$gid" --create-home --shell /bin/bash "$user"
    # What a container does not need: apt lists and caches, docs, man pages.
    rm -rf "$root"/var/lib/apt/lists/* "$root"/var/cache/apt/*.bin "$root"/var/cache/apt/archives/*.deb \
        "$root"/usr/share/doc/* "$root"/usr/share/man/* "$root"/usr/share/info/*
    # A plain tar: podman 4.3 records a wrong layer digest when it imports a compressed one.
    tar -C "$root" --numeric-owner --xattrs -cf "$tarball.part" .
    mv "$tarball.part" "$tarball"
    rm -rf "$root"
    trap - EXIT
}

: "${DOCKER_HOST:?set DOCKER_HOST (eval \"\$(build/containers/engine.sh env)\")}"
mkdir -p "$cache"
if [[ -f $tarball ]]; then
    say "rootfs cached: $tarball"
else
    build_rootfs
fi

stamp="r$recipe-$(stat -c %s-%Y "$tarball")"
if [[ "$(docker image inspect --format '{{ index .Config.Labels "io.buildpacks.tasks.rootfs" }}' "$tag" 2>/dev/null || true)" == "$stamp" ]]; then
    say "$tag is up to date"
else
    say "importing $tag"
    docker import \
        --change "ENV CNB_USER_ID=$uid" \
        --change "ENV CNB_GROUP_ID=$gid" \
        --change "ENV CNB_STACK_ID=io.buildpacks.tasks.bookworm" \
        --change "ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin" \
        --change "LABEL io.buildpacks.stack.id=io.buildpacks.tasks.bookworm" \
        --change "LABEL io.buildpacks.tasks.rootfs=$stamp" \
        --change "CMD [\"/bin/bash\"]" \
        - "$tag" <"$tarball" >/dev/null
fi
echo "$tag"
