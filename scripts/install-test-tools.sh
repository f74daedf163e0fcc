#!/usr/bin/env bash
# Installs the programs the tests drive from Debian's packages: chromium (the
# HTML report is opened, screenshotted and printed in a real browser),
# fonts-noto-cjk (so Chinese renders in it) and gnumeric (its ssconvert
# re-saves a filled-in form, as a liaison's office suite would), LibreOffice
# (Writer and Calc, headless: .docx output is converted to PDF, forms are
# re-saved as a liaison's office suite would) and poppler-utils (pdftoppm and
# pdftotext read the PDF pages back) and strace (tests count the files a run
# looks at, and delay its fsync). A few minutes on a fresh machine; nothing
# when they are already there.
set -euo pipefail
need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v ssconvert >/dev/null 2>&1 || need+=(gnumeric)
[ -d /usr/share/fonts/opentype/noto ] && ls /usr/share/fonts/opentype/noto | grep -q CJK || need+=(fonts-noto-cjk)
command -v soffice >/dev/null 2>&1 || need+=(libreoffice-writer-nogui libreoffice-calc-nogui)
command -v pdftoppm >/dev/null 2>&1 || need+=(poppler-utils)
command -v strace >/dev/null 2>&1 || need+=(strace)
if [ ${#need[@]} -eq 0 ]; then
  exit 0
fi
if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null 2>&1; then
  echo "!! 未能安装 ${need[*]}（需要 root 和 apt-get）：依赖它们的测试会在输出中说明没有运行。" >&2
  exit 0
fi
echo "安装测试用的程序：${need[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq "${need[@]}" >/dev/null
