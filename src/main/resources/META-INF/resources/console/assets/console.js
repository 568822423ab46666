// Borderwatch console: no inline script (the Content-Security-Policy allows only this file).
(function () {
  'use strict';

  function offset() {
    var minutes = -new Date().getTimezoneOffset();
    var sign = minutes >= 0 ? '+' : '-';
    minutes = Math.abs(minutes);
    var pad = function (n) { return (n < 10 ? '0' : '') + n; };
    return sign + pad(Math.floor(minutes / 60)) + ':' + pad(minutes % 60);
  }

  function live(table) {
    var rows = document.getElementById('inbox-rows');
    var notice = document.getElementById('live-notice');
    var source = new EventSource(table.getAttribute('data-live'));
    source.addEventListener('share', function () {
      fetch(table.getAttribute('data-rows'), { credentials: 'same-origin', headers: { 'Accept': 'text/html' } })
        .then(function (response) { return response.ok ? response.text() : Promise.reject(response.status); })
        .then(function (html) {
          rows.innerHTML = html;
          localTimes(rows);
          notice.textContent = notice.getAttribute('data-text');
          table.setAttribute('data-updated', String(Date.now()));
        })
        .catch(function () { /* the next event or a reload brings the list */ });
    });
  }

  function localTimes(root) {
    var lang = document.documentElement.lang || undefined;
    root.querySelectorAll('time[datetime]').forEach(function (element) {
      var when = new Date(element.getAttribute('datetime'));
      if (!isNaN(when.getTime())) {
        element.title = element.textContent;
        element.textContent = when.toLocaleString(lang, { dateStyle: 'medium', timeStyle: 'short' });
      }
    });
  }

  // Thumbnails of a report's photos: each one fetched for the purpose stated once (every fetch is a recorded download).
  function thumbnails(form) {
    form.hidden = false;
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      var fields = new URLSearchParams(new FormData(form));
      document.querySelectorAll('[data-evidence-image]').forEach(function (item) {
        fetch('/console/evidence/' + item.getAttribute('data-evidence-image'), { method: 'POST', credentials: 'same-origin', body: fields })
          .then(function (response) { return response.ok ? response.blob() : Promise.reject(response.status); })
          .then(function (blob) {
            var image = item.querySelector('img.thumbnail') || document.createElement('img');
            image.className = 'thumbnail';
            image.alt = item.querySelector('code').textContent;
            image.src = URL.createObjectURL(blob);
            item.insertBefore(image, item.firstChild);
          })
          .catch(function (status) { item.setAttribute('data-refused', String(status)); });
      });
    });
  }

  document.addEventListener('DOMContentLoaded', function () {
    document.querySelectorAll('form[data-thumbnails]').forEach(thumbnails);
    localTimes(document);
    document.querySelectorAll('[data-timezone-offset]').forEach(function (input) { input.value = offset(); });
    var table = document.querySelector('table[data-live]');
    if (table && window.EventSource) { live(table); }
  });
}());
