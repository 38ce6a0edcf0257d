// Firefox Reader View's own pipeline on a saved page: its worker parses the page with JSDOMParser,
// then Readability picks the article. Prints {title, byline, length, text} as JSON (null: not readable).
"use strict";
const fs = require("fs");
const path = require("path");
const modules = path.join(__dirname, "..", "node_modules", "@mozilla", "readability");
const JSDOMParser = require(path.join(modules, "JSDOMParser.js"));
const Readability = require(path.join(modules, "Readability.js"));

const [file, url] = process.argv.slice(2);
console.log = console.error;  // JSDOMParser reports what it could not parse on stdout; keep stdout for the answer
const doc = new JSDOMParser().parse(fs.readFileSync(file, "utf8"), url);
const article = new Readability(doc).parse();
process.stdout.write(JSON.stringify(article && { title: article.title, byline: article.byline, length: article.length, text: article.textContent }));
