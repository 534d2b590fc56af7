// The list's "select all" box ticks every row of the page.
document.getElementById("select-all")?.addEventListener("change", (event) => {
  document.querySelectorAll(".row-select").forEach((box) => { box.checked = event.target.checked; });
});
