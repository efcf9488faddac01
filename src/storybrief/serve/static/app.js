// storybrief serve: the only script of the app (no inline script: the Content-Security-Policy forbids it).
// While an upload is being added, show that it is under way and keep the button from sending it twice.
"use strict";
document.addEventListener("DOMContentLoaded", function () {
  var form = document.getElementById("add-form");
  if (!form) return;
  form.addEventListener("submit", function () {
    var progress = document.getElementById("progress");
    var button = form.querySelector("button[type=submit]");
    if (progress) progress.hidden = false;
    if (button) {
      setTimeout(function () { button.disabled = true; }, 0);
    }
  });
});
