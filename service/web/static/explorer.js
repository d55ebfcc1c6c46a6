// Place autocomplete for the explorer's filter form: /v1/places?q= fills the <datalist>.
// Without JavaScript the field still takes any name, short name or code.
(function () {
  const input = document.getElementById("place");
  const options = document.getElementById("place-options");
  if (!input || !options) return;
  let timer = null;
  let asked = "";

  async function suggest() {
    const q = input.value.trim();
    if (!q || q === asked) return;
    asked = q;
    try {
      const response = await fetch("/v1/places?limit=10&q=" + encodeURIComponent(q));
      if (!response.ok) return;
      const body = await response.json();
      options.replaceChildren(...body.rows.map(function (place) {
        const option = document.createElement("option");
        option.value = place.name;
        option.label = place.name + " · " + place.level + " · " + place.fact_count + " 条";
        return option;
      }));
    } catch (error) {
      // offline or the API is down: the field still works as free text
    }
  }

  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(suggest, 150);
  });
})();
