// The self-check page: the <credit-check> element does the work; this script switches the page's
// language (its texts come from the core, like the element's) and prints the report. Its buttons
// wait for the element: the texts are in the module, and a click before it loads does nothing.
import { uiTexts, localeReady } from "./credit-check.min.js";

const widget = document.querySelector("credit-check");
const langButton = document.getElementById("lang");
const printButton = document.getElementById("print");

function applyLocale(locale) {
  document.documentElement.lang = locale;
  const texts = uiTexts(locale);
  for (const node of document.querySelectorAll("[data-text]")) node.textContent = texts[node.dataset.text];
  document.title = `${texts.title} · credit-check`;
  langButton.textContent = texts.language;
  langButton.lang = locale === "en" ? "zh-CN" : "en";
  widget.setAttribute("lang", locale);
}

// English is fetched on the first switch to it (the first load carries the Chinese texts only).
langButton.addEventListener("click", async () => {
  const next = widget.locale === "en" ? "zh-CN" : "en";
  langButton.disabled = true;
  try {
    await localeReady(next);
    applyLocale(next);
  } finally {
    langButton.disabled = false;
  }
});
printButton.addEventListener("click", () => print());

widget.addEventListener("credit-check:result", () => {
  document.documentElement.dataset.ready = "true";
}, { once: true });
widget.addEventListener("credit-check:result", () => {
  document.documentElement.dataset.updated = String(Date.now());
});
widget.addEventListener("credit-check:error", (e) => {
  document.documentElement.dataset.error = e.detail.code;
});

customElements.whenDefined("credit-check").then(() => widget.ready).then(() => localeReady(widget.locale)).then(() => {
  applyLocale(widget.locale);
  langButton.disabled = false;
  printButton.disabled = false;
});
