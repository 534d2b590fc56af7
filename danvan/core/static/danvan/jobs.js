// Background jobs' pages (no inline script or style: the CSP allows neither).
(() => {
  // Progress bars take their width from data-width.
  const apply = (root) => {
    root.querySelectorAll(".progress-bar[data-width]").forEach((bar) => {
      bar.style.width = `${bar.dataset.width}%`;
    });
  };
  apply(document);
  document.addEventListener("htmx:afterSwap", () => apply(document));
  // A button marked data-once is disabled once its form is sent: no double upload or double write.
  document.querySelectorAll("form button[data-once]").forEach((button) => {
    button.form.addEventListener("submit", () => {
      setTimeout(() => { button.disabled = true; }, 0);
    });
  });
})();
