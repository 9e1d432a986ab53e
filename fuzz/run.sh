#!/usr/bin/env bash
# Fuzz one reader for a fixed time, restarting after each crash so the whole budget
# is used; the corpus grows in WORK/corpus and every crash is kept in WORK/crashes.
#
#   fuzz/run.sh READER SECONDS [WORK]      e.g. fuzz/run.sh markdown 1800
#
# Prints one summary line at the end: reader, seconds, executions, crashes.
set -u
reader=${1:?reader (text, markdown, html, ...)}
budget=${2:?seconds}
work=${3:-/tmp/culturelint-fuzz/$reader}
here=$(cd "$(dirname "$0")" && pwd)
python=${PYTHON:-python}
mkdir -p "$work/corpus" "$work/crashes"
# Seed the corpus with the shipped examples of this format.
case $reader in
  markdown) ext=md ;;
  html) ext=html ;;
  text) ext=txt ;;
  *) ext=$reader ;;
esac
i=0
for f in $(find "$here/../examples" "$here/../tests" -name "*.$ext" 2>/dev/null); do
  i=$((i + 1)); cp "$f" "$work/corpus/seed-$i.$ext"
done
dict=()
[ -f "$here/$reader.dict" ] && dict=(-dict="$here/$reader.dict")
start=$(date +%s)
execs=0
while :; do
  left=$((budget - ($(date +%s) - start)))
  [ "$left" -le 5 ] && break
  FUZZ_READER=$reader "$python" "$here/fuzz_readers.py" "${dict[@]}" -timeout=10 \
    -rss_limit_mb=3072 -max_total_time="$left" -print_final_stats=1 \
    -artifact_prefix="$work/crashes/" "$work/corpus" >"$work/last.log" 2>&1
  runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$work/last.log" | grep -o '[0-9]*$')
  if [ -z "$runs" ]; then  # a crash ends the run before the final stats
    runs=$(grep -o '^#[0-9]*' "$work/last.log" | tail -1 | tr -d '#')
  fi
  execs=$((execs + ${runs:-0}))
  if grep -q 'ERROR: libFuzzer' "$work/last.log"; then
    cp "$work/last.log" "$work/crashes/log-$(date +%s).txt"
  fi
done
crashes=$(find "$work/crashes" -name 'crash-*' -o -name 'timeout-*' -o -name 'oom-*' | wc -l)
echo "reader=$reader seconds=$(($(date +%s) - start)) executions=$execs crashes=$crashes"
