#!/bin/sh
# Copies what `trustgate serve` needs at run time from a built checkout (the current directory) to $1: production
# node_modules, each package's package.json and dist, the CLI's bin, the store's SQL migrations. The Dockerfile's final
# stage takes only this; test/repo/dockerfile.test.ts builds the same tree and starts the App from it.
set -eu
out=$1
copy=${COPY:-cp -a}
mkdir -p "$out"
$copy package.json node_modules "$out/"
for p in packages/*/ app/; do
  mkdir -p "$out/$p"
  $copy "${p}package.json" "${p}dist" "$out/$p"
done
$copy packages/cli/bin "$out/packages/cli/"
mkdir -p "$out/packages/metrics/src/store"
$copy packages/metrics/src/store/migrations "$out/packages/metrics/src/store/"
# Workspace links to what is not shipped (the actions) would dangle; build info is of no use at run time.
rm -f "$out"/node_modules/@trustgate/action-*
find "$out/packages" "$out/app" -name '*.tsbuildinfo' -delete
