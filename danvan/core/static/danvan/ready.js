// The last script of every page: once the scripts before it have run and bound the page (widgets on
// DOMContentLoaded, before this handler), controls that need them become clickable (see danvan.css).
// Before, a quick click could open nothing, or send an irreversible step without its confirmation.
document.addEventListener("DOMContentLoaded", () => document.documentElement.classList.add("js-ready"));
