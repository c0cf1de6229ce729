// The studio's editor: CodeMirror 6 with JSON highlighting, folding, search, lint marks and
// completion, bundled by esbuild into www/studio/editor.bundle.js (a build output, see build.sh).
//
// CSP: the page allows only same-origin style sheets (style-src 'self'). CodeMirror's style-mod
// writes its rules into a <style> element on a document, which that policy blocks, but into a
// constructed sheet (adoptedStyleSheets) on a shadow root, which it does not govern. So the editor
// lives in a shadow root and needs no nonce and no 'unsafe-inline'.
import { EditorView, basicSetup } from "codemirror";
import { json } from "@codemirror/lang-json";
import { lintGutter, setDiagnostics } from "@codemirror/lint";
import { autocompletion } from "@codemirror/autocomplete";
import { ensureSyntaxTree, syntaxTree } from "@codemirror/language";
import { EditorSelection } from "@codemirror/state";

const VALUES = new Set(["Object", "Array", "String", "Number", "True", "False", "Null"]);

/** "products[0].limit.steps[3].expr" → ["products", 0, "limit", "steps", 3, "expr"]. */
export function pathKeys(path) {
  const keys = [];
  for (const m of String(path).matchAll(/([^.[\]]+)|\[(\d+)\]/g)) keys.push(m[2] !== undefined ? Number(m[2]) : m[1]);
  return keys;
}

function child(state, node, key) {
  if (typeof key === "string" && node.name === "Object") {
    for (let c = node.firstChild; c; c = c.nextSibling) {
      if (c.name !== "Property" || !c.firstChild) continue;
      let name;
      try {
        name = JSON.parse(state.sliceDoc(c.firstChild.from, c.firstChild.to));
      } catch {
        continue;
      }
      if (name === key) return c.lastChild && VALUES.has(c.lastChild.name) ? c.lastChild : c;
    }
  }
  if (typeof key === "number" && node.name === "Array") {
    let i = 0;
    for (let c = node.firstChild; c; c = c.nextSibling) {
      if (!VALUES.has(c.name)) continue;
      if (i++ === key) return c;
    }
  }
  return null;
}

/** The node at a JSON path, or the deepest one that exists on the way. */
function nodeAt(state, path) {
  // The whole document's tree: CodeMirror parses a long document lazily, and a path near its end
  // (`tests`) would not be found in a partial tree (a second at most; then the partial one).
  let node = (ensureSyntaxTree(state, state.doc.length, 1000) ?? syntaxTree(state)).topNode.firstChild;
  if (!node) return null;
  for (const key of pathKeys(path)) {
    const next = child(state, node, key);
    if (!next) break;
    node = next;
  }
  return node;
}

/** The text range of a JSON path. */
export function rangeOf(state, path) {
  const node = nodeAt(state, path);
  return node ? { from: node.from, to: node.to } : { from: 0, to: 0 };
}

function completionSource(names) {
  return (context) => {
    const word = context.matchBefore(/[A-Za-z_][\w.]*/);
    if (!word || (word.from === word.to && !context.explicit)) return null;
    return { from: word.from, options: names().map((n) => ({ label: n.label, type: n.type, detail: n.detail })), validFor: /^[\w.]*$/ };
  };
}

/**
 * Creates the editor in a shadow root of `host`. `onChange(text)` runs on every edit; `names()`
 * gives the completions ({ label, type, detail }). Returns the editor's small API.
 */
export function createEditor(host, { doc, onChange, names, label }) {
  const root = host.shadowRoot ?? host.attachShadow({ mode: "open" });
  const view = new EditorView({
    doc,
    root,
    parent: root,
    extensions: [
      basicSetup,
      json(),
      lintGutter(),
      autocompletion({ override: [completionSource(names)] }),
      // tabindex: axe counts a contenteditable as not focusable, and the scroller around it needs a focusable child.
      EditorView.contentAttributes.of({ "aria-label": label, tabindex: "0" }),
      EditorView.updateListener.of((u) => {
        if (u.docChanged) onChange(u.state.doc.toString());
      }),
      EditorView.theme({
        "&": { height: "100%", fontSize: "13px", backgroundColor: "#fff" },
        ".cm-scroller": { overflow: "auto", fontFamily: "ui-monospace, Menlo, Consolas, monospace" },
        ".cm-lintRange-error": { backgroundColor: "#fde2e2" },
      }),
    ],
  });
  return {
    view,
    text: () => view.state.doc.toString(),
    setText(text) {
      view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text } });
    },
    /** problems: [{ path?, from?, to?, message, severity }] */
    setProblems(problems) {
      const len = view.state.doc.length;
      const diagnostics = problems.map((p) => {
        const r = p.from !== undefined ? p : rangeOf(view.state, p.path);
        const from = Math.min(r.from, len);
        return { from, to: Math.max(from, Math.min(r.to, len)), severity: p.severity ?? "error", message: p.message };
      });
      view.dispatch(setDiagnostics(view.state, diagnostics));
    },
    jumpTo(path) {
      const r = rangeOf(view.state, path);
      view.dispatch({ selection: EditorSelection.range(r.from, r.to), effects: EditorView.scrollIntoView(r.from, { y: "center" }) });
      view.focus();
    },
    /** Appends a value (as text) at the end of the array at `path`, keeping the rest as typed. */
    appendTo(path, value) {
      const node = nodeAt(view.state, path);
      if (!node || node.name !== "Array") return false;
      let last = null;
      for (let c = node.firstChild; c; c = c.nextSibling) if (VALUES.has(c.name)) last = c;
      const lineOf = view.state.doc.lineAt(last ? last.from : node.from);
      const indent = /^\s*/.exec(lineOf.text)[0] + (last ? "" : "  ");
      const body = JSON.stringify(value, null, 2).replace(/\n/g, "\n" + indent);
      const at = last ? last.to : node.from + 1;
      const insert = last ? `,\n${indent}${body}` : `\n${indent}${body}\n`;
      view.dispatch({ changes: { from: at, insert } });
      return true;
    },
  };
}
