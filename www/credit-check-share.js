// Sharing and resuming a self-check, privately. A shared link carries what was typed in its
// fragment (`#cc=1.…`), which browsers never send to a server; a draft is kept in this browser's
// localStorage only after the user ticks "save a draft", and "delete draft" removes it.
// Both are read back with the same strict check: a versioned, size-limited list of
// [path, text] pairs whose every path is a field of the form. Anything else is refused whole.

const PREFIX = "#cc=1.";
/** Any self-check fragment, of this version or another (another is refused, with a message). */
const ANY_VERSION = "#cc=";
const DRAFT_KEY = "credit-check:draft:v1";
/** The longest fragment accepted or written (characters), far below any browser's URL limit. */
export const MAX_FRAGMENT = 8000;
/** The longest value of one field, in characters (a company name is at most 200). */
const MAX_VALUE = 200;

function toBase64Url(text) {
  const bytes = new TextEncoder().encode(text);
  let binary = "";
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function fromBase64Url(text) {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) throw new Error("not base64url");
  const binary = atob(text.replace(/-/g, "+").replace(/_/g, "/"));
  const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
  return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
}

/** The values (a Map of path → text) as [path, text] pairs, checked against the form's paths. */
function checked(pairs, paths) {
  if (!Array.isArray(pairs) || pairs.length > paths.size) throw new Error("not a list of fields");
  const values = new Map();
  for (const pair of pairs) {
    if (!Array.isArray(pair) || pair.length !== 2) throw new Error("not a pair");
    const [path, value] = pair;
    if (typeof path !== "string" || !paths.has(path) || values.has(path)) throw new Error(`unknown field ${path}`);
    if (typeof value !== "string" || [...value].length > MAX_VALUE) throw new Error(`bad value for ${path}`);
    values.set(path, value);
  }
  return values;
}

const given = (values) => [...values].filter(([, v]) => v !== "" && v !== undefined);

/** The fragment for these values, or null when it would be longer than MAX_FRAGMENT. */
export function fragmentFor(values) {
  const fragment = PREFIX + toBase64Url(JSON.stringify(given(values)));
  return fragment.length <= MAX_FRAGMENT ? fragment : null;
}

/**
 * Reads a location hash: null when it carries no self-check, `{ values }` when it does and every
 * part of it is valid, `{ error }` otherwise (the caller then changes nothing).
 */
export function readFragment(hash, paths) {
  if (!hash.startsWith(ANY_VERSION)) return null;
  try {
    if (!hash.startsWith(PREFIX)) throw new Error("another version");
    if (hash.length > MAX_FRAGMENT) throw new Error("too long");
    return { values: checked(JSON.parse(fromBase64Url(hash.slice(PREFIX.length))), paths) };
  } catch (e) {
    return { error: String(e.message ?? e) };
  }
}

/** The browser's localStorage, or null where it is unavailable (sandboxed frames, privacy modes). */
function storage() {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}

/** The storage key of one calculator's draft (`which`: its policy and products). */
const keyOf = (which) => `${DRAFT_KEY}:${which}`;

export function hasDraft(which) {
  return (storage()?.getItem(keyOf(which)) ?? null) !== null;
}

/** Saves the draft; false when this browser does not allow it. */
export function saveDraft(values, which) {
  try {
    storage()?.setItem(keyOf(which), JSON.stringify(given(values)));
    return hasDraft(which);
  } catch {
    return false;
  }
}

/** The saved draft's values, or null when there is none or it is not a valid draft (then it is removed). */
export function loadDraft(paths, which) {
  const text = storage()?.getItem(keyOf(which));
  if (text === null || text === undefined) return null;
  try {
    return checked(JSON.parse(text), paths);
  } catch {
    deleteDraft(which);
    return null;
  }
}

export function deleteDraft(which) {
  try {
    storage()?.removeItem(keyOf(which));
  } catch {
    // Nothing was stored where storage is refused.
  }
}
