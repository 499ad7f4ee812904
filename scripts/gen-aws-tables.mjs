#!/usr/bin/env node
// Generates the AWS cmdlet tables in src/cmdlets/aws/generated/ from the reference TSVs
// (../shared/reference/aws-tools-cmdlets.tsv, aws-tools-aliases.tsv) and the SDK v3 runtime schemas
// (`<Operation>$` exports of each @aws-sdk/client-* module). Run: `node scripts/gen-aws-tables.mjs [referenceDir]`.
//
// Output (committed):
//   generated/cmdlets.ts       – one row per cmdlet (name, prefix, operation, default output, pipeline param, kind)
//   generated/aliases.ts       – alias → cmdlet
//   generated/params-<svc>.ts  – per service: operation → parameters + paging, as a JSON *string* that is parsed
//                                only when one of that service's cmdlets is first looked at (keeps start-up cheap).
//   generated/enums-<svc>.ts   – per service: enum name → allowed values, for the enums the parameters name (`"e"`);
//                                loaded only by tab completion (enums-index.ts imports each one dynamically).
import { readFileSync, readdirSync, writeFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const refDir = resolve(process.argv[2] ?? join(root, '..', 'shared', 'reference'));
const outDir = join(root, 'src', 'cmdlets', 'aws', 'generated');
const require = createRequire(join(root, 'package.json'));

/** Service prefix → SDK package, client class and .NET names. */
const services = {
  S3: { pkg: '@aws-sdk/client-s3', client: 'S3Client', ns: 'Amazon.S3', name: 'Amazon Simple Storage Service (S3)', module: 'AWS.Tools.S3' },
  EC2: { pkg: '@aws-sdk/client-ec2', client: 'EC2Client', ns: 'Amazon.EC2', name: 'Amazon Elastic Compute Cloud (EC2)', module: 'AWS.Tools.EC2' },
  SQS: { pkg: '@aws-sdk/client-sqs', client: 'SQSClient', ns: 'Amazon.SQS', name: 'Amazon Simple Queue Service (SQS)', module: 'AWS.Tools.SQS' },
  SNS: { pkg: '@aws-sdk/client-sns', client: 'SNSClient', ns: 'Amazon.SimpleNotificationService', name: 'Amazon Simple Notification Service (SNS)', module: 'AWS.Tools.SimpleNotificationService' },
  STS: { pkg: '@aws-sdk/client-sts', client: 'STSClient', ns: 'Amazon.SecurityToken', name: 'AWS Security Token Service (STS)', module: 'AWS.Tools.SecurityToken' },
  IAM: { pkg: '@aws-sdk/client-iam', client: 'IAMClient', ns: 'Amazon.IdentityManagement', name: 'AWS Identity and Access Management', module: 'AWS.Tools.IdentityManagement' },
  CW: { pkg: '@aws-sdk/client-cloudwatch', client: 'CloudWatchClient', ns: 'Amazon.CloudWatch', name: 'Amazon CloudWatch', module: 'AWS.Tools.CloudWatch' },
};

/** Member renames AWS Tools applies (service config `<Param NewName=...>`), per service: sdk member → [name, keepAlias]. */
const renames = {
  S3: { Bucket: ['BucketName', true] },
  STS: { DurationSeconds: ['DurationInSeconds', true] },
  EC2: { 'CreateSecurityGroup.Description': ['GroupDescription', true] },
};
/**
 * Flattened names where the .NET model differs from the v3 shape (AWS Tools uses the .NET member):
 * per service, generated name → [AWS Tools name, keep the generated name as an alias].
 */
const flatRenames = {
  S3: {
    WebsiteConfiguration_ErrorDocumentKey: ['WebsiteConfiguration_ErrorDocument', true],
    WebsiteConfiguration_IndexDocumentSuffix: ['WebsiteConfiguration_IndexDocumentSuffix', false],
  },
};
/** .NET SDK operation names that the v3 SDK spells differently (the table keeps AWS Tools' operation for display). */
const operationRenames = {
  S3: {
    DeleteCORSConfiguration: 'DeleteBucketCors', DeleteLifecycleConfiguration: 'DeleteBucketLifecycle', GetACL: 'GetBucketAcl',
    GetBucketNotification: 'GetBucketNotificationConfiguration', GetCORSConfiguration: 'GetBucketCors',
    GetLifecycleConfiguration: 'GetBucketLifecycleConfiguration', GetObjectMetadata: 'HeadObject', ListVersions: 'ListObjectVersions',
    PutACL: 'PutBucketAcl', PutBucketNotification: 'PutBucketNotificationConfiguration', PutCORSConfiguration: 'PutBucketCors',
    PutLifecycleConfiguration: 'PutBucketLifecycleConfiguration',
  },
};

/** Extra parameter aliases AWS Tools declares: prefix → `Operation.Param` → aliases. */
const extraAliases = {
  SQS: { 'AddPermission.Action': ['ActionName'] },
};

/** Structures flattened at most this deep, and only when they have at most this many members. */
const maxFlattenDepth = 3;
const maxFlattenMembers = 60;
const commonParamNames = new Set(['region', 'accesskey', 'secretkey', 'sessiontoken', 'profilename', 'profilelocation', 'credential',
  'networkcredential', 'endpointurl', 'clientconfig', 'select', 'passthru', 'force', 'noautoiteration']);
const pageSizeMembers = /^(Max(Results|Keys|Items|Records|Uploads|Parts|Buckets|DirectoryBuckets)|Limit|PageSize)$/;
const tokenMembers = /^(NextToken|Marker|ContinuationToken|KeyMarker|NextMarker|StartingToken|ContinuationToken)$/;
const outTokenFor = { NextToken: ['NextToken'], Marker: ['NextMarker', 'Marker'], ContinuationToken: ['NextContinuationToken', 'ContinuationToken'], KeyMarker: ['NextKeyMarker'] };

function readTsv(file) {
  const [head, ...lines] = readFileSync(join(refDir, file), 'utf8').split(/\r?\n/).filter((l) => l.trim());
  const cols = head.split('\t');
  return lines.map((l) => Object.fromEntries(l.split('\t').map((v, i) => [cols[i], v])));
}

/** AWS Tools' rule: singularize the last camel-case word of a plural name. */
export function singularize(name) {
  if (/(ss|us|is|Status|Address|Alias|Series|News|Access)$/.test(name)) {
    if (/Addresses$/.test(name)) return name.slice(0, -2);
    return name;
  }
  if (/ies$/.test(name)) return name.slice(0, -3) + 'y';
  if (/(sses|xes|ches|shes)$/.test(name)) return name.slice(0, -2);
  if (/[a-z0-9]s$/.test(name) && !/Ids$/.test(name)) return name.slice(0, -1);
  if (/Ids$/.test(name)) return name.slice(0, -1);
  return name;
}

function kindOf(ns) {
  if (ns.isBlobSchema() || ns.isStreaming?.()) return 'blob';
  if (ns.isTimestampSchema()) return 'timestamp';
  if (ns.isBooleanSchema()) return 'bool';
  if (ns.isBigIntegerSchema?.()) return 'bigint';
  if (ns.isNumericSchema()) return 'number';
  if (ns.isStringSchema()) return 'string';
  if (ns.isListSchema()) return 'list:' + kindOf(ns.getValueSchema());
  if (ns.isMapSchema()) return 'map';
  if (ns.isStructSchema()) return 'struct';
  if (ns.isDocumentSchema()) return 'document';
  return 'object';
}

function psType(kind, numberType) {
  switch (kind) {
    case 'string': return 'string';
    case 'bool': return 'bool';
    case 'number': return numberType;
    case 'bigint': return 'long';
    case 'timestamp': return 'datetime';
    case 'map': return 'hashtable';
    case 'list:string': return 'string[]';
    case 'list:number': return numberType + '[]';
    default: return kind.startsWith('list:') ? 'object[]' : 'object';
  }
}

/**
 * Numeric member → int / long / double. v3 runtime schemas don't say which (every number is code 1), so the
 * member name decides, as the .NET model would type it (src/cmdlets/aws/model/model-types.ts uses the same rule).
 */
export const doubleMemberPattern = /(Value|Values|Threshold|Price|Percent|Percentage|Ratio|Rate|Sum|Average|Minimum|Maximum|SampleCount|Weight|Score|Cost|Amount|Fraction)$/;
export const longMemberPattern = /(Bytes|InBytes|Size|SizeInGB|Timestamp)$/;
function numberTypeOf(ns, memberName) {
  const n = memberName ?? ns.getName?.() ?? '';
  if (doubleMemberPattern.test(n)) return 'double';
  if (longMemberPattern.test(n)) return 'long';
  return 'int';
}

/**
 * The SDK's enums, from its type declarations: v3 runtime schemas carry no enum traits (an enum member is a plain
 * string, code 0), but dist-types declares each enum as a constant object (`export declare const VolumeType: {...}`)
 * and types each request member that takes one (`VolumeType?: VolumeType | undefined`). Returns the values of each
 * enum (by export name; EC2's `_InstanceType` keeps its underscore) and `Structure.Member` → enum export name.
 */
export function sdkEnums(pkg) {
  const dir = join(dirname(require.resolve(`${pkg}/package.json`)), 'dist-types', 'models');
  const files = readdirSync(dir).filter((f) => f.endsWith('.d.ts')).map((f) => readFileSync(join(dir, f), 'utf8'));
  const values = {};
  for (const text of files) {
    for (const m of text.matchAll(/^export declare const (\w+): \{\n((?:    readonly \w+: "[^"]*";\n)+)\};/gm)) {
      values[m[1]] = [...m[2].matchAll(/: "([^"]*)";/g)].map((v) => v[1]);
    }
  }
  const members = {};
  for (const text of files) {
    // Top-level interfaces only: union members live in `declare namespace` blocks, indented.
    for (const m of text.matchAll(/^export interface (\w+) \{\n([\s\S]*?)^\}/gm)) {
      for (const mm of m[2].matchAll(/^    (\w+)\??: \(?(\w+)\)?(?:\[\])?(?: \| string)?(?: \| undefined)?;$/gm)) {
        if (values[mm[2]]) members[`${m[1]}.${mm[1]}`] = mm[2];
      }
    }
  }
  return { values, members };
}

/** The name an enum is known by (.NET ConstantClass name): the SDK export without the `_` a name clash added. */
export const enumDisplayName = (exportName) => exportName.replace(/^_/, '');

/** Names of the members a structure schema marks required (its first `requiredCount` members). */
function requiredMembersOf(ns) {
  const schema = ns.getSchema?.();
  const names = Array.isArray(schema) ? schema[4] ?? [] : [];
  const count = Array.isArray(schema) && typeof schema[6] === 'number' ? schema[6] : 0;
  return new Set(names.slice(0, count));
}

/** Parameters for one operation: flatten nested structures with `_`, AWS Tools style. */
function paramsFor(NormalizedSchema, prefix, inputSchema, opName, pipe, enums) {
  const input = NormalizedSchema.of(inputSchema);
  const inputName = input.getName();
  const requiredCount = Array.isArray(inputSchema) && typeof inputSchema[6] === 'number' ? inputSchema[6] : 0;
  const params = [];
  const used = new Set();
  const add = (p) => {
    if (used.has(p.name.toLowerCase())) return;
    used.add(p.name.toLowerCase());
    p.aliases = (p.aliases ?? []).filter((a) => !used.has(a.toLowerCase()) && !commonParamNames.has(a.toLowerCase()));
    for (const a of p.aliases) used.add(a.toLowerCase());
    if (!p.aliases.length) delete p.aliases;
    params.push(p);
  };
  let i = 0;
  for (const [member, ns] of input.structIterator()) {
    const required = i++ < requiredCount;
    // The pipeline member keeps the name the cmdlets table gives it (`-IdOfAccessKey` for AccessKeyId) and stays whole.
    const pipeRename = pipe && pipe.member === member && pipe.param && singularize(member) !== pipe.param && member !== pipe.param ? [pipe.param, true] : null;
    const rename = pipeRename ?? renames[prefix]?.[`${opName}.${member}`] ?? renames[prefix]?.[member];
    visit(member, ns, [member], rename ? rename[0] : member, rename && rename[1] ? [member] : [], required, 0, new Set(pipe?.member === member ? [ns.getName?.()] : []), !!rename, inputName);
  }
  function visit(member, ns, path, baseName, aliases, required, depth, seen, renamed, parent) {
    const kind = kindOf(ns);
    const structName = ns.getName?.();
    if (kind === 'struct' && depth < maxFlattenDepth && !seen.has(structName) && !ns.getMergedTraits().streaming) {
      const inner = [...ns.structIterator()];
      if (inner.length > 0 && inner.length <= maxFlattenMembers) {
        const nextSeen = new Set(seen).add(structName);
        const innerRequired = requiredMembersOf(ns);
        for (const [m, mns] of inner) {
          const childBase = depth === 0 ? `${baseName}_${m}` : `${baseName}${m}`;
          // A flattened member is mandatory only when its whole chain of parents is required too.
          visit(m, mns, [...path, m], childBase, [], required && innerRequired.has(m), depth + 1, nextSeen, false, structName);
        }
        return;
      }
    }
    // .NET property names are PascalCase (SNS `phoneNumber` is -PhoneNumber).
    let name = baseName.charAt(0).toUpperCase() + baseName.slice(1);
    const flat = flatRenames[prefix]?.[name];
    if (flat) {
      if (flat[1]) aliases = [...aliases, name];
      name = flat[0];
    }
    // A name AWS Tools gives explicitly is used as is.
    const sing = renamed ? name : singularize(name);
    if (sing !== name) { aliases = [...aliases, name]; name = sing; }
    if (commonParamNames.has(name.toLowerCase())) name = `${path.length > 1 ? '' : prefix}${name}`;
    // A list member with a singular name also answers to its plural (`-ActionNames`, `-AWSAccountIds`).
    if (kind.startsWith('list:') && !aliases.length && !/(s|Data)$/.test(name)) aliases = [...aliases, `${name}s`];
    const extra = extraAliases[prefix]?.[`${opName}.${name}`];
    if (extra) aliases = [...aliases, ...extra];
    aliases = [...new Set(aliases)];
    const p = { name, path, kind };
    if (aliases.length) p.aliases = aliases;
    if (required) p.required = 1;
    const traits = ns.getMergedTraits();
    if (traits.sensitive) p.sensitive = 1;
    const numberType = kind === 'number' || kind === 'list:number' ? numberTypeOf(ns, member) : 'int';
    p.type = psType(kind, numberType);
    // Enum-typed string members (and lists of them) name their enum; its values go to enums-<svc>.ts.
    const en = (kind === 'string' || kind === 'list:string') && enums.members[`${parent}.${member}`];
    if (en) p.e = enumDisplayName(en);
    add(p);
  }
  return params;
}

function pagingFor(mod, op, inputSchema, outputSchema) {
  const inNames = Array.isArray(inputSchema) ? inputSchema[4] ?? [] : [];
  const outNames = Array.isArray(outputSchema) ? outputSchema[4] ?? [] : [];
  const token = inNames.find((n) => tokenMembers.test(n));
  if (!token) return undefined;
  const outToken = (outTokenFor[token] ?? [token]).find((n) => outNames.includes(n));
  if (!outToken) return undefined;
  const paging = { in: token, out: outToken };
  const size = inNames.find((n) => pageSizeMembers.test(n));
  if (size) paging.size = size;
  if (outNames.includes('IsTruncated')) paging.truncated = 'IsTruncated';
  if (typeof mod[`paginate${op}`] === 'function') paging.paginator = 1;
  return paging;
}

function main() {
  const rows = readTsv('aws-tools-cmdlets.tsv');
  const aliasRows = readTsv('aws-tools-aliases.tsv');
  const { NormalizedSchema } = require('@smithy/core/schema');
  const cmdlets = [];
  const perService = {};
  const missing = [];
  const enumsByService = {};
  for (const r of rows) {
    const prefix = r.service_prefix;
    const netOp = (r.api_operation.match(/^[A-Za-z0-9]+/) ?? [''])[0];
    const op = operationRenames[prefix]?.[netOp] ?? netOp;
    const kind = r.kind === 'generated' ? 'g' : 'h';
    const out = r.default_output === '(none)' ? '' : r.default_output;
    const row = [r.cmdlet_name, prefix, kind === 'h' && r.api_operation.startsWith('(n/a') ? '' : op, out, r.pipeline_parameter || '', kind];
    const svc = services[prefix];
    if (svc && row[2]) {
      const mod = require(svc.pkg);
      const opSchema = mod[`${op}$`];
      if (!opSchema) {
        if (kind === 'g') { missing.push(`${r.cmdlet_name} (${op})`); continue; }
      } else {
        const input = typeof opSchema[4] === 'function' ? opSchema[4]() : opSchema[4];
        const output = typeof opSchema[5] === 'function' ? opSchema[5]() : opSchema[5];
        const svcTable = (perService[prefix] ??= {});
        if (!svcTable[op]) {
          const enums = (enumsByService[prefix] ??= sdkEnums(svc.pkg));
          const entry = { p: paramsFor(NormalizedSchema, prefix, input, op, { member: r.pipeline_sdk_member, param: r.pipeline_parameter }, enums) };
          const paging = pagingFor(mod, op, input, output);
          if (paging) entry.paging = paging;
          svcTable[op] = entry;
        }
      }
    }
    cmdlets.push(row);
  }
  const aliases = {};
  const names = new Set(cmdlets.map((c) => c[0].toLowerCase()));
  for (const a of aliasRows) if (names.has(a.target_cmdlet.toLowerCase()) && !names.has(a.alias.toLowerCase())) aliases[a.alias] = a.target_cmdlet;

  mkdirSync(outDir, { recursive: true });
  const header = '// GENERATED by scripts/gen-aws-tables.mjs from the reference tables and the SDK schemas. Do not edit.\n';
  writeFileSync(join(outDir, 'cmdlets.ts'),
    header +
    '/** [name, service prefix, operation, default output, pipeline parameter, kind (g = generated, h = hand-written)] */\n' +
    'export type CmdletRow = [string, string, string, string, string, string];\n' +
    // One string split at load: a 1,300-row array literal costs the parser far more than scanning a string.
    `export const cmdletRows: CmdletRow[] = ${JSON.stringify(cmdlets.map((c) => c.join('\t')).join('\n')).replace(/\\n/g, '\\n\\\n')}\n` +
    "  .split('\\n').map((line) => line.split('\\t') as CmdletRow);\n" +
    `export const serviceInfo: Record<string, { pkg: string; client: string; ns: string; name: string; module: string }> = ${JSON.stringify(services, null, 1)};\n` +
    `/** Operations the pinned SDK lacks (rows skipped). */\nexport const missingOperations: string[] = ${JSON.stringify(missing)};\n`);
  // `alias=target` lines in one string, for the same reason as cmdletRows.
  writeFileSync(join(outDir, 'aliases.ts'), header +
    `const text = ${JSON.stringify(Object.entries(aliases).map(([a, t]) => `${a}=${t}`).join('\n')).replace(/\\n/g, '\\n\\\n')};\n` +
    'export const aliasTable: Record<string, string> = {};\n' +
    "for (const line of text.split('\\n')) {\n  const i = line.indexOf('=');\n  aliasTable[line.slice(0, i)] = line.slice(i + 1);\n}\n");
  for (const [prefix, table] of Object.entries(perService)) {
    writeFileSync(join(outDir, `params-${prefix.toLowerCase()}.ts`),
      header + '// A string, parsed on first use: scanning a string literal is much cheaper than evaluating an object literal.\n' +
      `export const paramsJson = ${JSON.stringify(JSON.stringify(table))};\n`);
  }
  // The enums the parameters name, per service. Values sorted as AWS Tools' completers list them.
  const enumCounts = {};
  for (const [prefix, table] of Object.entries(perService)) {
    const used = new Set();
    let params = 0;
    for (const entry of Object.values(table)) for (const p of entry.p) if (p.e) { used.add(p.e); params++; }
    const { values } = enumsByService[prefix];
    const out = {};
    for (const name of [...used].sort()) {
      const v = values[name] ?? values[`_${name}`];
      out[name] = [...v].sort((a, b) => (a.toLowerCase() < b.toLowerCase() ? -1 : a.toLowerCase() > b.toLowerCase() ? 1 : 0));
    }
    enumCounts[prefix] = { params, enums: used.size };
    writeFileSync(join(outDir, `enums-${prefix.toLowerCase()}.ts`),
      header + '// Enum name → values, for tab completion of enum-typed parameters (a parameter\'s "e" names its enum).\n' +
      `export const enumsJson = ${JSON.stringify(JSON.stringify(out))};\n`);
  }
  // Dynamic imports: each service's enums are a chunk of their own, read only when a value is completed.
  writeFileSync(join(outDir, 'enums-index.ts'), header +
    'export const enumsJsonLoaders: Record<string, () => Promise<string>> = {\n' +
    Object.keys(perService).map((p) => `  ${p}: async () => (await import('./enums-${p.toLowerCase()}.js')).enumsJson,\n`).join('') + '};\n');
  writeFileSync(join(outDir, 'params-index.ts'), header +
    Object.keys(perService).map((p) => `import { paramsJson as ${p.toLowerCase()} } from './params-${p.toLowerCase()}.js';`).join('\n') +
    `\nexport const paramsJsonByService: Record<string, string> = { ${Object.keys(perService).map((p) => `${p}: ${p.toLowerCase()}`).join(', ')} };\n`);
  // The note the issue asks for: counts per service, operations missing from the SDK, aliases.
  const per = {};
  for (const c of cmdlets) {
    const e = (per[c[1]] ??= { g: 0, h: 0 });
    e[c[5]]++;
  }
  const renamed = Object.entries(operationRenames).flatMap(([p, m]) => Object.entries(m).map(([from, to]) => `${p} ${from} → ${to}`));
  writeFileSync(join(outDir, 'COUNTS.md'),
    '# AWS cmdlet coverage (generated by scripts/gen-aws-tables.mjs)\n\n' +
    '| service | generated | hand-written |\n|---|---|---|\n' +
    Object.entries(per).map(([p, e]) => `| ${p} | ${e.g} | ${e.h} |`).join('\n') +
    `\n| total | ${cmdlets.filter((c) => c[5] === 'g').length} | ${cmdlets.filter((c) => c[5] === 'h').length} |\n\n` +
    `Aliases: ${Object.keys(aliases).length}.\n\n` +
    'Enum-typed parameters (tab completion offers their values): ' +
    Object.entries(enumCounts).map(([p, c]) => `${p} ${c.params} (${c.enums} enums)`).join(', ') + '.\n\n' +
    `Operations missing from the pinned SDK: ${missing.length ? missing.join(', ') : 'none'}.\n\n` +
    `.NET operation names the v3 SDK spells differently (called under the v3 name): ${renamed.join('; ')}.\n`);
  console.log(`${cmdlets.length} cmdlets, ${Object.keys(aliases).length} aliases, ${missing.length} operations missing from the SDK`);
}

main();
