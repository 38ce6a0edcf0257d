/* Runs first in the hidden iframe that iframe-worker-shim.js makes to stand in for a Web Worker (which a
   page opened from disk may not start): it gives the iframe a worker's postMessage and importScripts.
   The same code as the shim's original inline script (iframe-worker 1.0.4, MIT), from a file, so that
   the Content-Security-Policy, which the iframe inherits, runs it. Not strict: it sets the globals. */
(function () {
  var worker = document.currentScript.dataset.worker;
  postMessage = function (data, origin) { parent.postMessage(data, origin || "*"); };
  importScripts = function (...urls) {
    return urls.reduce(function (loaded, url) {
      return loaded.then(function () {
        return new Promise(function (done) {
          var script = document.createElement("script");
          script.src = url;
          script.onload = done;
          document.body.appendChild(script);
        });
      });
    }, Promise.resolve());
  };
  addEventListener("error", function (event) {
    parent.dispatchEvent(new ErrorEvent("error", { filename: worker, error: event.error }));
  });
})();
