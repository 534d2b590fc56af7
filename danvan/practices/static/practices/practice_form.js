// The practice form: one submit, levels of the chosen year, the individual-only fields.
(() => {
  const form = document.getElementById("practice-form");
  // A second click while the first submit is on its way does nothing.
  form.addEventListener("submit", () => {
    setTimeout(() => form.querySelectorAll("button[type=submit]").forEach((b) => { b.disabled = true; }), 0);
  });
  // Levels that do not exist in the chosen year (e.g. "Cấp huyện" after 2025) are hidden.
  const year = document.getElementById("id_year");
  const levels = ["id_level", "id_recognized_level"].map((id) => document.getElementById(id)).filter(Boolean);
  const sync = () => {
    const y = parseInt(year.value, 10);
    levels.forEach((select) => select.querySelectorAll("option[data-from], option[data-until]").forEach((option) => {
      const valid = !y || ((!option.dataset.from || y >= +option.dataset.from) && (!option.dataset.until || y <= +option.dataset.until));
      option.hidden = !valid;
      option.disabled = !valid && !option.selected;
    }));
  };
  if (year) { year.addEventListener("input", sync); sync(); }
  // Name and position matter only for an individual exemplar.
  const subject = document.getElementById("id_subject");
  const toggle = () => document.querySelectorAll(".individual-only").forEach((column) => {
    column.classList.toggle("d-none", subject.value !== "individual");
  });
  if (subject) { subject.addEventListener("change", toggle); toggle(); }
})();
