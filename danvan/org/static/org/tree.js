// The unit tree: a unit's button loads its children once (HTMX), then shows it as open.
document.addEventListener("htmx:afterRequest", (event) => {
  const button = event.detail.elt;
  if (!(button instanceof Element) || !button.matches("[data-tree-toggle]") || !event.detail.successful) return;
  button.setAttribute("aria-expanded", "true");
  button.querySelector("i").className = "bi bi-dash-square";
  button.removeAttribute("hx-get");
  htmx.process(button);
});
