// Upload progress for the SCORM import form. Without JavaScript the form posts as usual; with it,
// the same request goes through XMLHttpRequest, whose upload events drive a progress bar (fetch
// has none), and the answer replaces the page as a normal submission would.
(function () {
  'use strict';
  var form = document.querySelector('form.scorm-upload');
  if (!form) return;
  var box = form.querySelector('.upload-progress');
  var bar = box.querySelector('progress');
  var label = box.querySelector('[role="status"]');
  form.addEventListener('submit', function (event) {
    if (!window.FormData || !form.checkValidity()) return;
    event.preventDefault();
    var button = form.querySelector('button[type="submit"]');
    button.disabled = true;
    box.hidden = false;
    var xhr = new XMLHttpRequest();
    xhr.open('POST', form.action);
    xhr.upload.addEventListener('progress', function (progress) {
      if (!progress.lengthComputable) return;
      var percent = Math.round((progress.loaded / progress.total) * 100);
      bar.value = percent;
      label.textContent = label
        .getAttribute('data-uploading')
        .replace('{percent}', String(percent));
      if (percent >= 100) label.textContent = label.getAttribute('data-checking');
    });
    xhr.addEventListener('load', function () {
      document.open();
      document.write(xhr.responseText);
      document.close();
    });
    xhr.addEventListener('error', function () {
      // Fall back to a plain submission, which shows the browser's own error if the network is down.
      button.disabled = false;
      form.submit();
    });
    xhr.send(new FormData(form));
  });
})();
