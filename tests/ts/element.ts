// Type-checked by `make test`: the element's declarations (credit-check/element) give editors
// and frameworks its tag, properties, methods and typed events.
import type { CreditCheckElement, CreditCheckErrorDetail } from "credit-check/element";

async function use(): Promise<void> {
  const el: CreditCheckElement | null = document.querySelector("credit-check");
  if (!el) return;
  await el.ready;
  el.setField("financials[0].revenue", "3000万");
  el.setField("resident", true);
  el.fillExample();
  el.reset();
  el.addEventListener("credit-check:result", (e) => console.log(e.detail.products.length, e.detail.policy.id));
  el.addEventListener("credit-check:error", (e) => {
    const detail: CreditCheckErrorDetail = e.detail;
    console.log(detail.code, detail.path, detail.errors.length);
  });
  const made = document.createElement("credit-check");
  made.policy = undefined;
  console.log(made.report?.assessments.techSme?.score);
}

void use();
