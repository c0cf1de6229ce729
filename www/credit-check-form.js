// The form of <credit-check>, built from the core's description (formSpec): sections, fields, and
// under each field its help, its error and its warnings, linked to the input with
// aria-describedby / aria-errormessage so that a screen reader reads them with the field.
// Every text is set as text, never as markup. The words come from the core.

export function el(tag, attrs = {}, text) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  if (text !== undefined) e.textContent = text;
  return e;
}

/** A DOM id for a profile path: `financials[0].revenue` → `f-financials-0--revenue`. */
export const fieldId = (path) => `f-${path.replace(/[^a-zA-Z0-9]/g, "-")}`;

/** The input (or select) of one field. */
function control(f, value) {
  const id = fieldId(f.path);
  if (f.kind === "flag") {
    const input = el("input", { type: "checkbox", id, name: f.path, part: "input" });
    input.checked = value === "true";
    return input;
  }
  if (f.kind === "choice") {
    const select = el("select", { id, name: f.path, part: "input" });
    select.append(el("option", { value: "" }, "—"));
    for (const c of f.choices) select.append(el("option", { value: c.value }, c.label));
    select.value = value ?? "";
    return select;
  }
  const input = el("input", {
    id,
    name: f.path,
    part: "input",
    type: "text",
    // Amounts may carry 万, 亿 or 元 and counts 人 or 件: a text keyboard, not a numeric one.
    inputmode: f.kind === "text" ? "text" : "decimal",
    autocomplete: "off",
    spellcheck: "false",
  });
  input.value = value ?? "";
  return input;
}

/** One field: label, input with its unit, help, and the (empty) places for its messages. */
export function buildField(f, value, neededBy) {
  const wrap = el("div", { class: `field kind-${f.kind}`, part: "field", "data-path": f.path });
  const input = control(f, value);
  const id = input.id;
  if (f.kind === "flag") {
    const label = el("label", { for: id });
    label.append(input, document.createTextNode(` ${f.label}`));
    wrap.append(label);
  } else {
    wrap.append(el("label", { for: id }, f.label));
    const row = el("div", { class: "input-row" });
    row.append(input);
    if (f.unit) row.append(el("span", { class: "unit", id: `${id}-unit` }, f.unit));
    wrap.append(row);
  }
  wrap.append(
    el("small", { class: "echo", id: `${id}-echo`, hidden: "" }),
    el("p", { class: "field-error", id: `${id}-error`, hidden: "" }),
    el("ul", { class: "field-warnings", id: `${id}-warn`, hidden: "" }),
    el("small", { class: "help", id: `${id}-help` }, f.help),
  );
  if (neededBy) wrap.append(el("small", { class: "needed-by" }, neededBy));
  describe(wrap);
  return wrap;
}

/** Points aria-describedby at whichever of the field's messages are showing, error first. */
function describe(wrap) {
  const input = wrap.querySelector("input, select");
  // The unit is part of the question: "销售收入 … 万元".
  const shown = [".field-error", ".field-warnings", ".unit", ".echo", ".help"]
    .map((s) => wrap.querySelector(s))
    .filter((n) => n && !n.hidden)
    .map((n) => n.id);
  input.setAttribute("aria-describedby", shown.join(" "));
}

/** Shows (or clears, with null) the error of a field. */
export function setFieldError(wrap, message) {
  const box = wrap.querySelector(".field-error");
  // Most updates change nothing at most fields: leave those untouched (a keystroke is a budget).
  if (box.textContent === (message ?? "") && box.hidden === !message) return;
  const input = wrap.querySelector("input, select");
  box.textContent = message ?? "";
  box.hidden = !message;
  if (message) {
    input.setAttribute("aria-invalid", "true");
    input.setAttribute("aria-errormessage", box.id);
  } else {
    input.removeAttribute("aria-invalid");
    input.removeAttribute("aria-errormessage");
  }
  describe(wrap);
}

/** Shows the warnings of a field (an empty list clears them). */
export function setFieldWarnings(wrap, messages) {
  const list = wrap.querySelector(".field-warnings");
  if (list.hidden === (messages.length === 0) && [...list.children].map((li) => li.textContent).join("\n") === messages.join("\n")) return;
  list.replaceChildren(...messages.map((m) => el("li", {}, m)));
  list.hidden = messages.length === 0;
  wrap.classList.toggle("warned", messages.length > 0);
  describe(wrap);
}

/** Shows under an amount how it was read ("= 2,000万"), or nothing. */
export function setFieldEcho(wrap, text) {
  const echo = wrap.querySelector(".echo");
  if (echo.textContent === (text ? `= ${text}` : "") && echo.hidden === !text) return;
  echo.textContent = text ? `= ${text}` : "";
  echo.hidden = !text;
  describe(wrap);
}

/** The form's sections: required ones as fieldsets, optional ones folded. */
export function buildSections(sections, valueOf, neededByOf) {
  return sections.map((section) => {
    const box = section.optional
      ? el("details", { class: "section optional", "data-section": section.id })
      : el("fieldset", { class: "section", "data-section": section.id });
    box.append(el(section.optional ? "summary" : "legend", {}, section.title));
    const grid = el("div", { class: "fields" });
    for (const f of section.fields) grid.append(buildField(f, valueOf(f.path), neededByOf(f.path)));
    box.append(grid);
    return box;
  });
}
