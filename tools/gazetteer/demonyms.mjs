// Writes seeds/demonyms.csv: the English nationality words of every country in the gazetteer ("Haitian", "Filipinos"),
// from the npm package world-countries (ODbL), keyed by the gazetteer's own country keys. The extractor reads a
// demonym as a vote for the document's country; a new country needs a row here, not code. The curated rows below win
// (plurals the package lacks, "Congolese" for DR Congo); a word a sovereign country shares with
// a territory is the sovereign country's; one two sovereign countries share is left out unless curated.
// Run: npm install && node demonyms.mjs [SEEDS_DIR]
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { gunzipSync } from "node:zlib";
import path from "node:path";

const require = createRequire(import.meta.url);
const seeds = path.resolve(process.argv[2] ?? new URL("../../seeds", import.meta.url).pathname);
const world = require("world-countries");

const fold = s => s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/[‘’ʼʻʿʾ`´']/g, "");
const core = s => fold(s).toLowerCase().replace(/\bthe\b/g, " ").replace(/[^a-z0-9 ]/g, " ").replace(/\s+/g, " ").trim();

// Country rows of both layers: key, name, aliases (the first lines of the generated file are its countries).
const lines = [
  ...readFileSync(path.join(seeds, "places.csv"), "utf8").split("\n").slice(1),
  ...gunzipSync(readFileSync(path.join(seeds, "places.geonames.csv.gz"))).toString("utf8").split("\n").slice(1),
];
const keyByName = new Map();
for (const line of lines) {
  const [key, name, parent, kind, aliases] = line.split(",");
  if (kind !== "country" || parent) continue;
  for (const n of [name, ...(aliases ?? "").split("|")].filter(Boolean)) if (!keyByName.has(core(n))) keyByName.set(core(n), key);
}

// Curated: words the package lacks or gets ambiguous for the news this project reads; they win over the package.
const curated = [
  ["Congolese", "drc"], ["Gazan", "palestine"], ["Gazans", "palestine"], ["Burmese", "myanmar"], ["Burkinabe", "burkina-faso"],
  ["Nigerien", "niger"], ["Nigeriens", "niger"], ["Rohingya", "myanmar"], ["Kosovar", "kosovo"], ["Emirati", "united-arab-emirates"],
  ["Emiratis", "united-arab-emirates"], ["Filipino", "philippines"], ["Filipinos", "philippines"], ["Israeli", "israel"],
  ["Palestinian", "palestine"], ["Palestinians", "palestine"], ["Saudi", "saudi-arabia"], ["Saudis", "saudi-arabia"],
  // Adjectives and spellings news uses that the package's person nouns miss ("Philippine Army", "Azeri forces", "Ecuadorian").
  ["Philippine", "philippines"], ["Azeri", "azerbaijan"], ["Azeris", "azerbaijan"], ["Tajik", "tajikistan"], ["Tajiks", "tajikistan"],
  ["Kyrgyz", "kyrgyzstan"], ["Uzbek", "uzbekistan"], ["Uzbeks", "uzbekistan"], ["Kazakh", "kazakhstan"], ["Kazakhs", "kazakhstan"],
  ["Nepali", "nepal"], ["Nepalis", "nepal"], ["Ecuadorian", "ecuador"], ["Ecuadorians", "ecuador"], ["Lao", "laos"],
  ["Salvadorean", "el-salvador"], ["Salvadoreans", "el-salvador"], ["Burkinabè", "burkina-faso"], ["Timorese", "east-timor"],
];
const plural = w => /(s|sh|ch|ese|x|z)$/i.test(w) ? null : `${w}s`;
const seen = new Map(); // word → key, or null when two countries share it
const curatedWords = new Set(curated.map(([w]) => w.toLowerCase()));
let unmatched = [];
for (const c of world) {
  const key = [c.name.common, c.name.official, ...c.altSpellings].map(n => keyByName.get(core(n))).find(Boolean);
  if (!key) { unmatched.push(c.name.common); continue; }
  // "Antiguan, Barbudan": a pair of words, each the country's.
  const words = new Set([c.demonyms?.eng?.m, c.demonyms?.eng?.f].filter(Boolean).flatMap(w => w.split(/, | and /)));
  for (const w of [...words]) { const p = plural(w); if (p && !w.includes(" ")) words.add(p); }
  for (const w of words) {
    const k = w.toLowerCase();
    if (curatedWords.has(k)) continue;
    // A word a sovereign country shares with a territory ("French", "Indian") is the sovereign country's.
    const entry = { word: w, key, independent: c.independent === true };
    const prior = seen.get(k);
    if (!seen.has(k) || prior && !prior.independent && entry.independent) seen.set(k, entry);
    else if (prior && prior.key !== key && prior.independent === entry.independent) seen.set(k, null);
  }
}
const rows = [...curated.map(([word, key]) => ({ word, key })), ...[...seen.values()].filter(Boolean)]
  .filter(r => keyByName.size && [...keyByName.values()].includes(r.key))
  .sort((a, b) => a.word.localeCompare(b.word, "en"));
const shared = [...seen.entries()].filter(([, v]) => v === null).map(([k]) => k);
writeFileSync(path.join(seeds, "demonyms.csv"), "demonym,country\n" + rows.map(r => `${r.word},${r.key}`).join("\n") + "\n");
console.log(`${rows.length} demonyms → ${path.join(seeds, "demonyms.csv")}; shared and left out: ${shared.join(", ")}; `
  + `countries the gazetteer lacks: ${unmatched.length}`);
