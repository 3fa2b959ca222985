#!/usr/bin/env node
// Naming conventions that bpmnlint/dmnlint cannot see because they need the file name
// (CONTRACT.md: "BPMN process id = file name in processes/"; BRIEF/STYLE: forms/Form_<TaskName>.form
// whose "id" is the file name, referenced with camunda:formRef).
// Usage: node check-conventions.js FILE... ; exit 1 if any file breaks a convention.
'use strict';

const fs = require('node:fs');
const path = require('node:path');

// Ids of elements named <prefix:tag ...> or <tag ...>; a regex is enough for ids (they are NCNames).
function idsOf(xml, tag) {
  const re = new RegExp('<(?:[A-Za-z_][\\w.-]*:)?' + tag + '\\b[^>]*?\\sid="([^"]+)"', 'g');
  return [ ...xml.matchAll(re) ].map(m => m[1]);
}

function check(file) {
  const ext = path.extname(file);
  const base = path.basename(file, ext);
  const text = fs.readFileSync(file, 'utf8');

  if (ext === '.bpmn') {
    const ids = idsOf(text, 'process');
    return ids.includes(base) ? [] : [ `no <process id="${base}"> (file name = process id); found: ${ids.join(', ') || 'none'}` ];
  }
  if (ext === '.dmn') {
    const ids = idsOf(text, 'decision');
    return ids.includes(base) ? [] : [ `no <decision id="${base}"> (file name = decision id); found: ${ids.join(', ') || 'none'}` ];
  }
  if (ext === '.form') {
    let form;
    try {
      form = JSON.parse(text);
    } catch (e) {
      return [ `not valid JSON: ${e.message}` ];
    }
    const problems = [];
    if (!/^Form_[A-Za-z0-9]+$/.test(base)) {
      problems.push('file name must be Form_<TaskName>.form');
    }
    if (form.id !== base) {
      problems.push(`form "id" is ${JSON.stringify(form.id)}, must equal the file name "${base}"`);
    }
    return problems;
  }
  return [ `unexpected file type ${ext}` ];
}

let failed = 0;
for (const file of process.argv.slice(2)) {
  const problems = check(file);
  for (const p of problems) {
    console.log(`${file}: error: ${p}`);
  }
  if (problems.length) {
    failed++;
  }
}
console.log(`conventions: ${process.argv.length - 2} file(s) checked, ${failed} with problems`);
process.exit(failed ? 1 : 0);
