// PesterConfiguration: New-PesterConfiguration, [PesterConfiguration]::Default and the cast from a hashtable.
// Sections (Run, Filter, Output, ...) hold options with Default/Description/IsModified/Value; assigning a plain
// value to an option (`$c.Run.PassThru = $true`) sets its Value, as Pester's implicit conversions do.
import { TYPE_NAME } from '../../runtime/types/index.js';
import { NO_CONVERSION, defineType } from '../../runtime/types/ps-type.js';
import { PSHashtable, PSObject } from '../../runtime/values/objects.js';
import { toBool, toStr } from '../../runtime/values/convert.js';

type Kind = 'Bool' | 'String' | 'StringArray' | 'Decimal' | 'ScriptBlockArray' | 'ContainerInfoArray' | 'Object';
type OptionSpec = [name: string, kind: Kind, dflt: unknown, description: string];

const SCHEMA: Record<string, OptionSpec[]> = {
  Run: [
    ['Path', 'StringArray', ['.'], 'Directories to be searched for tests, paths directly to test files, or combination of both.'],
    ['ExcludePath', 'StringArray', [], 'Directories or files to be excluded from the run.'],
    ['ScriptBlock', 'ScriptBlockArray', [], 'ScriptBlocks containing tests to be executed.'],
    ['Container', 'ContainerInfoArray', [], 'ContainerInfo objects containing tests to be executed.'],
    ['TestExtension', 'String', '.Tests.ps1', 'Filter used to identify test files.'],
    ['Exit', 'Bool', false, 'Exit with non-zero exit code when the test run fails.'],
    ['Throw', 'Bool', false, 'Throw an exception when test run fails.'],
    ['PassThru', 'Bool', false, 'Return result object to the pipeline after finishing the test run.'],
    ['SkipRun', 'Bool', false, 'Runs the discovery phase but skips run.'],
    ['SkipRemainingOnFailure', 'String', 'None', 'Skips remaining tests after failure for selected scope, options are None, Run, Container and Block.'],
  ],
  Filter: [
    ['Tag', 'StringArray', [], 'Tags of Describe, Context or It to be run.'],
    ['ExcludeTag', 'StringArray', [], 'Tags of Describe, Context or It to be excluded from the run.'],
    ['Line', 'StringArray', [], 'Filter by file and scriptblock start line.'],
    ['ExcludeLine', 'StringArray', [], 'Exclude by file and scriptblock start line, takes precedence over Line.'],
    ['FullName', 'StringArray', [], 'Full name of test with -like wildcards, joined by dot.'],
  ],
  CodeCoverage: [
    ['Enabled', 'Bool', false, 'Enable CodeCoverage.'],
    ['OutputFormat', 'String', 'JaCoCo', 'Format to use for code coverage report.'],
    ['OutputPath', 'String', 'coverage.xml', 'Path relative to the current directory where code coverage report is saved.'],
    ['OutputEncoding', 'String', 'UTF8', 'Encoding of the output file.'],
    ['Path', 'StringArray', [], 'Directories or files to be used for code coverage.'],
    ['ExcludeTests', 'Bool', true, 'Exclude tests from code coverage.'],
    ['RecursePaths', 'Bool', true, 'Will recurse through directories in the Path option.'],
    ['CoveragePercentTarget', 'Decimal', 75, 'Target percent of code coverage that you want to achieve, default 75%.'],
    ['UseBreakpoints', 'Bool', true, 'When false, use Profiler based tracer to do CodeCoverage instead of using breakpoints.'],
    ['SingleHitBreakpoints', 'Bool', true, 'Remove breakpoint when it is hit.'],
  ],
  TestResult: [
    ['Enabled', 'Bool', false, 'Enable TestResult.'],
    ['OutputFormat', 'String', 'NUnitXml', 'Format to use for test result report. Possible values: NUnitXml, NUnit2.5, NUnit3 or JUnitXml'],
    ['OutputPath', 'String', 'testResults.xml', 'Path relative to the current directory where test result report is saved.'],
    ['OutputEncoding', 'String', 'UTF8', 'Encoding of the output file.'],
    ['TestSuiteName', 'String', 'Pester', "Set the name assigned to the root 'test-suite' element."],
  ],
  Should: [['ErrorAction', 'String', 'Stop', "Controls if Should throws on error. Use 'Stop' to throw on error, or 'Continue' to fail at the end of the test."]],
  Debug: [
    ['ShowFullErrors', 'Bool', false, 'Show full errors including Pester internal stack.'],
    ['WriteDebugMessages', 'Bool', false, 'Write Debug messages to screen.'],
    ['WriteDebugMessagesFrom', 'StringArray', ['Discovery', 'Skip', 'Mock', 'CodeCoverage'], 'Write Debug messages from a given source.'],
    ['ShowNavigationMarkers', 'Bool', false, 'Write paths after every block and test, for easy navigation in VSCode.'],
    ['ReturnRawResultObject', 'Bool', false, 'Returns unfiltered result object, this is for development only.'],
  ],
  Output: [
    ['Verbosity', 'String', 'Normal', 'The verbosity of output, options are None, Normal, Detailed and Diagnostic.'],
    ['StackTraceVerbosity', 'String', 'Filtered', 'The verbosity of stacktrace output, options are None, FirstLine, Filtered and Full.'],
    ['CIFormat', 'String', 'Auto', 'The CI format of error output in build logs, options are None, Auto, AzureDevops and GithubActions.'],
    ['CILogLevel', 'String', 'Error', 'The CI log level in build logs, options are Error and Warning.'],
    ['RenderMode', 'String', 'Auto', 'The mode used to render console output, options are Auto, Ansi, ConsoleColor and Plaintext.'],
  ],
  TestDrive: [['Enabled', 'Bool', true, 'Enable TestDrive.']],
  TestRegistry: [['Enabled', 'Bool', true, 'Enable TestRegistry.']],
};

