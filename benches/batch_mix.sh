# Sourced by system.sh and isolation.sh: `batch_mix DIR` fills DIR with 1,000
# resumes, copies of the fixture PDFs, DOCX and text files in turn.
batch_mix() {
  mkdir -p "$1"
  local i=0 f
  while [ $i -lt 1000 ]; do
    for f in fixtures/resumes/*.pdf fixtures/resumes/*.docx fixtures/resumes/*.txt fixtures/structure/one-column.pdf fixtures/structure/skills-table.docx; do
      [ $i -lt 1000 ] || break
      cp "$f" "$1/r$i.${f##*.}"
      i=$((i + 1))
    done
  done
}
