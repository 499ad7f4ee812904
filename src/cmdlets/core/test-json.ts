// Test-Json: whether a string (or a file's text) is JSON as System.Text.Json reads it (strict: no comments or
// trailing commas unless -Options allows them), and optionally whether it matches a JSON schema (a core subset of
// the keywords: type, enum, const, properties, required, additionalProperties, items, the numeric and length
// bounds, pattern, allOf/anyOf/oneOf/not and local $ref).
import * as fs from 'node:fs';
import * as nodePath from 'node:path';
import type { CmdletDecl, CmdletContext } from '../../runtime/cmdlet-api.js';
import { UTILITY_MODULE } from './util.js';
import { pathNotFound, resolveFsPath, resolveFsPaths } from './fs-items.js';

type JsonValue = null | boolean | number | string | JsonValue[] | { [k: string]: JsonValue };

/** Comments and trailing commas removed as -Options allows, strings left alone. */
function relax(text: string, ignoreComments: boolean, trailingCommas: boolean): string {
  if (!ignoreComments && !trailingCommas) return text;
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '"') {
      const start = i;
      for (i++; i < text.length && text[i] !== '"'; i++) if (text[i] === '\\') i++;
      out += text.slice(start, i + 1);
    } else if (ignoreComments && ch === '/' && text[i + 1] === '/') {
      while (i < text.length && text[i] !== '\n') i++;
      out += '\n';
    } else if (ignoreComments && ch === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      i = end < 0 ? text.length : end + 1;
      out += ' ';
    } else if (trailingCommas && ch === ',' && /^\s*[\]}]/.test(relax(text.slice(i + 1), ignoreComments, false))) {
      out += ' ';
    } else out += ch;
  }
  return out;
}

function parseStrict(text: string, options: string[]): JsonValue {
  const has = (o: string) => options.some((x) => x.toLowerCase() === o.toLowerCase());
  return JSON.parse(relax(text, has('IgnoreComments'), has('AllowTrailingCommas'))) as JsonValue;
}

function typeOfJson(v: JsonValue): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number';
  return typeof v;
}

function sameJson(a: JsonValue, b: JsonValue): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

interface SchemaError {
  message: string;
  location: string;
}

/** Where `$ref`s resolve: the document holding the schema, and the folder of its file (for `other.json#/...`). */
interface SchemaScope {
  root: JsonValue;
  dir: string | null;
}

/** A `$ref` that names a missing or unparsable document. */
class SchemaReferenceError extends Error {}

function pointer(doc: JsonValue, fragment: string): JsonValue {
  let target: JsonValue = doc;
  for (const part of fragment.split('/').filter((p) => p !== '')) {
    const key = decodeURIComponent(part).replace(/~1/g, '/').replace(/~0/g, '~');
    target = target && typeof target === 'object' && !Array.isArray(target) ? (target[key] ?? null) : null;
  }
  return target;
}

/** The schema a `$ref` names, with the scope its own `$ref`s resolve in. */
function resolveRef(ref: string, scope: SchemaScope): { schema: JsonValue; scope: SchemaScope } {
  const hash = ref.indexOf('#');
  const file = hash < 0 ? ref : ref.slice(0, hash);
  const fragment = hash < 0 ? '' : ref.slice(hash + 1);
  if (file === '') return { schema: pointer(scope.root, fragment), scope };
  if (scope.dir === null || /^[a-z][a-z0-9+.-]*:/i.test(file)) throw new SchemaReferenceError(ref);
  const full = nodePath.resolve(scope.dir, file);
  let doc: JsonValue;
  try {
    doc = JSON.parse(fs.readFileSync(full, 'utf8')) as JsonValue;
  } catch {
    throw new SchemaReferenceError(ref);
  }
  return { schema: pointer(doc, fragment), scope: { root: doc, dir: nodePath.dirname(full) } };
}

