/* The edition's one script: a paragraph's menu (copy its permanent link, cite it), the page's Cite
   panel built when opened, one citation style at a time, and citations dated today. It only adds to the page; everything it adds
   needs it, and the page reads fully without it. Nothing it adds takes room in the text until asked for. */
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
    if (label) element.setAttribute("aria-label", label);
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

  // One citation style at a time, the reader's last choice on every page: the forms of a work in
  // every style at once fill screens. Without the script (or storage) all of them show, as written.
  const STYLE_KEY = "edition-cite-style";
  function storedStyle() {
    try { return localStorage.getItem(STYLE_KEY); } catch { return null; }
  }
  function showStyle(scope, form) {
    for (const forms of scope.querySelectorAll("dl.cite-forms")) {
      forms.classList.add("cite-forms--one");
      for (const text of forms.querySelectorAll(".cite-text")) {
        const item = text.closest("dd");
        item.hidden = item.previousElementSibling.hidden = text.dataset.form !== form;
      }
    }
  }
  let pickers = 0;
  function addStylePicker(scope) {
    const first = scope.querySelector("dl.cite-forms");
    if (!first) return;
    const picker = Object.assign(document.createElement("p"), { className: "cite-style" });
    const select = Object.assign(document.createElement("select"), { id: `cite-style-${++pickers}` });
    const label = Object.assign(document.createElement("label"), { htmlFor: select.id, textContent: "Citation style " });
    for (const text of first.querySelectorAll(".cite-text")) {
      const name = text.closest("dd").previousElementSibling.textContent;
      select.append(new Option(name, text.dataset.form));
    }
    const stored = storedStyle();
    if (stored && [...select.options].some((option) => option.value === stored)) select.value = stored;
    select.addEventListener("change", () => {
      try { localStorage.setItem(STYLE_KEY, select.value); } catch { /* private mode: this page only */ }
      showStyle(scope, select.value);
    });
    picker.append(label, select);
    scope.prepend(picker);
    showStyle(scope, select.value);
  }

  // The page's citation forms, from the panel's <noscript>: where scripts run the browser keeps
  // its markup as text, which is parsed here (inert: a parsed document runs nothing) when needed.
  const panel = article.querySelector(".cite-panel");
  const formsSource = panel?.querySelector("noscript.cite-forms-source")?.textContent;  // read once: the panel replaces it
  function panelForms() {
    if (!formsSource) return null;
    const parsed = new DOMParser().parseFromString(formsSource, "text/html");
    const forms = document.createDocumentFragment();
    forms.append(...parsed.body.childNodes);
    return forms;
  }

  if (panel) {
    // Built on each opening and removed on closing: Reader View reads the page as it stands, and a
    // closed panel leaves it only the essay.
    panel.addEventListener("toggle", () => {
      const holder = panel.querySelector(".cite-body");
      if (!panel.open) {
        holder.replaceChildren();
        return;
      }
      const forms = panelForms();
      if (!forms) return;
      holder.replaceChildren(forms);
      dateToday(holder);
      addCopyButtons(holder);
      addStylePicker(holder);
    });
  }

  let dialog = null;

  function citeParagraph(id, opener) {
    const paragraph = data.paragraphs[id];
    const body = panelForms();
    if (!paragraph || !body) return;
    if (!dialog) {
      dialog = document.createElement("dialog");
      dialog.className = "cite-dialog";
      dialog.setAttribute("aria-labelledby", "cite-dialog-title");
      dialog.addEventListener("close", () => dialog.opener?.focus());
      document.body.append(dialog);
    }
    // The page's own forms are the template, so the dialog reads exactly like the panel.
    const edition = body.querySelector('[data-work="edition"]');
    // The page's address, already cut where it may break, gains the paragraph's fragment as one more part.
    const url = edition.querySelector(".cite-url");
    url.href = paragraph.url;
    const fragment = Object.assign(document.createElement("span"), { className: "url-part", textContent: `#${id}` });
    url.append(document.createElement("wbr"), fragment);
    for (const text of edition.querySelectorAll(".cite-text")) {
      const form = paragraph.forms[text.dataset.form];
      if (text.tagName === "PRE") text.textContent = form;
      else text.innerHTML = form;
    }
    const title = Object.assign(document.createElement("h2"), { id: "cite-dialog-title", textContent: `Cite paragraph ${id.slice(1)}` });
    const close = button("Close", null, "cite-close");
    close.addEventListener("click", () => dialog.close());
    const holder = Object.assign(document.createElement("div"), { className: "cite-body" });
    holder.append(body);
    dialog.replaceChildren(title, close, holder);
    dateToday(dialog);
    addCopyButtons(dialog);
    addStylePicker(holder);
    dialog.opener = opener;
    dialog.showModal();
  }

  // A paragraph's number opens its menu: copy its permanent link, cite it. One menu serves every
  // paragraph and floats over the page, so the text carries no buttons. Without the script the
  // number is a plain link to the paragraph.
  // It is placed right after the number that opened it, so Tab and Shift+Tab go on from there.
  const menu = Object.assign(document.createElement("span"), { className: "para-menu", id: "para-menu", hidden: true });
  menu.setAttribute("role", "group");
  let menuOpener = null;

  function closeMenu(returnFocus) {
    if (menu.hidden) return;
    menu.hidden = true;
    menuOpener?.setAttribute("aria-expanded", "false");
    if (returnFocus) menuOpener?.focus();
    menuOpener = null;
  }

  function openMenu(opener, paragraph) {
    const number = paragraph.id.slice(1);
    const name = `paragraph ${number}`;
    const link = button("Copy link", `Copy link to ${name}`, "copy-link");
    link.addEventListener("click", () => copy(`${canonical}#${paragraph.id}`, link, `Link to ${name} copied`));
    const items = [link];
    if (data.paragraphs[paragraph.id]) {
      const cite = button("Cite…", `Cite ${name}`, "cite-paragraph");
      cite.addEventListener("click", () => { closeMenu(false); citeParagraph(paragraph.id, opener); });
      items.push(cite);
    }
    const go = Object.assign(document.createElement("a"), { href: `#${paragraph.id}`, className: "para-link", textContent: `¶${number}` });
    go.setAttribute("aria-label", `Link to ${name}`);
    go.addEventListener("click", () => closeMenu(false));
    menu.replaceChildren(go, ...items);
    menu.setAttribute("aria-label", `Paragraph ${number}`);
    opener.after(menu);
    const box = opener.getBoundingClientRect();
    const origin = paragraph.getBoundingClientRect();
    menu.style.top = `${box.bottom - origin.top + 4}px`;
    menu.style.left = `${box.left - origin.left}px`;
    menu.hidden = false;
    // Keep the whole menu inside the window, whichever edge the number is near.
    const right = menu.getBoundingClientRect().right - document.documentElement.clientWidth + 4;
    if (right > 0) menu.style.left = `${box.left - origin.left - right}px`;
    const left = 4 - menu.getBoundingClientRect().left;
    if (left > 0) menu.style.left = `${parseFloat(menu.style.left) + left}px`;
    opener.setAttribute("aria-expanded", "true");
    menuOpener = opener;
    link.focus();
  }

  for (const paragraph of article.querySelectorAll("p.essay-paragraph[id]")) {
    const number = paragraph.querySelector(":scope > a.para-num");
    if (!number) continue;
    // A button of the same size and class in place of the link: the text does not move.
    const opener = button(number.textContent, `Paragraph ${paragraph.id.slice(1)}: copy link or cite`, "para-num");
    opener.setAttribute("aria-expanded", "false");
    opener.setAttribute("aria-controls", "para-menu");
    opener.dataset.searchExclude = "";
    opener.addEventListener("click", () => (menuOpener === opener ? closeMenu(false) : (closeMenu(false), openMenu(opener, paragraph))));
    number.replaceWith(opener);
  }

  // Sidenotes, as Tufte CSS and Gwern.net set them: where the window leaves room right of the text
  // (the stylesheet shows the column), each note stands level with its call. A margin note is short:
  // its number, its citation and the first line of the source's words. The whole note opens over the
  // margin on demand (pointing at or focusing its call, or clicking the note) and closes again. Where
  // calls crowd, notes shorten (fewer lines) rather than drift away from their calls. The notes at the
  // end of the page stay for print, screen readers and narrow screens, so the margin copies are hidden
  // from assistive technology and their links are left out of the tab order.
  const calls = [...article.querySelectorAll("sup[id^='fnref'] > a.footnote-ref")];
  // A fragment that is not valid percent-encoding names no note (and must not stop the script).
  const fragmentId = (href) => { try { return decodeURIComponent(href.slice(1)); } catch { return null; } };
  const noteOf = (call) => document.getElementById(fragmentId(call.getAttribute("href") || "") ?? "");
  // A copy of a note to show elsewhere: no second copy of an id, no way back to a call it is not under.
  function noteCopy(note) {
    const copy = document.createDocumentFragment();
    copy.append(...note.cloneNode(true).children);
    copy.querySelectorAll(".footnote-backref").forEach((back) => back.remove());
    copy.querySelectorAll("[id]").forEach((element) => element.removeAttribute("id"));
    return copy;
  }
  const REACH = 140;  // px: the farthest a margin note may start below its call (the aim is 150 at most)
  const ABOVE = 40;   // px: and above it, so that a note stays beside its own paragraph
  const GAP = 10;     // px between two margin notes
  const SHORTER = ["", "sidenote--lines-3", "sidenote--lines-2", "sidenote--lines-1"];

  // Tops for notes of these heights, as near their calls' tops (`wanted`) as order and gaps allow, none
  // below `end`: least squares under order is isotonic regression, solved by pooling adjacent violators.
  function arrange(wanted, heights, end) {
    const before = [];
    let sum = 0;
    for (const height of heights) { before.push(sum); sum += height + GAP; }
    const pools = [];
    wanted.forEach((top, i) => {
      pools.push({ total: top - before[i], count: 1 });
      while (pools.length > 1 && pools.at(-2).total / pools.at(-2).count > pools.at(-1).total / pools.at(-1).count) {
        const last = pools.pop();
        pools.at(-1).total += last.total;
        pools.at(-1).count += last.count;
      }
    });
    const highest = Math.max(0, end - (sum - GAP));
    const tops = [];
    for (const pool of pools) {
      const shift = Math.min(Math.max(pool.total / pool.count, 0), highest);
      for (let k = 0; k < pool.count; k++) tops.push(shift + before[tops.length]);
    }
    return tops;
  }

  const placed = [];
  if (calls.length) {
    const column = Object.assign(document.createElement("div"), { className: "sidenotes" });
    column.setAttribute("aria-hidden", "true");
    column.dataset.searchExclude = "";
    const seen = new Set();
    for (const call of calls) {
      const note = noteOf(call);
      if (!note || seen.has(note.id)) continue;
      seen.add(note.id);
      const side = Object.assign(document.createElement("div"), { className: "sidenote" });
      side.dataset.note = note.id;
      const body = Object.assign(document.createElement("div"), { className: "sidenote-body" });
      body.append(noteCopy(note));
      const number = Object.assign(document.createElement("span"), { className: "sidenote-number", textContent: call.textContent });
      (body.querySelector("p") || body).prepend(number, " ");
      side.append(body);
      // A margin is no place for a hundred-character address: its site names it, the link goes to it.
      side.querySelectorAll("a.bare-url").forEach((link) => { link.textContent = new URL(link.href).host.replace(/^www\./, ""); });
      side.querySelectorAll("a, button, [tabindex]").forEach((element) => element.setAttribute("tabindex", "-1"));
      column.append(side);
      placed.push([call, side]);
      // A note opened by pointing stays open while the pointer crosses the text to it and rests on it
      // (WCAG 1.4.13, hoverable): leaving the call gives it a grace period, entering it cancels that.
      let closing = 0;
      const show = (on) => {
        clearTimeout(closing);
        side.classList.toggle("sidenote--active", on);
        if (on || !side.classList.contains("sidenote--pinned")) openNote(side, on);
      };
      const hideSoon = (delay) => {
        clearTimeout(closing);
        closing = setTimeout(() => show(false), delay);
      };
      call.addEventListener("pointerenter", () => show(true));
      call.addEventListener("focus", () => show(true));
      call.addEventListener("pointerleave", () => hideSoon(1200));
      call.addEventListener("blur", () => show(false));
      side.addEventListener("pointerenter", () => clearTimeout(closing));
      side.addEventListener("pointerleave", () => { if (side.classList.contains("sidenote--open")) hideSoon(300); });
      const pin = (on) => {
        side.classList.toggle("sidenote--pinned", on);
        show(on);
      };
      side.addEventListener("click", (event) => {
        if (!event.target.closest("a")) pin(!side.classList.contains("sidenote--pinned"));
      });
      // A click on the call holds its margin note open rather than leave the reader's place for the list
      // far below; Enter on the call (a keyboard, a screen reader, to which the margin is hidden) still
      // follows the link to the list.
      call.addEventListener("click", (event) => {
        if (event.detail === 0 || !document.documentElement.classList.contains("edition-sidenotes")) return;
        event.preventDefault();
        pin(!side.classList.contains("sidenote--pinned"));
      });
    }
    article.append(column);

    const layout = () => {
      // Shown where the stylesheet gives the column room and there really is some (a contents list
      // beside it, or a larger root font, can leave too little): else the popups serve.
      column.classList.remove("sidenotes--off");
      const room = column.getBoundingClientRect();
      const shown = getComputedStyle(column).display !== "none" && room.width >= 160 && room.right <= document.documentElement.clientWidth;
      column.classList.toggle("sidenotes--off", !shown);
      document.documentElement.classList.toggle("edition-sidenotes", shown);
      article.style.minHeight = "";
      if (!shown) return;
      const origin = room.top;  // the column starts where the article does, whatever its height
      // The notes end where the text does, above the list that repeats them.
      const list = article.querySelector(":scope > .footnote");
      const last = list?.previousElementSibling;
      const end = (last ? last.getBoundingClientRect().bottom : article.getBoundingClientRect().bottom) - origin;
      const wanted = placed.map(([call]) => call.getBoundingClientRect().top - origin - 4);
      const levels = placed.map(() => 0);
      // Placed by their closed heights: an open note lies over the others and is put back open after.
      const open = placed.filter(([, side]) => side.classList.contains("sidenote--open")).map(([, side]) => side);
      for (const side of open) openNote(side, false);
      for (const [, side] of placed) side.classList.remove(...SHORTER.filter(Boolean));
      const heights = placed.map(([, side]) => side.getBoundingClientRect().height);
      let tops = arrange(wanted, heights, end);
      for (;;) {
        const far = tops.findIndex((top, i) => top - wanted[i] > REACH || wanted[i] - top > ABOVE || top + heights[i] > end + 0.5);
        if (far < 0) break;
        // Shorten the tallest note that can still shorten among those that touch the one too far away.
        let from = far, to = far;
        while (from > 0 && tops[from] - (tops[from - 1] + heights[from - 1]) <= GAP + 1) from--;
        while (to < tops.length - 1 && tops[to + 1] - (tops[to] + heights[to]) <= GAP + 1) to++;
        let pick = -1;
        for (let i = from; i <= to; i++) {
          if (levels[i] < SHORTER.length - 1 && (pick < 0 || heights[i] > heights[pick])) pick = i;
        }
        if (pick < 0) break;
        const side = placed[pick][1];
        side.classList.remove(...SHORTER.filter(Boolean));
        side.classList.add(SHORTER[++levels[pick]]);
        heights[pick] = side.getBoundingClientRect().height;
        tops = arrange(wanted, heights, end);
      }
      tops.forEach((top, i) => { placed[i][1].style.top = `${top}px`; });
      for (const side of open) openNote(side, true);
      // Notes that could not shorten enough make the page longer rather than run into the footer.
      const bottom = Math.max(...tops.map((top, i) => top + heights[i]));
      if (bottom > article.offsetHeight) article.style.minHeight = `${bottom}px`;
    };
    let pending = false;
    const later = () => { if (!pending) { pending = true; requestAnimationFrame(() => { pending = false; layout(); }); } };
    new ResizeObserver(later).observe(article);
    document.fonts?.ready.then(later);
    layout();
  }

  // An open note keeps inside the window as the page scrolls (else it would lie over the header), and
  // closes once its call has left the window.
  let replacing = false;
  addEventListener("scroll", () => {
    if (replacing) return;
    replacing = true;
    requestAnimationFrame(() => {
      replacing = false;
      for (const [call, side] of placed) {
        if (!side.classList.contains("sidenote--open")) continue;
        const box = call.getBoundingClientRect();
        if (box.bottom < 0 || box.top > innerHeight) {  // its call scrolled away: the note closes
          side.classList.remove("sidenote--pinned", "sidenote--active");
          openNote(side, false);
        } else {
          openNote(side, true);
        }
      }
    });
  }, { passive: true });

  // An open margin note lies over the ones below it, whole and inside the window, scrolling if it must.
  function openNote(side, open) {
    side.classList.toggle("sidenote--open", open);
    side.style.transform = "";
    if (!open) return;
    const box = side.getBoundingClientRect();
    const top = (document.querySelector(".md-header")?.getBoundingClientRect().bottom ?? 0) + 8;
    let shift = Math.min(0, innerHeight - 8 - box.bottom);
    if (box.top + shift < top) shift = top - box.top;
    if (shift) side.style.transform = `translateY(${shift}px)`;
  }

  // Where the margin holds no notes (a phone, a narrow window), a note's call opens the whole note in a
  // sheet at the foot of the window, with a close button: a popup would cut a long note off. The
  // list at the end of the page stays where it is, a link away.
  let sheet = null;
  function openSheet(call) {
    const note = noteOf(call);
    if (!note) return;
    if (!sheet) {
      sheet = Object.assign(document.createElement("dialog"), { className: "note-sheet" });
      sheet.setAttribute("aria-labelledby", "note-sheet-title");
      // The focus goes back to the call; the popup that focus would bring (Material's) only repeats the
      // note just closed, and on a phone it would lie over the next call.
      // (the stylesheet hides it until the focus or the pointer moves on).
      sheet.addEventListener("close", () => {
        const opener = sheet.opener;
        if (!opener) return;
        const root = document.documentElement;
        root.classList.add("edition-sheet-closed");
        const done = (event) => {
          if (event.type === "pointerover" && event.target.closest?.("a.footnote-ref") === opener) return;
          root.classList.remove("edition-sheet-closed");
          opener.removeEventListener("blur", done);
          removeEventListener("pointerover", done);
        };
        opener.addEventListener("blur", done);
        addEventListener("pointerover", done);
        opener.focus();
      });
      // A tap on the dimmed page around the sheet closes it.
      sheet.addEventListener("click", (event) => { if (event.target === sheet) sheet.close(); });
      document.body.append(sheet);
    }
    const head = Object.assign(document.createElement("div"), { className: "note-sheet-head" });
    const title = Object.assign(document.createElement("h2"), { id: "note-sheet-title", textContent: `Note ${call.textContent}` });
    const close = button("Close", "Close the note", "note-sheet-close");
    close.addEventListener("click", () => sheet.close());
    head.append(title, close);
    const body = Object.assign(document.createElement("div"), { className: "note-sheet-body md-typeset" });
    body.append(noteCopy(note));
    const list = Object.assign(document.createElement("a"), { href: `#${note.id}`, className: "note-sheet-list", textContent: "The note in the list at the end of the page" });
    list.addEventListener("click", () => { sheet.opener = null; sheet.close(); });
    body.append(list);
    sheet.replaceChildren(head, body);
    sheet.opener = call;
    // The call and the lines before it stay in view above the sheet, which takes at most 60 % of the
    // window: the call is brought to a third of the way down, under the header.
    const header = document.querySelector(".md-header")?.getBoundingClientRect().bottom ?? 0;
    const place = Math.max(header + 16, innerHeight * 0.4 - 32);
    scrollBy({ top: call.getBoundingClientRect().top - place, behavior: "instant" });
    sheet.showModal();
    close.focus();
  }
  addEventListener("click", (event) => {
    const call = event.target.closest?.("a.footnote-ref");
    if (!call || !article.contains(call) || document.documentElement.classList.contains("edition-sidenotes")) return;
    event.preventDefault();
    openSheet(call);
  });
  addEventListener("keydown", (event) => {
    if (event.key !== "Escape") return;
    for (const [, side] of placed) {
      side.classList.remove("sidenote--pinned");
      openNote(side, false);
    }
  });

  // The Sources page's index, sorted by a column or narrowed to a level of confirmation or a section of
  // the essay, in the reader's browser. The table is written in date order and reads in full without
  // the script; the controls (a button in each sortable heading, the filters above the table, written
  // hidden) exist only where this makes them work. Arriving at a record by its link opens its evidence.
  {
    const table = article.querySelector("table.sources-table");
    const body = table?.tBodies[0];
    if (body && table.tHead) {
      const rows = [...body.rows];
      const order = new Map(rows.map((row, n) => [row, n]));
      const headings = [...table.tHead.rows[0].cells].filter((cell) => cell.dataset.sort);
      const numeric = new Set(["level", "cited"]);
      const collator = new Intl.Collator(document.documentElement.lang || undefined, { sensitivity: "base", numeric: true, ignorePunctuation: true });  // "[Statement…]" files under S
      const filters = article.querySelector(".sources-filters");
      const selects = filters ? [...filters.querySelectorAll("select[data-filter]")] : [];
      const shown = filters?.querySelector(".sources-shown");
      const keyOf = (row, column) => {
        const cell = row.querySelector(`.sources-${column}`);
        const raw = cell?.dataset.value ?? cell?.textContent.trim() ?? "";
        return numeric.has(column) ? (raw === "" ? Infinity : Number(raw)) : raw;
      };
      const compare = (column, x, y) => (column === "issuer" || column === "title" ? collator.compare(x, y) : x < y ? -1 : x > y ? 1 : 0);
      const describe = () => {
        const heading = headings.find((cell) => cell.hasAttribute("aria-sort"));
        const count = rows.filter((row) => !row.hidden).length;
        const what = count === rows.length ? `All ${count} sources shown` : `${count} of ${rows.length} sources shown`;
        if (!heading) return `${what}.`;
        const up = heading.getAttribute("aria-sort") === "ascending";
        const way = heading.dataset.sort === "date" ? (up ? "oldest first" : "newest first") : up ? "ascending" : "descending";
        return `${what}, by ${heading.textContent.trim().toLowerCase()}, ${way}.`;
      };
      const report = () => { if (shown) shown.textContent = describe(); };
      const sortBy = (heading, direction) => {
        const column = heading.dataset.sort;
        const sign = direction === "descending" ? -1 : 1;
        // A row with no value (a source cited nowhere) comes last whichever the direction.
        const sorted = [...rows].sort((a, b) => {
          const [x, y] = [keyOf(a, column), keyOf(b, column)];
          if ((x === Infinity) !== (y === Infinity)) return x === Infinity ? 1 : -1;
          return sign * compare(column, x, y) || order.get(a) - order.get(b);
        });
        body.append(...sorted);
        for (const other of headings) other.removeAttribute("aria-sort");
        heading.setAttribute("aria-sort", direction);
        const byDate = column === "date" && direction === "ascending";
        table.querySelectorAll("caption .sources-order").forEach((words) => { words.hidden = !byDate; });
        report();
      };
      for (const heading of headings) {
        const control = document.createElement("button");
        control.type = "button";
        control.append(...heading.childNodes);
        heading.append(control);
        control.addEventListener("click", () => sortBy(heading, heading.getAttribute("aria-sort") === "ascending" ? "descending" : "ascending"));
      }
      table.classList.add("sources-table--sortable");
      const filter = () => {
        const wanted = Object.fromEntries(selects.map((select) => [select.dataset.filter, select.value]));
        for (const row of rows) {
          row.hidden = Boolean((wanted.level && row.dataset.level !== wanted.level)
            || (wanted.section && !(row.dataset.sections || "").split(" ").includes(wanted.section)));
        }
        report();
      };
      for (const select of selects) select.addEventListener("change", filter);
      report();
      if (filters) filters.hidden = false;
    }
    const openRecord = () => {
      const target = location.hash.startsWith("#src-") && document.getElementById(fragmentId(location.hash) ?? "");
      const details = target?.closest?.(".source-entry")?.querySelector("details.source-verification");
      if (details) details.open = true;
    };
    if (article.querySelector(".source-entry")) {
      openRecord();
      addEventListener("hashchange", openRecord);
    }
  }

  addEventListener("keydown", (event) => { if (event.key === "Escape") closeMenu(true); });
  // Closed by a pointer or the focus going elsewhere; not on losing focus, which Safari and Firefox on
  // macOS do on every click on a button, before the click lands.
  addEventListener("pointerdown", (event) => {
    if (!menu.hidden && !menu.contains(event.target) && event.target !== menuOpener) closeMenu(false);
  });
  addEventListener("focusin", (event) => {
    if (!menu.hidden && !menu.contains(event.target) && event.target !== menuOpener) closeMenu(false);
  });
  addEventListener("resize", () => closeMenu(false));
})();
