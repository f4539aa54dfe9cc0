/* Roll-call in the page: the search filters the rows as it is typed, "Mark all present" and
   "Clear" tick the rows shown, a card number (typed, or typed by a USB scanner that ends with
   Enter) ticks its resident, and where the browser has BarcodeDetector and a camera, "Scan
   cards" reads the QR code of the resident card (it holds the registration number).
   Without this script the same buttons post the sheet back and the server redraws it
   (RollCallForm.sheet); the search folds text the same way as forms.search_fold.
   Loaded with defer, no inline script (CSP); the words come from the form's data-msg-*. */
(function () {
  "use strict";

  var form = document.querySelector("[data-rollcall]");
  if (!form) { return; }
  var rows = Array.prototype.slice.call(form.querySelectorAll("[data-rollcall-rows] li[data-card]"));
  var search = form.elements.namedItem("q");
  var card = form.elements.namedItem("card");
  var notice = form.querySelector("[data-rollcall-notice]");
  var progress = form.querySelector("[data-rollcall-progress]");
  var meter = form.querySelector("[data-rollcall-meter]");
  var shownLine = form.querySelector("[data-rollcall-shown]");
  var markAll = form.querySelector("[data-rollcall-all]");

  function words(template, values) {
    return template.replace(/%\((\w+)\)s/g, function (whole, key) {
      return Object.prototype.hasOwnProperty.call(values, key) ? String(values[key]) : whole;
    });
  }

  function fold(text) {
    return text.normalize("NFKD").replace(/[\u0300-\u036f]/g, "")
      .replace(/đ/g, "d").replace(/Đ/g, "D").toLowerCase();
  }

  function cardKey(text) {
    return text.toUpperCase().replace(/[^0-9A-Z]/g, "");
  }

  function box(row) { return row.querySelector("input[type=checkbox]"); }

  function shownRows() { return rows.filter(function (row) { return !row.hidden; }); }

  function count() {
    var marked = rows.filter(function (row) { return box(row).checked; }).length;
    var shown = shownRows().length;
    progress.textContent = words(form.dataset.msgProgress, { marked: marked, total: rows.length });
    meter.value = marked;
    shownLine.hidden = shown === rows.length;
    shownLine.textContent = words(form.dataset.msgShown, { shown: shown, total: rows.length });
    markAll.textContent = shown === rows.length ? form.dataset.labelAll : form.dataset.labelShown;
  }

  function filter() {
    var terms = fold(search.value).split(/\s+/).filter(Boolean);
    rows.forEach(function (row) {
      var text = row.dataset.search;
      row.hidden = !terms.every(function (term) { return text.indexOf(term) !== -1; });
    });
    count();
  }

  function tell(message, isError) {
    notice.textContent = message;
    notice.classList.toggle("error", Boolean(isError));
  }

  function markCard(number) {
    var key = cardKey(number);
    if (!key) { return false; }
    var row = rows.find(function (each) { return each.dataset.card === key; });
    if (!row) {
      tell(words(form.dataset.msgUnknown, { number: number.trim() }), true);
      return false;
    }
    var name = row.querySelector(".rollcall-name").textContent.trim();
    var input = box(row);
    tell(words(input.checked ? form.dataset.msgAlready : form.dataset.msgMarked, { name: name }));
    input.checked = true;
    row.classList.add("just-marked");
    window.setTimeout(function () { row.classList.remove("just-marked"); }, 1500);
    count();
    return true;
  }

  function tickShown(present) {
    shownRows().forEach(function (row) { box(row).checked = present; });
    count();
  }

  // The redraw buttons stay in the page (Enter in the day field still posts one); the
  // search needs none once it filters as it is typed.
  form.querySelector("[data-rollcall-redraw]").hidden = true;
  search.addEventListener("input", filter);
  search.addEventListener("keydown", function (event) {
    if (event.key === "Enter") { event.preventDefault(); }
  });
  card.addEventListener("keydown", function (event) {
    if (event.key !== "Enter") { return; }
    event.preventDefault();
    if (markCard(card.value)) { card.value = ""; }
  });
  form.querySelector("[data-rollcall-mark-card]").addEventListener("click", function (event) {
    event.preventDefault();
    if (markCard(card.value)) { card.value = ""; }
    card.focus();
  });
  markAll.addEventListener("click", function (event) { event.preventDefault(); tickShown(true); });
  form.querySelector("[data-rollcall-clear]").addEventListener("click", function (event) {
    event.preventDefault();
    tickShown(false);
  });
  form.addEventListener("change", function (event) {
    if (event.target.name === "present") { count(); }
  });
  filter();

  // Scan mode: only where the browser can both read QR codes and open a camera.
  var scanTools = form.querySelector("[data-rollcall-scan-tools]");
  var camera = form.querySelector("[data-rollcall-camera]");
  var video = form.querySelector("[data-rollcall-video]");
  var stream = null;
  var timer = null;
  var lastRead = { value: "", at: 0 };

  function stopScan() {
    if (timer) { window.clearTimeout(timer); timer = null; }
    if (stream) { stream.getTracks().forEach(function (track) { track.stop(); }); stream = null; }
    video.srcObject = null;
    camera.hidden = true;
  }

  function readLoop(detector) {
    if (!stream) { return; }
    detector.detect(video).then(function (codes) {
      var now = Date.now();
      codes.forEach(function (code) {
        // A card held in front of the camera is read many times a second: count it once.
        if (code.rawValue === lastRead.value && now - lastRead.at < 3000) { return; }
        lastRead = { value: code.rawValue, at: now };
        if (markCard(code.rawValue) && navigator.vibrate) { navigator.vibrate(80); }
      });
    }).catch(function () { /* a frame not ready yet: try the next one */ }).then(function () {
      if (stream) { timer = window.setTimeout(function () { readLoop(detector); }, 250); }
    });
  }

  function startScan() {
    var detector = new window.BarcodeDetector({ formats: ["qr_code"] });
    navigator.mediaDevices.getUserMedia({ video: { facingMode: "environment" }, audio: false })
      .then(function (opened) {
        stream = opened;
        video.srcObject = opened;
        camera.hidden = false;
        return video.play();
      })
      .then(function () { readLoop(detector); })
      .catch(function () {
        stopScan();
        tell(form.dataset.msgCamera, true);
      });
  }

  var canScan = "BarcodeDetector" in window && navigator.mediaDevices &&
    typeof navigator.mediaDevices.getUserMedia === "function";
  if (canScan) {
    window.BarcodeDetector.getSupportedFormats().then(function (formats) {
      if (formats.indexOf("qr_code") === -1) { return; }
      scanTools.hidden = false;
      form.querySelector("[data-rollcall-scan]").addEventListener("click", startScan);
      form.querySelector("[data-rollcall-scan-stop]").addEventListener("click", stopScan);
      form.addEventListener("submit", stopScan);
      window.addEventListener("pagehide", stopScan);
    }).catch(function () { /* no QR reader after all: the card number box remains */ });
  }
})();