/** Errors of `value` against `schema` (empty when valid). */
function validate(value: JsonValue, schema: JsonValue, scope: SchemaScope, location: string, depth = 0): SchemaError[] {
  if (schema === true || schema === null || typeof schema !== 'object' || Array.isArray(schema) || depth > 64) return [];
  const s = schema as Record<string, JsonValue>;
  const errors: SchemaError[] = [];
  const fail = (message: string) => errors.push({ message, location });
  if (typeof s.$ref === 'string') {
    const r = resolveRef(s.$ref, scope);
    errors.push(...validate(value, r.schema, r.scope, location, depth + 1));
  }
  const actual = typeOfJson(value);
  if (s.type !== undefined) {
    const types = (Array.isArray(s.type) ? s.type : [s.type]) as string[];
    if (!types.some((t) => t === actual || (t === 'number' && actual === 'integer'))) fail(`Value is "${actual}" but should be "${types.join(', ')}"`);
  }
  if (Array.isArray(s.enum) && !s.enum.some((e) => sameJson(e, value))) fail('Value should match one of the values specified by the enum');
  if (s.const !== undefined && !sameJson(s.const, value)) fail('Expected value to match given value');
  if (typeof value === 'number') {
    if (typeof s.minimum === 'number' && value < s.minimum) fail(`${value} should be at least ${s.minimum}`);
    if (typeof s.maximum === 'number' && value > s.maximum) fail(`${value} should be at most ${s.maximum}`);
    if (typeof s.exclusiveMinimum === 'number' && value <= s.exclusiveMinimum) fail(`${value} should be greater than ${s.exclusiveMinimum}`);
    if (typeof s.exclusiveMaximum === 'number' && value >= s.exclusiveMaximum) fail(`${value} should be less than ${s.exclusiveMaximum}`);
  }
  if (typeof value === 'string') {
    const len = [...value].length;
    if (typeof s.minLength === 'number' && len < s.minLength) fail(`Value should be at least ${s.minLength} characters`);
    if (typeof s.maxLength === 'number' && len > s.maxLength) fail(`Value should be at most ${s.maxLength} characters`);
    if (typeof s.pattern === 'string' && !new RegExp(s.pattern, 'u').test(value)) fail(`The string value is not a match for the indicated regular expression "${s.pattern}"`);
  }
  if (Array.isArray(value)) {
    if (s.items && typeof s.items === 'object' && !Array.isArray(s.items)) {
      value.forEach((item, i) => errors.push(...validate(item, s.items!, scope, `${location}/${i}`, depth + 1)));
    }
    if (typeof s.minItems === 'number' && value.length < s.minItems) fail(`Value should have at least ${s.minItems} items`);
    if (typeof s.maxItems === 'number' && value.length > s.maxItems) fail(`Value should have at most ${s.maxItems} items`);
  }
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    const props = s.properties && typeof s.properties === 'object' && !Array.isArray(s.properties) ? s.properties : {};
    for (const [k, sub] of Object.entries(props)) if (k in value) errors.push(...validate(value[k]!, sub, scope, `${location}/${k}`, depth + 1));
    if (Array.isArray(s.required)) {
      const missing = (s.required as string[]).filter((k) => !(k in value));
      if (missing.length > 0) fail(`Required properties [${missing.map((k) => `"${k}"`).join(', ')}] are not present`);
    }
    if (s.additionalProperties !== undefined && s.additionalProperties !== true) {
      for (const k of Object.keys(value)) {
        if (k in props) continue;
        if (s.additionalProperties === false) fail(`All values fail against the false schema`);
        else errors.push(...validate(value[k]!, s.additionalProperties, scope, `${location}/${k}`, depth + 1));
      }
    }
  }
  const passes = (sub: JsonValue) => validate(value, sub, scope, location, depth + 1).length === 0;
  if (Array.isArray(s.allOf)) for (const sub of s.allOf) errors.push(...validate(value, sub, scope, location, depth + 1));
  if (Array.isArray(s.anyOf) && !s.anyOf.some(passes)) fail('Value should match at least one of the schemas');
  if (Array.isArray(s.oneOf)) {
    const n = s.oneOf.filter(passes).length;
    if (n !== 1) fail(`Expected 1 matching subschema but found ${n}`);
  }
  if (s.not !== undefined && passes(s.not)) fail('Value should not match the schema');
  return errors;
}

interface TestJsonState {
  schema: JsonValue | undefined;
  schemaDir: string | null;
}

function invalidSchema(ctx: CmdletContext, target: unknown): never {
  return ctx.throwTerminating({ message: 'Cannot parse the JSON schema.', errorId: 'InvalidJsonSchema', category: 'InvalidData', targetObject: target });
}

const JSON_SETS = ['JsonString', 'JsonStringWithSchemaString', 'JsonStringWithSchemaFile'];
const PATH_SETS = ['JsonPath', 'JsonPathWithSchemaString', 'JsonPathWithSchemaFile'];
const LITERAL_SETS = ['JsonLiteralPath', 'JsonLiteralPathWithSchemaString', 'JsonLiteralPathWithSchemaFile'];

