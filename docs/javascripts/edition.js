/* The edition's one script: copy a permanent link, cite one paragraph, and date citations today.
   It only adds to the page; everything it adds needs it, and the page reads fully without it. */
(() => {
  "use strict";

  // Material's hidden toggles (menu, search) must not come back open when the reader returns to a page.
  addEventListener("pageshow", () => {
    for (const id of ["__drawer", "__search"]) {
      const toggle = document.getElementById(id);
      if (toggle) toggle.checked = false;
    }
  });

  // Note tooltips (WCAG 1.4.13): Escape dismisses those showing; pointing at or focusing a note brings its own back.
  addEventListener("keydown", (event) => {
    if (event.key !== "Escape") return;
    for (const tip of document.querySelectorAll(".md-tooltip2--active")) tip.classList.add("edition-dismissed");
  });
  for (const type of ["pointerover", "focusin"]) {
    addEventListener(type, (event) => {
      const reference = event.target.closest?.("a.footnote-ref");
      const tip = reference && document.getElementById(reference.getAttribute("aria-controls"));
      tip?.classList.remove("edition-dismissed");
    });
  }

  // On a touch screen the first tap on a note number shows its note; a second tap goes to it.
  let touched = false;
  let shown = null;
  addEventListener("pointerdown", (event) => { touched = event.pointerType === "touch"; }, true);
  addEventListener("click", (event) => {
    const reference = event.target.closest?.("a.footnote-ref");
    if (!reference || !touched || shown === reference) return;
    event.preventDefault();
    shown = reference;
    reference.focus();
  }, true);

  // Material shows a [title] as a tooltip by writing it into the page as HTML (its `content.tooltips`).
  // The edition's titles are text (a glossary entry may hold "<" or "&"), so Material is handed them
  // escaped; this runs before Material mounts its tooltips, and without a script the browser shows the text.
  for (const titled of document.querySelectorAll(".md-content [title]:not([data-preview])")) {
    titled.title = titled.title.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  }

  const article = document.querySelector(".md-content article");
  if (!article) return;
  // Links are copied in their permanent form, not as the address the page happens to be read at
  // (the offline copy, opened from disk, included).
  const canonical = article.querySelector(".page-tools")?.dataset.pageUrl
    || document.querySelector('link[rel="canonical"]')?.href || location.href.split("#")[0];
  const dataElement = article.querySelector("script.cite-data");
  const data = dataElement ? JSON.parse(dataElement.textContent) : { paragraphs: {} };

  // One polite live region tells screen-reader users what a button did.
  const status = document.createElement("div");
  status.className = "edition-status";
  status.setAttribute("role", "status");
  status.setAttribute("aria-live", "polite");
  document.body.append(status);

  function button(text, label, className) {
    const element = document.createElement("button");
    element.type = "button";
    element.className = className;
    element.textContent = text;
    element.setAttribute("aria-label", label);
    return element;
  }

  async function copy(text, control, message) {
    try {
      await navigator.clipboard.writeText(text);
    } catch {
      // Without the asynchronous clipboard (an insecure context, an old browser): select and copy.
      const scratch = Object.assign(document.createElement("textarea"), { value: text });
      document.body.append(scratch);
      scratch.select();
      document.execCommand("copy");
      scratch.remove();
    }
    status.textContent = message;
    control.classList.add("copied");
    setTimeout(() => control.classList.remove("copied"), 1600);
  }

  // The access date in citations becomes the reader's own day, in the form each style gave it.
  const now = new Date();
  const iso = [now.getFullYear(), String(now.getMonth() + 1).padStart(2, "0"), String(now.getDate()).padStart(2, "0")].join("-");
  const long = now.toLocaleDateString("en-US", { year: "numeric", month: "long", day: "numeric" });

  function dateToday(scope) {
    for (const time of scope.querySelectorAll("time.accessed")) {
      time.dateTime = iso;
      time.textContent = long;
    }
    for (const pre of scope.querySelectorAll('pre.cite-text[data-form="bibtex"]')) {
      pre.textContent = pre.textContent.replace(/(urldate = \{)[^}]*/, `$1${iso}`);
    }
    for (const pre of scope.querySelectorAll('pre.cite-text[data-form="ris"]')) {
      pre.textContent = pre.textContent.replace(/^(Y2 {2}- ).*$/m, `$1${iso.replaceAll("-", "/")}`);
    }
  }

  function addCopyButtons(scope) {
    for (const text of scope.querySelectorAll(".cite-text")) {
      const form = text.closest("dd").previousElementSibling.textContent;
      const work = text.closest(".cite-work").dataset.work === "original" ? "the original essay" : "this edition";
      const control = button("Copy", `Copy the ${form} citation of ${work}`, "cite-copy");
      control.addEventListener("click", () => copy(text.textContent.trim(), control, `${form} citation copied`));
      text.after(control);
    }
  }

  let dialog = null;

  function citeParagraph(id, opener) {
    const paragraph = data.paragraphs[id];
    if (!dialog) {
      dialog = document.createElement("dialog");
      dialog.className = "cite-dialog";
      dialog.setAttribute("aria-labelledby", "cite-dialog-title");
      dialog.addEventListener("close", () => dialog.opener?.focus());
      document.body.append(dialog);
    }
    // The page's own panel is the template, so the dialog reads exactly like it.
    const body = article.querySelector(".cite-panel .cite-body").cloneNode(true);
    body.querySelectorAll(".cite-copy").forEach((control) => control.remove());
    const edition = body.querySelector('[data-work="edition"]');
    const url = edition.querySelector(".cite-url");
    url.href = url.textContent = paragraph.url;
    for (const text of edition.querySelectorAll(".cite-text")) {
      const form = paragraph.forms[text.dataset.form];
      if (text.tagName === "PRE") text.textContent = form;
      else text.innerHTML = form;
    }
    const title = Object.assign(document.createElement("h2"), { id: "cite-dialog-title", textContent: `Cite paragraph ${paragraph.label}` });
    const close = button("Close", "Close", "cite-close");
    close.addEventListener("click", () => dialog.close());
    dialog.replaceChildren(title, close, body);
    dateToday(dialog);
    addCopyButtons(dialog);
    dialog.opener = opener;
    dialog.showModal();
  }

  function headingName(heading) {
    const copyOf = heading.cloneNode(true);
    copyOf.querySelectorAll(".headerlink, .anchor-tools").forEach((element) => element.remove());
    return `section “${copyOf.textContent.trim()}”`;
  }

  for (const target of article.querySelectorAll("h1, h2[id], h3[id], h4[id], p.essay-paragraph[id]")) {
    if (target.closest(".page-tools, .cite-panel")) continue;
    const isParagraph = target.matches("p");
    const isTitle = target.matches("h1");
    const name = isParagraph ? `paragraph ${target.id.slice(1)}` : isTitle ? "this page" : headingName(target);
    const tools = document.createElement("span");
    tools.className = "anchor-tools";
    const link = button("Copy link", `Copy link to ${name}`, "copy-link");
    // The title stands for the page: its link is the page's own address.
    const url = isTitle ? canonical : `${canonical}#${target.id}`;
    link.addEventListener("click", () => copy(url, link, `Link to ${name} copied`));
    tools.append(link);
    if (isParagraph && data.paragraphs[target.id]) {
      const cite = button("Cite", `Cite ${name}`, "cite-paragraph");
      cite.addEventListener("click", () => citeParagraph(target.id, cite));
      tools.append(cite);
    }
    target.append(tools);
  }

  const panel = article.querySelector(".cite-panel");
  if (panel) {
    dateToday(panel);
    addCopyButtons(panel);
  }
})();
