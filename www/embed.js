// The fictional bank listens to the element's events, as an embedding site would.
const widget = document.querySelector("credit-check");
const out = document.getElementById("last-result");

widget.addEventListener("credit-check:result", (e) => {
  const product = e.detail.products[0];
  const amount = product && product.limit ? `${Number(product.limit.amount) / 10000} 万元` : "—";
  out.textContent = `本行测算（${e.detail.policy.id}）：${product ? product.name : ""} ${amount}`;
  document.documentElement.dataset.ready = "true";
});
widget.addEventListener("credit-check:error", (e) => {
  out.textContent = `错误 ${e.detail.code}：${e.detail.message}`;
  document.documentElement.dataset.error = e.detail.code;
});
