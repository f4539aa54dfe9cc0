/* Passkeys (WebAuthn): add one on "Your account", use one at the second step of signing in.
   No library: the server's options (JSON, binary fields in base64url) become the objects
   navigator.credentials wants, and its answer goes back as JSON in the same shape
   (py_webauthn's parse_*_credential_json). Loaded with defer, no inline script (CSP). */
(function () {
  "use strict";

  function toBytes(text) {
    var base64 = text.replace(/-/g, "+").replace(/_/g, "/");
    while (base64.length % 4) { base64 += "="; }
    var raw = atob(base64);
    var bytes = new Uint8Array(raw.length);
    for (var i = 0; i < raw.length; i++) { bytes[i] = raw.charCodeAt(i); }
    return bytes.buffer;
  }

  function toText(buffer) {
    if (!buffer) { return null; }
    var bytes = new Uint8Array(buffer);
    var raw = "";
    for (var i = 0; i < bytes.length; i++) { raw += String.fromCharCode(bytes[i]); }
    return btoa(raw).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
  }

  function descriptors(list) {
    return (list || []).map(function (item) {
      return { type: item.type, id: toBytes(item.id), transports: item.transports };
    });
  }

  function post(url, token, body) {
    return fetch(url, {
      method: "POST",
      credentials: "same-origin",
      headers: { "Content-Type": "application/json", "X-CSRFToken": token },
      body: JSON.stringify(body || {}),
    }).then(function (response) {
      return response.json().then(function (data) {
        if (!response.ok) { throw new Error(data.error || response.statusText); }
        return data;
      });
    });
  }

  function show(box, message) {
    var error = box.querySelector(".passkey-error");
    error.textContent = message;
    error.hidden = !message;
  }

  function common(credential) {
    return {
      id: credential.id,
      rawId: toText(credential.rawId),
      type: credential.type,
      authenticatorAttachment: credential.authenticatorAttachment || null,
      clientExtensionResults: credential.getClientExtensionResults(),
    };
  }

  function create(options) {
    options.challenge = toBytes(options.challenge);
    options.user.id = toBytes(options.user.id);
    options.excludeCredentials = descriptors(options.excludeCredentials);
    return navigator.credentials.create({ publicKey: options }).then(function (credential) {
      var answer = common(credential);
      answer.response = {
        clientDataJSON: toText(credential.response.clientDataJSON),
        attestationObject: toText(credential.response.attestationObject),
        transports: credential.response.getTransports ? credential.response.getTransports() : [],
      };
      return answer;
    });
  }

  function get(options) {
    options.challenge = toBytes(options.challenge);
    options.allowCredentials = descriptors(options.allowCredentials);
    return navigator.credentials.get({ publicKey: options }).then(function (credential) {
      var answer = common(credential);
      answer.response = {
        clientDataJSON: toText(credential.response.clientDataJSON),
        authenticatorData: toText(credential.response.authenticatorData),
        signature: toText(credential.response.signature),
        userHandle: toText(credential.response.userHandle),
      };
      return answer;
    });
  }

  function ceremony(box, ask, body) {
    var token = box.querySelector("[name=csrfmiddlewaretoken]").value;
    var button = box.querySelector("button");
    button.disabled = true;
    show(box, "");
    return post(box.dataset.optionsUrl, token)
      .then(ask)
      .then(function (credential) {
        return post(box.dataset.submitUrl, token, body(credential));
      })
      .then(function (data) { window.location.assign(data.redirect); })
      .catch(function (error) {
        button.disabled = false;
        show(box, error && error.message ? error.message : String(error));
      });
  }

  if (!window.PublicKeyCredential || !navigator.credentials) { return; }
  document.querySelectorAll(".passkey-only").forEach(function (box) { box.hidden = false; });
  document.querySelectorAll(".passkey-unsupported").forEach(function (note) { note.hidden = true; });

  var adding = document.getElementById("passkey-add");
  if (adding) {
    adding.addEventListener("submit", function (event) {
      event.preventDefault();
      var name = adding.querySelector("[name=passkey-name]").value;
      ceremony(adding, create, function (credential) {
        return { name: name, credential: credential };
      });
    });
  }

  var using = document.getElementById("passkey-use");
  if (using) {
    using.querySelector("button").addEventListener("click", function () {
      ceremony(using, get, function (credential) { return { credential: credential }; });
    });
  }
})();