function normalize(kind: Kind, v: unknown): unknown {
  if (v instanceof PSObject && v.baseObject !== undefined && v.baseObject !== null) v = v.baseObject;
  switch (kind) {
    case 'Bool':
      return toBool(v);
    case 'String':
      return v === null || v === undefined ? null : toStr(v);
    case 'Decimal':
      return Number(toStr(v));
    case 'StringArray':
      return v === null || v === undefined ? [] : (Array.isArray(v) ? v : [v]).map((x) => toStr(x));
    case 'ScriptBlockArray':
    case 'ContainerInfoArray':
      return v === null || v === undefined ? [] : Array.isArray(v) ? [...v] : [v];
    default:
      return v;
  }
}

/** One option: Pester.BoolOption, Pester.StringOption, Pester.StringArrayOption, ... */
export class PesterOption {
  private value: unknown;
  private modified = false;
  constructor(
    private readonly kind: Kind,
    private readonly dflt: unknown,
    private readonly description: string,
  ) {
    this.value = Array.isArray(dflt) ? [...dflt] : dflt;
  }
  get [TYPE_NAME](): string {
    return `Pester.${this.kind}Option`;
  }
  get Default(): unknown {
    return this.dflt;
  }
  get Description(): string {
    return this.description;
  }
  get IsModified(): boolean {
    return this.modified;
  }
  get Value(): unknown {
    return this.value;
  }
  set Value(v: unknown) {
    this.value = normalize(this.kind, v);
    this.modified = true;
  }
  toString(): string {
    const v = this.value;
    return `${this.description} (${Array.isArray(v) ? v.map((x) => toStr(x)).join(', ') : toStr(v)}, default: ${toStr(this.dflt)})`;
  }
}

/** A section (Pester.RunConfiguration, ...): one getter/setter per option. */
export class PesterSection {
  readonly options = new Map<string, PesterOption>();
  constructor(readonly sectionName: string) {}
  get [TYPE_NAME](): string {
    return `Pester.${this.sectionName}Configuration`;
  }
  toString(): string {
    return `Pester.${this.sectionName}Configuration`;
  }
}

