// The form's live parts: reveals, live findings, previews, character counts, pasting from Word,
// error-summary links and autosave. Every action also works without it, as a plain form post.
(function () {
  "use strict";
  document.documentElement.classList.add("js");
  var form = document.getElementById("decision-form");

  function debounce(fn, ms) {
    var timer = null;
    return function () { clearTimeout(timer); timer = setTimeout(fn, ms); };
  }

  function post(url, body) {
    return fetch(url, {method: "POST", body: body, credentials: "same-origin",
      headers: {"Content-Type": "application/x-www-form-urlencoded"}});
  }

  function formBody() {
    var data = new URLSearchParams(new FormData(form));
    data.delete("action");
    return data;
  }

  // Focus what asks for attention: an error summary, a problem, or the field an action moved.
  var attention = document.querySelector("[data-focus-on-load]");
  if (attention) { attention.focus(); }

  // Error summary links move focus to the field, with its label in view (GOV.UK's pattern).
  document.addEventListener("click", function (event) {
    var link = event.target.closest("a[data-focus]");
    if (!link) { return; }
    var target = document.getElementById(link.getAttribute("data-focus"));
    if (!target) { return; }
    event.preventDefault();
    var legend = target.closest("fieldset");
    var label = document.querySelector("label[for='" + target.id + "']");
    (legend || label || target).scrollIntoView();
    target.focus({preventScroll: true});
  });

  // The upload form: a file over the limit is refused before it is sent.
  var upload = document.querySelector("form[data-max-bytes]");
  if (upload) {
    upload.addEventListener("submit", function (event) {
      var input = upload.querySelector("input[type=file]");
      var limit = parseInt(upload.getAttribute("data-max-bytes"), 10);
      var file = input.files && input.files[0];
      var message = null;
      if (!file) { message = "Choose a decision file first"; }
      else if (file.size > limit) { message = file.name + " is larger than a Word draft can be (7 MB): upload it without its pictures, or its decision's .json file"; }
      if (message) {
        event.preventDefault();
        var error = document.getElementById("upload-file-error");
        error.querySelector("[data-upload-message]").textContent = message;
        error.hidden = false;
        input.closest(".form-group").classList.add("form-group-error");
        input.focus();
      }
    });
  }

  if (!form) { return; }
  var index = form.getAttribute("data-index");

  // Reveals: final shows the reference and signature; a confidential mark shows its exemption ground.
  function updateReveals() {
    var status = form.querySelector("input[data-status]:checked");
    var final = status && status.value === "final";
    form.querySelectorAll("[data-reveal=final]").forEach(function (part) {
      var filled = Array.prototype.some.call(part.querySelectorAll("input[type=text], input:not([type])"),
        function (input) { return input.value !== ""; });
      part.hidden = !(final || filled);
    });
    form.querySelectorAll("[data-reveal=confidential]").forEach(function (part) {
      var scope = part.parentElement;
      var mark = scope.querySelector("input[data-confidential]");
      part.hidden = !(mark && mark.checked);
    });
  }
  form.addEventListener("change", updateReveals);
  updateReveals();

  // Live findings: counted as the officer types, shown beside a field once it has been left.
  var touched = {};
  var statusLine = form.querySelector("[data-status-line]");
  var latest = 0;
  function showFindings(result) {
    var byField = {};
    result.findings.forEach(function (f) { (byField[f.field] = byField[f.field] || []).push(f); });
    form.querySelectorAll("[data-error-for]").forEach(function (box) {
      var id = box.getAttribute("data-error-for");
      var found = touched[id] ? (byField[id] || []) : [];
      var group = box.closest(".form-group");
      box.textContent = "";
      found.forEach(function (f, i) {
        if (i) { box.appendChild(document.createElement("br")); }
        var hidden = document.createElement("span");
        hidden.className = "visually-hidden";
        hidden.textContent = (f.severity === "error" ? "Error" : "Warning") + ": ";
        box.appendChild(hidden);
        box.appendChild(document.createTextNode(f.message));
      });
      box.hidden = found.length === 0;
      if (group) { group.classList.toggle("form-group-error", found.length > 0); }
    });
    var text = result.errors ? result.errors + " problem" + (result.errors === 1 ? "" : "s") + " to correct"
      : "No problems found";
    if (result.warnings) { text += ", " + result.warnings + " warning" + (result.warnings === 1 ? "" : "s"); }
    statusLine.textContent = text;
    form.setAttribute("data-findings-shown", String(Date.now()));
  }
  // One request at a time: a change while one is out is checked as soon as it returns, so findings
  // follow typing closely without a request a keystroke piling up.
  var inFlight = false, pending = false;
  function check() {
    if (inFlight) { pending = true; return; }
    inFlight = true;
    var ticket = ++latest;
    post("/d/" + index + "/findings", formBody()).then(function (response) {
      return response.ok ? response.json() : null;
    }).then(function (result) {
      if (result && ticket === latest) { showFindings(result); }
    }).catch(function () { /* the next change tries again */ }).then(function () {
      inFlight = false;
      if (pending) { pending = false; check(); }
    });
  }
  form.addEventListener("input", check);
  form.addEventListener("change", check);
  form.addEventListener("focusout", function (event) {
    var id = event.target.getAttribute && event.target.getAttribute("data-field");
    if (id) { touched[id] = true; check(); }
  });
  // Server-rendered messages (after "Save and check") count as touched.
  form.querySelectorAll("[data-error-for]:not([hidden])").forEach(function (box) {
    touched[box.getAttribute("data-error-for")] = true;
  });

  // Enter in a one-line box does not submit the form (it would press the first button).
  form.addEventListener("keydown", function (event) {
    if (event.key === "Enter" && event.target.tagName === "INPUT" && event.target.type !== "submit") {
      event.preventDefault();
    }
  });

  // Markdown previews and character counts.
  function updateCount(area) {
    var box = form.querySelector("[data-count-for='" + area.id + "']");
    var limit = parseInt(area.getAttribute("data-maxlength"), 10);
    if (!box || !limit) { return; }
    var left = limit - area.value.length;
    if (left < 0) { box.textContent = "You have " + (-left).toLocaleString("en-GB") + " characters too many"; }
    else if (area.value.length > limit * 0.75) { box.textContent = "You have " + left.toLocaleString("en-GB") + " characters remaining"; }
    else { box.textContent = ""; }  // shown from three quarters of the limit, as GOV.UK's threshold
    box.classList.toggle("character-count-over", left < 0);
  }
  form.querySelectorAll("textarea[data-markdown]").forEach(function (area) {
    var target = form.querySelector("[data-preview-for='" + area.id + "']");
    var refresh = debounce(function () {
      var body = new URLSearchParams();
      body.set("text", area.value);
      post("/preview", body).then(function (r) { return r.text(); }).then(function (html) {
        if (target) { target.innerHTML = html; }  // escaped by the server's renderer
      });
    }, 200);
    area.addEventListener("input", function () { refresh(); updateCount(area); });
    // Text from Word: its plain text keeps paragraphs, bullets ("•", "o") and line breaks.
    area.addEventListener("paste", function (event) {
      var data = event.clipboardData && event.clipboardData.getData("text/plain");
      if (!data) { return; }
      event.preventDefault();
      var text = data.replace(/\r\n?/g, "\n").replace(/\u00a0/g, " ");
      var start = area.selectionStart, end = area.selectionEnd;
      area.value = area.value.slice(0, start) + text + area.value.slice(end);
      area.selectionStart = area.selectionEnd = start + text.length;
      area.dispatchEvent(new Event("input", {bubbles: true}));
    });
    updateCount(area);
  });

  // Autosave: what is typed is kept in this browser until it is saved; offered back on the next visit.
  var key = "notice-autosave:" + form.getAttribute("data-autosave-key");
  function snapshot() { return Array.from(new FormData(form)).filter(function (p) { return p[0] !== "action"; }); }
  var opened = JSON.stringify(snapshot());
  if (form.hasAttribute("data-just-saved")) { localStorage.removeItem(key); }
  var keep = debounce(function () {
    var now = JSON.stringify(snapshot());
    if (now === opened && !form.hasAttribute("data-unsaved")) { localStorage.removeItem(key); return; }
    localStorage.setItem(key, JSON.stringify({time: new Date().toISOString(), pairs: snapshot()}));
  }, 300);
  form.addEventListener("input", keep);
  form.addEventListener("change", keep);
  if (form.hasAttribute("data-unsaved")) { keep(); }
  form.addEventListener("submit", function (event) {
    var action = event.submitter && event.submitter.value;
    if (action !== "save" && action !== "check") { keep(); }
  });

  var banner = document.querySelector("[data-autosave-banner]");
  var kept = null;
  try { kept = JSON.parse(localStorage.getItem(key) || "null"); } catch (e) { kept = null; }
  if (kept && !form.hasAttribute("data-unsaved") && !form.hasAttribute("data-just-saved")
      && JSON.stringify(kept.pairs) !== opened) {
    banner.querySelector("[data-autosave-time]").textContent = new Date(kept.time).toLocaleString("en-GB");
    banner.hidden = false;
    banner.querySelector("[data-autosave-restore]").addEventListener("click", function () {
      var restore = document.createElement("form");
      restore.method = "post";
      restore.action = form.getAttribute("action");  // form.action is its button named "action"
      kept.pairs.forEach(function (pair) {
        var input = document.createElement("input");
        input.type = "hidden";
        input.name = pair[0];
        input.value = pair[1];
        restore.appendChild(input);
      });
      // The kept input carries the version it was typed over, so a save after a change on disk is refused.
      document.body.appendChild(restore);
      restore.submit();
    });
    banner.querySelector("[data-autosave-discard]").addEventListener("click", function () {
      localStorage.removeItem(key);
      banner.hidden = true;
      form.querySelector("input, textarea").focus();
    });
  }
})();
