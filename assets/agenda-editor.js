// Drag and drop for the agenda editor. Without JavaScript the Op/Ned buttons do the same; the
// server decides where an item may stand (approval first, closed items last) and refuses a
// drop from an outdated page, exactly as for the buttons.
(function () {
  "use strict";
  var list = document.querySelector("ol.agenda-editor");
  if (!list || !list.querySelector("form")) {
    return;
  }
  var dragged = null;
  var items = function () {
    return Array.prototype.slice.call(list.querySelectorAll("li.agenda-editor-item"));
  };
  items().forEach(function (li) {
    li.setAttribute("draggable", "true");
    li.addEventListener("dragstart", function (event) {
      dragged = li;
      li.classList.add("dragging");
      event.dataTransfer.effectAllowed = "move";
      event.dataTransfer.setData("text/plain", li.dataset.item);
    });
    li.addEventListener("dragend", function () {
      li.classList.remove("dragging");
    });
    li.addEventListener("dragover", function (event) {
      if (dragged && dragged !== li && dragged.dataset.group === li.dataset.group) {
        event.preventDefault();
        event.dataTransfer.dropEffect = "move";
      }
    });
    li.addEventListener("drop", function (event) {
      event.preventDefault();
      if (!dragged || dragged === li) {
        return;
      }
      var to = items().indexOf(li);
      var body = new URLSearchParams();
      body.set("csrf", list.dataset.csrf);
      body.set("lock", list.dataset.lock);
      body.set("action", "move");
      body.set("to", String(to));
      var url = "/secretariat/meetings/" + list.dataset.meeting + "/agenda/items/" + dragged.dataset.item;
      fetch(url, { method: "POST", body: body, credentials: "same-origin" }).then(function (response) {
        return response.text().then(function (html) {
          if (response.ok && response.redirected) {
            window.location.assign(response.url);
          } else {
            // A refusal comes back as the editor with its message: show it.
            document.open();
            document.write(html);
            document.close();
          }
        });
      });
    });
  });
})();

// The new-item form: an indstilling's sections open when that kind is chosen, and fold when
// another is; without JavaScript they stay a folded part of the form.
(function () {
  "use strict";
  var kind = document.getElementById("kind");
  var sections = document.querySelector("details.section-details[data-kind]");
  if (!kind || !sections) {
    return;
  }
  kind.addEventListener("change", function () {
    sections.open = kind.value === sections.dataset.kind;
  });
})();
