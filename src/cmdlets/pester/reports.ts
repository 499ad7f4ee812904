// Test result files for CI systems: NUnit 2.5 (Pester's default NUnitXml) and JUnit XML.
import { hostname } from 'node:os';
import type { TestRecord } from './state.js';
import { counts } from './console.js';

function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

function secs(ms: number): string {
  return (ms / 1000).toFixed(4);
}

interface SuiteNode {
  name: string;
  children: Map<string, SuiteNode>;
  tests: TestRecord[];
}

function tree(results: TestRecord[]): SuiteNode {
  const root: SuiteNode = { name: 'Pester', children: new Map(), tests: [] };
  for (const t of results) {
    let node = root;
    const suites = [t.file || '<no file>', ...t.path.slice(0, -1)];
    for (const s of suites) {
      let child = node.children.get(s);
      if (!child) node.children.set(s, (child = { name: s, children: new Map(), tests: [] }));
      node = child;
    }
    node.tests.push(t);
  }
  return root;
}

function allTests(n: SuiteNode): TestRecord[] {
  const out = [...n.tests];
  for (const c of n.children.values()) out.push(...allTests(c));
  return out;
}

function nunitSuite(n: SuiteNode, indent: string): string {
  const tests = allTests(n);
  const failed = tests.some((t) => t.result === 'Failed');
  const time = tests.reduce((a, t) => a + t.durationMs, 0);
  const lines = [
    `${indent}<test-suite type="TestFixture" name="${esc(n.name)}" executed="True" result="${failed ? 'Failure' : 'Success'}" success="${failed ? 'False' : 'True'}" time="${secs(time)}" asserts="0" description="${esc(n.name)}">`,
    `${indent}  <results>`,
  ];
  for (const c of n.children.values()) lines.push(nunitSuite(c, indent + '    '));
  for (const t of n.tests) {
    const name = esc(t.path.join('.'));
    const base = `${indent}    <test-case description="${esc(t.expandedName)}" name="${name}" time="${secs(t.durationMs)}" asserts="0"`;
    if (t.result === 'Passed') lines.push(`${base} success="True" result="Success" executed="True" />`);
    else if (t.result === 'Failed') {
      lines.push(`${base} success="False" result="Failure" executed="True">`);
      lines.push(`${indent}      <failure>`, `${indent}        <message>${esc(t.failureMessage)}</message>`, `${indent}        <stack-trace>${esc(t.stackTrace)}</stack-trace>`, `${indent}      </failure>`);
      lines.push(`${indent}    </test-case>`);
    } else {
      const result = t.result === 'Skipped' ? 'Ignored' : t.result === 'NotRun' ? 'NotRun' : 'Inconclusive';
      lines.push(`${base} success="False" result="${result}" executed="False">`);
      lines.push(`${indent}      <reason>`, `${indent}        <message>${esc(t.failureMessage || `is ${t.result.toLowerCase()}`)}</message>`, `${indent}      </reason>`);
      lines.push(`${indent}    </test-case>`);
    }
  }
  lines.push(`${indent}  </results>`, `${indent}</test-suite>`);
  return lines.join('\n');
}

export function nunitXml(results: TestRecord[], durationMs: number, started: Date): string {
  const c = counts(results);
  const date = started.toISOString().slice(0, 10);
  const time = started.toISOString().slice(11, 19);
  const root = tree(results);
  root.name = 'Pester';
  return [
    '<?xml version="1.0" encoding="utf-8" standalone="no"?>',
    `<test-results xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:noNamespaceSchemaLocation="nunit_schema_2.5.xsd" name="Pester" total="${results.length}" errors="0" failures="${c.failed}" not-run="${c.notRun}" inconclusive="${c.inconclusive}" ignored="${c.skipped}" skipped="0" invalid="0" date="${date}" time="${time}">`,
    `  <environment user="${esc(process.env.USER ?? '')}" machine-name="${esc(hostname())}" cwd="${esc(process.cwd())}" user-domain="" platform="${process.platform}" nunit-version="2.5.8.0" os-version="${esc(process.version)}" clr-version="Unknown" />`,
    '  <culture-info current-culture="en-US" current-uiculture="en-US" />',
    nunitSuite(root, '  ').replace(/time="[^"]*"/, `time="${secs(durationMs)}"`),
    '</test-results>',
    '',
  ].join('\n');
}

export function junitXml(results: TestRecord[], durationMs: number, started: Date): string {
  const c = counts(results);
  const byFile = new Map<string, TestRecord[]>();
  for (const t of results) {
    const k = t.file || '<no file>';
    if (!byFile.has(k)) byFile.set(k, []);
    byFile.get(k)!.push(t);
  }
  const lines = [
    '<?xml version="1.0" encoding="utf-8" standalone="no"?>',
    `<testsuites name="Pester" tests="${results.length}" failures="${c.failed}" errors="0" disabled="${c.skipped}" time="${secs(durationMs)}">`,
  ];
  let id = 0;
  for (const [file, tests] of byFile) {
    const fc = counts(tests);
    const time = tests.reduce((a, t) => a + t.durationMs, 0);
    lines.push(`  <testsuite name="${esc(file)}" tests="${tests.length}" errors="0" failures="${fc.failed}" hostname="${esc(hostname())}" id="${id++}" skipped="${fc.skipped + fc.inconclusive}" disabled="0" package="${esc(file)}" time="${secs(time)}" timestamp="${started.toISOString().slice(0, 19)}">`);
    for (const t of tests) {
      const open = `    <testcase name="${esc(t.path.join('.'))}" status="${t.result}" classname="${esc(file)}" assertions="0" time="${secs(t.durationMs)}"`;
      if (t.result === 'Passed') lines.push(`${open} />`);
      else if (t.result === 'Failed') lines.push(`${open}>`, `      <failure message="${esc(t.failureMessage)}">${esc(t.stackTrace)}</failure>`, '    </testcase>');
      else lines.push(`${open}>`, '      <skipped />', '    </testcase>');
    }
    lines.push('  </testsuite>');
  }
  lines.push('</testsuites>', '');
  return lines.join('\n');
}
