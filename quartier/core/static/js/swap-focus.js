// After an htmx swap, move focus to what the new content reports: the error summary
// first, else the message. Without this, focus drops to <body> when the form that held
// it is replaced. Pages work without it; htmx only adds the swap.
const TARGETS = ".form-errors, [data-swap-focus]";

document.addEventListener("htmx:afterSettle", (event) => {
  const root = event.target;
  if (!(root instanceof Element) || !root.isConnected) return;
  const target = root.matches(TARGETS) ? root : root.querySelector(TARGETS);
  if (target) target.focus();
});
