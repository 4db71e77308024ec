#!/usr/bin/env bash
# Agenda PDF: the time Agendum takes to render the PDF of a generated 40-item agenda (Typst
# embedded, warm: fonts loaded and template parsed, as in a running server), against LibreOffice
# (`libreoffice --headless --convert-to pdf`, Debian) converting the same agenda's public HTML
# page, in the same run. Also the time to fetch the stored PDF from a running server.
#
#     bash bench/agenda_pdf.sh
set -euo pipefail
cd "$(dirname "$0")/.."
export DEBIAN_FRONTEND=noninteractive
missing=()
command -v libreoffice >/dev/null 2>&1 || missing+=(libreoffice-writer-nogui)
command -v pdfinfo >/dev/null 2>&1 || missing+=(poppler-utils)
if ((${#missing[@]})); then apt-get update -qq && apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null; fi

cargo build --release --quiet --bin agendum --example bench_data --example bench_pdf
work=$(mktemp -d)
agendum_pid=""
cleanup() {
  [ -n "$agendum_pid" ] && kill "$agendum_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

export AGENDUM_DATABASE_URL="sqlite://$work/agendum.db" AGENDUM_LOG=warn
target/release/agendum demo >/dev/null
# 40 member proposals with long motivations: about two pages each.
large=$(target/release/examples/bench_data "$AGENDUM_DATABASE_URL" 40 5)

# Agendum: ten warm renders of the public PDF; the median counts.
target/release/examples/bench_pdf "$AGENDUM_DATABASE_URL" "$large" 10 >"$work/agendum.pdf" 2>"$work/times"
median() { tr ' ' '\n' | sort -g | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
agendum=$(median <"$work/times")
pages=$(pdfinfo "$work/agendum.pdf" 2>/dev/null | awk '/^Pages:/ {print $2}')

# The served PDF (stored at release) and the HTML page LibreOffice converts.
AGENDUM_BIND=127.0.0.1:18490 target/release/agendum serve >/dev/null &
agendum_pid=$!
for _ in $(seq 1 100); do curl -sf http://127.0.0.1:18490/healthz >/dev/null && break; sleep 0.1; done
curl -sf "http://127.0.0.1:18490/meetings/$large" >"$work/agenda.html"
curl -sf -o /dev/null "http://127.0.0.1:18490/meetings/$large/agenda.pdf"   # warm
served=$(curl -sf -o "$work/served.pdf" -w '%{time_total}' "http://127.0.0.1:18490/meetings/$large/agenda.pdf")
cmp -s "$work/agendum.pdf" "$work/served.pdf" && same="same bytes" || same="bytes differ (rendered at release)"

# LibreOffice: a first conversion creates its profile and is not counted; then three, the best
# of which counts (in LibreOffice's favour).
profile="-env:UserInstallation=file://$work/lo-profile"
echo "<p>warm</p>" >"$work/warm.html"
libreoffice "$profile" --headless --convert-to pdf --outdir "$work/lo" "$work/warm.html" >/dev/null 2>&1
lo_times=()
for _ in 1 2 3; do
  start=$(date +%s.%N)
  libreoffice "$profile" --headless --convert-to pdf --outdir "$work/lo" "$work/agenda.html" >/dev/null 2>&1
  end=$(date +%s.%N)
  lo_times+=("$(awk -v s="$start" -v e="$end" 'BEGIN { printf "%.3f", e - s }')")
done
lo=$(printf '%s\n' "${lo_times[@]}" | sort -g | head -n 1)
lo_pages=$(pdfinfo "$work/lo/agenda.pdf" 2>/dev/null | awk '/^Pages:/ {print $2}')

echo "agendum render (median of 10, warm): ${agendum} s for ${pages} pages; runs: $(cat "$work/times")"
echo "agendum served from the release: ${served} s ($same)"
echo "libreoffice --convert-to pdf of the HTML (best of 3): ${lo} s for ${lo_pages} pages; runs: ${lo_times[*]}"
awk -v a="$agendum" -v l="$lo" 'BEGIN { printf "ratio libreoffice / agendum: %.1f (target >= 10); agendum target <= 0.5 s\n", l / a }'
