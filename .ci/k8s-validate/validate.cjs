#!/usr/bin/env node
// Validates every object of a rendered kustomize overlay against its schema, offline:
//  - Kubernetes kinds with the kubernetes-models package, Prometheus Operator kinds with
//    @kubernetes-models/prometheus-operator (JSON Schemas compiled from the upstream OpenAPI definitions);
//  - CloudNativePG and Keycloak-operator kinds with the schemas in ./schemas (written for the fields this project
//    uses; see the header of each file).
// The upstream Kubernetes schemas do not refuse unknown fields, so every object is also checked for fields the
// schema does not know (a misspelt field would otherwise be dropped silently by the API server).
// An object whose apiVersion/kind has no schema is an error.
//
// usage: node validate.cjs NAME RENDERED.yaml   (exit status 0 when every object is valid)
'use strict';
const fs = require('fs');
const path = require('path');
const YAML = require('yaml');
const Ajv = require('ajv');

const [name, file] = process.argv.slice(2);
if (!name || !file) {
  console.error('usage: validate.cjs NAME RENDERED.yaml');
  process.exit(2);
}

// ---- Kubernetes models: validation plus unknown-field detection ----

function loadModel(specifier) {
  const exportName = specifier.split('/').pop();
  try {
    return require(specifier)[exportName] || null;
  } catch (e) {
    if (e.code === 'MODULE_NOT_FOUND' || e.code === 'ERR_PACKAGE_PATH_NOT_EXPORTED') return null;
    throw e;
  }
}

// A deep copy of `value` whose objects record which properties the validator reads. The compiled validators read
// every property their schema declares; maps (labels, annotations, ConfigMap data, ...) are enumerated instead.
function tracked(value, at, objects) {
  if (Array.isArray(value)) return value.map((v, i) => tracked(v, `${at}/${i}`, objects));
  if (value === null || typeof value !== 'object') return value;
  const read = new Set();
  const copy = {};
  for (const key of Object.keys(value)) copy[key] = tracked(value[key], `${at}/${key}`, objects);
  objects.push({ at, keys: Object.keys(value), read });
  return new Proxy(copy, {
    get(target, prop, receiver) {
      if (typeof prop === 'string') read.add(prop);
      return Reflect.get(target, prop, receiver);
    },
    ownKeys(target) {
      read.add('*');
      return Reflect.ownKeys(target);
    },
  });
}

// Problems of `data` (at JSON pointer `at`) against a kubernetes-models class.
function checkModel(Model, data, at) {
  const objects = [];
  const proxy = tracked(data, at, objects);
  const problems = [];
  try {
    Model.prototype.validate.call(proxy);
  } catch (e) {
    if (!Array.isArray(e.errors)) throw e;
    for (const err of e.errors) problems.push(`${at}${err.instancePath || ''}: ${err.message}`);
  }
  for (const { at: where, keys, read } of objects) {
    // Objects the schema leaves free-form (nothing read) and maps (enumerated) are not checked.
    if (read.size === 0 || read.has('*')) continue;
    for (const key of keys) if (!read.has(key)) problems.push(`${where}/${key}: unknown field`);
  }
  return problems;
}

// ---- Custom resources: JSON Schemas in ./schemas ----

const ajv = new Ajv({ allErrors: true, strict: true });
ajv.addKeyword({
  // "x-k8s-type": a kubernetes-models class (module specifier) that validates this embedded Kubernetes type.
  keyword: 'x-k8s-type',
  schemaType: 'string',
  errors: true,
  validate: function k8sType(specifier, data, _parentSchema, ctx) {
    const Model = loadModel(specifier);
    if (!Model) throw new Error(`x-k8s-type: no model ${specifier}`);
    const problems = checkModel(Model, data, ctx.instancePath);
    k8sType.errors = problems.map((message) => ({ keyword: 'x-k8s-type', instancePath: '', params: {}, message }));
    return problems.length === 0;
  },
});
ajv.addVocabulary(['x-kind', 'x-api-version']);
const schemaDir = path.join(__dirname, 'schemas');
const crdValidators = new Map();
for (const f of fs.readdirSync(schemaDir).sort()) {
  if (!f.endsWith('.yaml')) continue;
  const schema = YAML.parse(fs.readFileSync(path.join(schemaDir, f), 'utf8'));
  ajv.addSchema(schema);
  if (schema['x-kind']) crdValidators.set(`${schema['x-api-version']} ${schema['x-kind']}`, schema.$id);
}

function checkCustom(doc) {
  const id = crdValidators.get(`${doc.apiVersion} ${doc.kind}`);
  if (!id) return null;
  const validate = ajv.getSchema(id);
  if (validate(doc)) return [];
  return validate.errors.map((e) => (e.keyword === 'x-k8s-type' ? e.message
    : `${e.instancePath}: ${e.message}${e.params && e.params.additionalProperty ? ` (${e.params.additionalProperty})` : ''}`
      + `${e.params && e.params.allowedValues ? ` ${JSON.stringify(e.params.allowedValues)}` : ''}`));
}

// ---- The rendered overlay ----

const problems = [];
let count = 0;
const docs = YAML.parseAllDocuments(fs.readFileSync(file, 'utf8'));
docs.forEach((d, i) => {
  if (d.errors.length) {
    problems.push(`document ${i + 1}: ${d.errors.map((e) => e.message).join('; ')}`);
    return;
  }
  const doc = d.toJS();
  if (doc === null || doc === undefined) return;
  count++;
  const what = `${doc.kind || '?'}/${(doc.metadata && doc.metadata.name) || '?'}`;
  if (typeof doc.apiVersion !== 'string' || typeof doc.kind !== 'string') {
    problems.push(`${what}: apiVersion and kind are required`);
    return;
  }
  let found = checkCustom(doc);
  if (found === null) {
    const Model = loadModel(`kubernetes-models/${doc.apiVersion}/${doc.kind}`)
      || loadModel(`@kubernetes-models/prometheus-operator/${doc.apiVersion}/${doc.kind}`);
    found = Model && Model.apiVersion === doc.apiVersion && Model.kind === doc.kind ? checkModel(Model, doc, '') : null;
  }
  if (found === null) {
    problems.push(`${what}: no schema for ${doc.apiVersion} ${doc.kind} (add one to .ci/k8s-validate/schemas)`);
    return;
  }
  for (const p of found) problems.push(`${what} ${p}`);
});

for (const p of problems) console.error(`[k8s] ${name}: schema: ${p}`);
console.error(`[k8s] ${name}: ${count} objects, ${problems.length ? `${problems.length} schema problem(s)` : 'all valid against their schemas'}`);
process.exit(problems.length ? 1 : 0);
