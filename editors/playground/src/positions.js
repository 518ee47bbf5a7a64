// asl-lint gives positions as 1-based lines and columns counted in characters (code points);
// CodeMirror counts UTF-16 code units from the start of the document.

/** The editor offset of `{line, column}` in `doc` (a CodeMirror Text), clamped to the text. */
export function toOffset(doc, { line, column }) {
  if (line > doc.lines) return doc.length;
  const at = doc.line(Math.max(1, line));
  let offset = at.from;
  let remaining = column - 1;
  for (const char of at.text) {
    if (remaining <= 0) break;
    offset += char.length;
    remaining -= 1;
  }
  // A column past the line's end means its line break.
  return Math.min(offset + Math.max(0, remaining), doc.length);
}

/** The innermost of `states` (each with `from` and `to` offsets) that holds `[from, to]`. */
export function innermost(states, from, to = from) {
  let best = null;
  for (const state of states) {
    if (state.from <= from && to <= state.to && (!best || state.to - state.from < best.to - best.from)) {
      best = state;
    }
  }
  return best;
}
