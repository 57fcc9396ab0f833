// Previews of the numbered references: hover, focus or tap a marker [n] to read the quote (and the
// site's translation of it, in the other editions), its source and date (copied from the page's References list). Escape closes; on touch a first tap
// opens the preview and a second tap, or the preview's link, goes to the reference. Without this
// script each marker is a plain link to its reference.
(() => {
  const list = document.querySelector(".kz-references");
  if (!list) return;
  const preview = document.createElement("div");
  preview.id = "kz-ref-preview";
  preview.className = "kz-ref-preview md-typeset";
  preview.setAttribute("role", "tooltip");
  preview.hidden = true;
  document.body.append(preview);
  let shown = null, touched = false, wasShown = false, timer = 0;

  const hide = () => {
    clearTimeout(timer);
    if (shown) shown.removeAttribute("aria-describedby");
    shown = null;
    preview.hidden = true;
  };
  const show = mark => {
    clearTimeout(timer);
    const ref = document.getElementById(mark.hash.slice(1));
    if (!ref) return;
    if (shown) shown.removeAttribute("aria-describedby");
    preview.replaceChildren(...[".kz-references__quote", ".kz-translation", ".kz-references__source"]
      .map(part => ref.querySelector(part)).filter(Boolean).map(part => part.cloneNode(true)));
    const go = document.createElement("a");
    go.href = mark.hash;
    go.className = "kz-ref-preview__go";
    go.textContent = list.dataset.previewLink;
    preview.append(go);
    preview.hidden = false;
    const box = mark.getBoundingClientRect(), width = preview.offsetWidth;
    preview.style.left = Math.max(8, Math.min(box.left + scrollX, scrollX + innerWidth - width - 8)) + "px";
    preview.style.top = box.bottom + scrollY + 6 + "px";
    mark.setAttribute("aria-describedby", preview.id);
    shown = mark;
  };
  const later = () => { clearTimeout(timer); timer = setTimeout(hide, 300); };

  for (const mark of document.querySelectorAll("a.kz-ref__mark")) {
    mark.addEventListener("mouseenter", () => show(mark));
    mark.addEventListener("mouseleave", later);
    mark.addEventListener("focus", () => show(mark));
    mark.addEventListener("blur", () => { if (!touched) later(); });
    mark.addEventListener("pointerdown", event => {
      touched = event.pointerType === "touch";
      wasShown = shown === mark;  // before the tap's focus opens it
    });
    mark.addEventListener("click", event => {
      if (touched && !wasShown) { event.preventDefault(); show(mark); }
      else hide();
      touched = false;
    });
  }
  preview.addEventListener("mouseenter", () => clearTimeout(timer));
  preview.addEventListener("mouseleave", later);
  preview.addEventListener("click", hide);
  document.addEventListener("keydown", event => { if (event.key === "Escape" && shown) hide(); });
  document.addEventListener("pointerdown", event => {
    if (shown && !preview.contains(event.target) && !event.target.closest("a.kz-ref__mark")) hide();
  });
})();
