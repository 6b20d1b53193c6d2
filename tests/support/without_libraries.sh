#!/usr/bin/env bash
# Runs a command as on a computer that lacks some shared libraries, for tests of what the app says
# then. Needs root (or a user namespace): run it under `unshare -m --propagation private`, so the
# mounts below exist for this command only.
#
#   unshare -m --propagation private bash without_libraries.sh LIBDIR "NAME…" COMMAND [ARG…]
#
# LIBDIR (e.g. /usr/lib/x86_64-linux-gnu) is replaced by a folder of links to each of its files
# except those whose names start with one of NAME… (e.g. "libxcb-icccm.so.4 libxcb-keysyms.so.1").
# The links are made before anything is hidden: the commands making them need LIBDIR themselves.
set -euo pipefail
libdir=$1 hidden=$2
shift 2
work=$(mktemp -d)
mkdir "$work/original" "$work/links"
for file in "$libdir"/*; do
  name=${file##*/}
  skip=0
  for prefix in $hidden; do
    case "$name" in "$prefix"*) skip=1 ;; esac
  done
  [ "$skip" = 1 ] || ln -s "$work/original/$name" "$work/links/$name"
done
mount --bind "$libdir" "$work/original"
mount --bind "$work/links" "$libdir"
"$@"
