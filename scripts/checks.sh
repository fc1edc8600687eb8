#!/bin/sh
# npm test's static checks: type check, lint and format check side by side (each runs on one core), in about half
# the time of one after another. Each one's output is printed when it fails; any failure fails the run.
set -u
dir=$(mktemp -d)
npx tsc -b > "$dir/typecheck" 2>&1 & typecheck=$!
npx eslint . > "$dir/lint" 2>&1 & lint=$!
npx prettier --check . > "$dir/format" 2>&1 & format=$!
status=0
for name in typecheck lint format; do
  eval "pid=\$$name"
  if wait "$pid"; then
    echo "checks: $name passed"
  else
    status=1
    echo "checks: $name FAILED"
    cat "$dir/$name"
  fi
done
rm -rf "$dir"
exit $status
