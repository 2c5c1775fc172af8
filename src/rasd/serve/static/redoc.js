// ReDoc over rasd's own /openapi.json, from the vendored redoc bundle (an ES module; no CDN). Search is off:
// it runs in a worker made from a blob URL, which the page's Content-Security-Policy does not allow.
import { init } from "/static/vendor/redoc/redoc.standalone.js";

// Every request stays on this host: ReDoc's footer shows its vendor's logo from the vendor's CDN, so an image
// from elsewhere gets an empty source instead (the component then hides it).
const local = (v) => typeof v !== "string" || v.startsWith("data:") || v.startsWith("/") || v.startsWith(location.origin);
const setAttribute = Element.prototype.setAttribute;
Element.prototype.setAttribute = function (name, value) {
  if (this instanceof HTMLImageElement && name === "src" && !local(value)) value = "data:,";
  return setAttribute.call(this, name, value);
};
const src = Object.getOwnPropertyDescriptor(HTMLImageElement.prototype, "src");
Object.defineProperty(HTMLImageElement.prototype, "src", {
  get() { return src.get.call(this); },
  set(value) { src.set.call(this, local(value) ? value : "data:,"); },
});

init("/openapi.json", { disableSearch: true }, document.getElementById("redoc"));