const SECTION_CLASSES = new Map<string, new () => PesterSection>();
for (const [section, specs] of Object.entries(SCHEMA)) {
  class Section extends PesterSection {
    constructor() {
      super(section);
      for (const [name, kind, dflt, description] of specs) this.options.set(name.toLowerCase(), new PesterOption(kind, dflt, description));
    }
  }
  for (const [name] of specs) {
    Object.defineProperty(Section.prototype, name, {
      get(this: PesterSection) {
        return this.options.get(name.toLowerCase());
      },
      set(this: PesterSection, v: unknown) {
        const opt = this.options.get(name.toLowerCase())!;
        opt.Value = v instanceof PesterOption ? v.Value : v;
      },
      enumerable: false,
      configurable: true,
    });
  }
  SECTION_CLASSES.set(section, Section);
}

export class PesterConfiguration {
  readonly sections = new Map<string, PesterSection>();
  constructor() {
    for (const [name, C] of SECTION_CLASSES) this.sections.set(name.toLowerCase(), new C());
  }
  get [TYPE_NAME](): string {
    return 'PesterConfiguration';
  }
  toString(): string {
    return 'PesterConfiguration';
  }
  /** The value of Section.Option. */
  value(section: string, option: string): unknown {
    return this.sections.get(section.toLowerCase())?.options.get(option.toLowerCase())?.Value;
  }
  isModified(section: string, option: string): boolean {
    return !!this.sections.get(section.toLowerCase())?.options.get(option.toLowerCase())?.IsModified;
  }
  /** Takes over the options `other` modified (PesterConfiguration::Merge). */
  merge(other: PesterConfiguration): void {
    for (const [name, section] of other.sections) {
      for (const [key, opt] of section.options) if (opt.IsModified) this.set(name, key, opt.Value);
    }
  }
  set(section: string, option: string, v: unknown): void {
    const opt = this.sections.get(section.toLowerCase())?.options.get(option.toLowerCase());
    if (opt) opt.Value = v instanceof PesterOption ? v.Value : v;
  }
}
for (const [section] of SECTION_CLASSES) {
  Object.defineProperty(PesterConfiguration.prototype, section, {
    get(this: PesterConfiguration) {
      return this.sections.get(section.toLowerCase());
    },
    set(this: PesterConfiguration, v: unknown) {
      mergeSection(this, section, v);
    },
    enumerable: false,
    configurable: true,
  });
}

function entriesOf(v: unknown): [string, unknown][] {
  if (v instanceof PSHashtable) return [...v.map.values()].map(([k, x]) => [toStr(k), x]);
  if (v instanceof PSObject) return [...v.members.values()].map((m) => [m.name, m.value]);
  if (v instanceof PesterSection) return [...v.options.entries()].filter(([, o]) => o.IsModified).map(([k, o]) => [k, o.Value]);
  return [];
}

function mergeSection(c: PesterConfiguration, section: string, v: unknown): void {
  for (const [k, x] of entriesOf(v)) c.set(section, k, x);
}

/** `[PesterConfiguration]$hashtable`, New-PesterConfiguration -Hashtable, Invoke-Pester -Configuration @{...}. */
export function toPesterConfiguration(v: unknown): PesterConfiguration {
  if (v instanceof PesterConfiguration) return v;
  const c = new PesterConfiguration();
  if (v instanceof PSObject && v.baseObject instanceof PesterConfiguration) return v.baseObject;
  for (const [section, x] of entriesOf(v)) {
    if (!c.sections.has(section.toLowerCase())) continue;
    mergeSection(c, section, x);
  }
  return c;
}

/**
 * [PesterConfiguration]: defined when Pester loads (a script that names a Pester command loads it before running),
 * so start-up does not pay for it.
 */
export function definePesterConfigurationType(): void {
  defineType({
    fullName: 'PesterConfiguration',
    isInstance: (v) => v instanceof PesterConfiguration,
    construct: () => new PesterConfiguration(),
    convert: (v) => (v instanceof PesterConfiguration || v instanceof PSHashtable || v instanceof PSObject ? toPesterConfiguration(v) : NO_CONVERSION),
    staticProps: { default: () => new PesterConfiguration() },
    staticMethods: {
      merge: (args) => {
        const c = toPesterConfiguration(null);
        for (const a of args) if (a !== null && a !== undefined) c.merge(toPesterConfiguration(a));
        return c;
      },
    },
  });
}