export const testJson: CmdletDecl<TestJsonState> = {
  name: 'Test-Json',
  module: UTILITY_MODULE,
  synopsis: 'Tests whether a string is a valid JSON document',
  defaultParameterSet: 'JsonString',
  outputType: ['System.Boolean'],
  parameters: [
    { name: 'Json', type: 'string', position: 0, mandatory: true, valueFromPipeline: true, parameterSets: JSON_SETS },
    { name: 'Path', type: 'string', position: 0, mandatory: true, valueFromPipelineByPropertyName: true, parameterSets: PATH_SETS },
    { name: 'LiteralPath', type: 'string', aliases: ['PSPath', 'LP'], position: 0, mandatory: true, valueFromPipelineByPropertyName: true, parameterSets: LITERAL_SETS },
    { name: 'Schema', type: 'string', position: 1, mandatory: true, parameterSets: ['JsonStringWithSchemaString', 'JsonPathWithSchemaString', 'JsonLiteralPathWithSchemaString'] },
    { name: 'SchemaFile', type: 'string', position: 1, mandatory: true, parameterSets: ['JsonStringWithSchemaFile', 'JsonPathWithSchemaFile', 'JsonLiteralPathWithSchemaFile'] },
    { name: 'Options', type: 'string[]', validateSet: ['IgnoreComments', 'AllowTrailingCommas'] },
  ],
  init: () => ({ schema: undefined, schemaDir: null }),
  begin(ctx) {
    let text: string | undefined;
    let target: unknown = ctx.params.Schema;
    if (ctx.params.Schema !== undefined) text = String(ctx.params.Schema);
    else if (ctx.params.SchemaFile !== undefined) {
      const file = resolveFsPath(ctx, String(ctx.params.SchemaFile));
      target = file;
      ctx.state.schemaDir = nodePath.dirname(file);
      try {
        text = fs.readFileSync(file, 'utf8');
      } catch {
        ctx.throwTerminating({ message: `Can not open JSON schema file: ${file}`, errorId: 'JsonSchemaFileOpenFailure', category: 'OpenError', targetObject: file });
      }
    }
    if (text === undefined) return;
    let schema: JsonValue;
    try {
      schema = JSON.parse(text) as JsonValue;
    } catch {
      return invalidSchema(ctx, target);
    }
    if (schema === null || (typeof schema !== 'object' && typeof schema !== 'boolean') || Array.isArray(schema)) invalidSchema(ctx, target);
    ctx.state.schema = schema;
  },
  process(ctx) {
    let text: string;
    if (ctx.params.Json !== undefined) text = String(ctx.params.Json);
    else {
      const literal = ctx.params.LiteralPath !== undefined;
      const raw = String(literal ? ctx.params.LiteralPath : ctx.params.Path).replace(/^(?:Microsoft\.PowerShell\.Core\\)?FileSystem::/i, '');
      const file = resolveFsPaths(ctx, raw, { literal, allowMissing: true })[0] ?? resolveFsPath(ctx, raw);
      if (!fs.existsSync(file) || fs.statSync(file).isDirectory()) ctx.throwTerminating({ ...pathNotFound(raw), targetObject: raw });
      text = fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
    }
    let value: JsonValue;
    try {
      value = parseStrict(text, (ctx.params.Options as string[] | undefined) ?? []);
    } catch {
      ctx.writeError({ message: 'Cannot parse the JSON.', errorId: 'InvalidJson', category: 'InvalidData', targetObject: ctx.params.Json ?? null });
      ctx.write(false);
      return;
    }
    const schema = ctx.state.schema;
    if (schema === undefined) return ctx.write(true);
    let errors: SchemaError[];
    try {
      errors = validate(value, schema, { root: schema, dir: ctx.state.schemaDir }, '');
    } catch (e) {
      if (!(e instanceof SchemaReferenceError)) throw e;
      ctx.writeError({ message: 'Cannot parse the JSON schema.', errorId: 'InvalidJsonSchema', category: 'InvalidData' });
      ctx.write(false);
      return;
    }
    for (const e of errors) {
      ctx.writeError({ message: `The JSON is not valid with the schema: ${e.message} at '${e.location}'`, errorId: 'InvalidJsonAgainstSchemaDetailed', category: 'InvalidData' });
    }
    ctx.write(errors.length === 0);
  },
};

export const cmdlets: CmdletDecl[] = [testJson];
