// Long lists of units: every <select data-filter> gets a search box above it that hides the
// options not matching what is typed, ignoring diacritics (đ = d), like the server-side search.
(function () {
  const fold = (text) =>
    text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/[đĐ]/g, "d").toLowerCase().replace(/\s+/g, " ");

  function enhance(select) {
    if (select.dataset.filterReady) return;
    select.dataset.filterReady = "1";
    const input = document.createElement("input");
    input.type = "search";
    input.className = "form-control form-control-sm mb-1";
    input.placeholder = "Gõ để lọc danh sách (gõ không dấu được)";
    // Not the field's own label text: that label must keep naming the select alone.
    input.setAttribute("aria-label", "Lọc danh sách");
    select.parentNode.insertBefore(input, select);
    const options = Array.from(select.options).map((option) => [option, fold(option.textContent)]);
    input.addEventListener("input", () => {
      const wanted = fold(input.value.trim());
      let first = null;
      for (const [option, text] of options) {
        const shown = !wanted || option.value === "" || text.includes(wanted);
        option.hidden = !shown;
        if (shown && option.value && !first) first = option;
      }
      const current = select.selectedOptions[0];
      if (wanted && first && (!current || current.hidden || !current.value)) {
        select.value = first.value;
        select.dispatchEvent(new Event("change", { bubbles: true }));
      }
    });
  }

  const scan = (root) => root.querySelectorAll("select[data-filter]").forEach(enhance);
  document.addEventListener("DOMContentLoaded", () => scan(document));
  document.addEventListener("htmx:afterSwap", (event) => scan(event.target));
})();
