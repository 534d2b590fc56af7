// Filters that apply at once: an input or select with data-submit-on-change submits its form when
// changed (the form keeps its own submit button for keyboards and for pages without JavaScript).
document.addEventListener("change", (event) => {
  const field = event.target.closest("[data-submit-on-change]");
  if (field && field.form) field.form.requestSubmit();
});
