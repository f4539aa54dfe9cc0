// The timeline's "Print" link opens the browser's print dialog; without scripts it reloads
// the page with a note saying how to print (people/partials/timeline.html).
document.addEventListener("click", (event) => {
  const link = event.target.closest("[data-print]");
  if (link) {
    event.preventDefault();
    window.print();
  }
});
