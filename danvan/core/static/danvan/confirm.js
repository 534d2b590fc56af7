// Irreversible steps ask first. A <form data-confirm="question"> (or a submit button with
// data-confirm) opens a dialog; "Hủy" or closing it leaves everything as it was, and only the
// accept button (labelled by data-confirm-label, else the button's text) submits the form.
// Set up from data- attributes only: no inline script or handler (Content-Security-Policy).
(function () {
  let dialog = null;
  let pending = null; // [form, submitter] waiting for an answer

  function build() {
    dialog = document.createElement("div");
    dialog.className = "modal fade";
    dialog.id = "confirm-dialog";
    dialog.tabIndex = -1;
    dialog.setAttribute("role", "dialog");
    dialog.setAttribute("aria-modal", "true");
    dialog.setAttribute("aria-labelledby", "confirm-dialog-title");
    dialog.innerHTML =
      '<div class="modal-dialog modal-dialog-centered"><div class="modal-content">' +
      '<div class="modal-header"><h2 class="modal-title fs-5" id="confirm-dialog-title">Xác nhận</h2>' +
      '<button type="button" class="btn-close" data-bs-dismiss="modal" aria-label="Đóng"></button></div>' +
      '<div class="modal-body"><p class="mb-0" data-confirm-text></p></div>' +
      '<div class="modal-footer">' +
      '<button type="button" class="btn btn-outline-secondary" data-bs-dismiss="modal" data-confirm-cancel>Hủy</button>' +
      '<button type="button" class="btn btn-danger" data-confirm-accept></button>' +
      "</div></div></div>";
    document.body.appendChild(dialog);
    dialog.querySelector("[data-confirm-accept]").addEventListener("click", () => {
      const [form, submitter] = pending || [];
      pending = null;
      bootstrap.Modal.getOrCreateInstance(dialog).hide();
      if (!form) return;
      form.dataset.confirmed = "1";
      if (submitter && submitter.form === form) form.requestSubmit(submitter);
      else form.requestSubmit();
    });
    dialog.addEventListener("hidden.bs.modal", () => {
      pending = null;
    });
    return dialog;
  }

  document.addEventListener(
    "submit",
    (event) => {
      const form = event.target;
      const submitter = event.submitter;
      const question = (submitter && submitter.dataset.confirm) || form.dataset.confirm;
      if (!question) return;
      if (form.dataset.confirmed === "1") {
        delete form.dataset.confirmed; // asked again if the page stays (e.g. an error shown by HTMX)
        return;
      }
      event.preventDefault();
      event.stopImmediatePropagation();
      const box = dialog || build();
      const label =
        (submitter && submitter.dataset.confirmLabel) || form.dataset.confirmLabel || (submitter && submitter.textContent.trim()) || "Đồng ý";
      box.querySelector("[data-confirm-text]").textContent = question;
      box.querySelector("[data-confirm-accept]").textContent = label;
      pending = [form, submitter];
      bootstrap.Modal.getOrCreateInstance(box).show();
    },
    true,
  );
})();
