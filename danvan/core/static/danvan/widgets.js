// The pickers of every form, set up from data- attributes (no inline script):
// - <select data-unit-picker>: Tom Select, a searchable (multi-)select; typing "long thuan" finds
//   "Đảng ủy xã Long Thuận" (diacritics ignored, đ = d).
// - <select data-autosubmit>: the form is sent as soon as another value is chosen.
// - <input data-date-picker>: flatpickr with the Vietnamese calendar; shows and accepts dd/mm/yyyy
//   whatever the browser's language (the server reads the same text).
(function () {
  function unitPicker(select) {
    if (select.tomselect || typeof TomSelect === "undefined") return;
    const multiple = select.multiple;
    // The empty choice ("— Chọn đơn vị —", "Tất cả đơn vị") is shown as the placeholder; an optional
    // choice gets a × to go back to it.
    const plugins = multiple
      ? { remove_button: { title: "Bỏ đơn vị này" } }
      : select.required
        ? {}
        : { clear_button: { title: "Bỏ chọn" } };
    new TomSelect(select, {
      plugins: plugins,
      allowEmptyOption: false,
      maxOptions: 300, // rendered at once; typing narrows the thousands
      diacritics: true,
      hideSelected: multiple,
      closeAfterSelect: !multiple,
      placeholder: multiple ? "Gõ tên đơn vị để tìm và chọn (gõ không dấu được)" : undefined,
      render: {
        no_results: () => '<div class="no-results">Không tìm thấy đơn vị nào.</div>',
      },
    });
  }

  // "Tháng 1".."Tháng 12" as clerks write them: the locale's "Tháng mười hai" is so long that it
  // pushed the year out of the calendar's header.
  const MONTHS = Array.from({ length: 12 }, (_, i) => "Tháng " + (i + 1));

  function datePicker(input) {
    if (input._flatpickr || typeof flatpickr === "undefined") return;
    flatpickr(input, {
      locale: Object.assign({}, flatpickr.l10ns.vn, { months: { shorthand: MONTHS, longhand: MONTHS } }),
      ariaDateFormat: "d/m/Y",
      dateFormat: "d/m/Y",
      allowInput: true,
      disableMobile: true, // the phone's native date input would bring back the browser's format
      animate: false,
    });
  }

  function autosubmit(select) {
    if (select._autosubmit) return;
    select._autosubmit = true;
    select.addEventListener("change", () => select.form && select.form.submit());
  }

  function scan(root) {
    root.querySelectorAll("select[data-autosubmit]").forEach(autosubmit);
    root.querySelectorAll("select[data-unit-picker]").forEach(unitPicker);
    root.querySelectorAll("input[data-date-picker]").forEach(datePicker);
  }
  document.addEventListener("DOMContentLoaded", () => scan(document));
  // htmx:load fires on the new content itself (an outerHTML swap replaces the swap target).
  document.addEventListener("htmx:load", (event) => scan(event.target));
})();
