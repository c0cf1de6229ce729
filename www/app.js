// The self-check page: reads the form, evaluates in this browser, shows the result.
import init, { evaluate } from "./pkg/credit_check.js";

const form = document.getElementById("profile");
const wan = (v) => (v.trim() === "" ? undefined : `${v.trim()}万`);
const count = (v) => (v.trim() === "" ? undefined : Number(v));

function profile() {
  const f = new FormData(form);
  const get = (k) => String(f.get(k) ?? "");
  return {
    employees: count(get("employees")),
    techStaff: count(get("techStaff")),
    financials: [
      {
        revenue: wan(get("revenue")),
        rdExpense: wan(get("rdExpense")),
        costsAndExpenses: wan(get("costsAndExpenses")),
      },
    ],
    ip: { classOne: count(get("classOne")), classTwo: count(get("classTwo")) },
  };
}

function render() {
  const error = document.getElementById("error");
  try {
    const report = evaluate(profile(), { locale: "zh-CN", detail: "summary" });
    const sme = report.assessments.techSme;
    document.getElementById("score").textContent = sme.score ?? "—";
    document.getElementById("status").textContent = sme.status;
    error.hidden = true;
  } catch (e) {
    error.textContent = `${e.path}: ${e.message}`;
    error.hidden = false;
  }
}

await init();
form.addEventListener("input", render);
render();
document.documentElement.dataset.ready = "true";
