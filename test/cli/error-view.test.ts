import { describe, expect, it } from 'vitest';
import type { Position, SourceFile } from '../../src/parser/ast.js';
import { ErrorRecord, PSException, makeInvocationInfo } from '../../src/runtime/errors.js';
import {
  categoryInfoText,
  ellipsize,
  formatErrorRecord,
  formatParseErrors,
  parseErrorMessage,
  verbosePositionMessage,
} from '../../src/runtime/format/error-view.js';

/** An extent on line 1 covering [start, end) of `text`. */
function extentOf(text: string, start: number, end: number, line = 1): Position {
  const lineStart = text.split('\n').slice(0, line - 1).reduce((n, l) => n + l.length + 1, 0);
  return { start, end, line, column: start - lineStart + 1, endLine: line, endColumn: end - lineStart + 1 };
}

describe('CategoryInfo text', () => {
  it('renders Category: (Target:Type) [Activity], Reason', () => {
    const rec = new ErrorRecord(
      new PSException('x', 'System.Management.Automation.ItemNotFoundException'),
      'PathNotFound,Microsoft.PowerShell.Commands.GetItemCommand',
      'ObjectNotFound',
      '/nope',
      null,
      'Get-Item',
    );
    expect(categoryInfoText(rec.CategoryInfo)).toBe('ObjectNotFound: (/nope:String) [Get-Item], ItemNotFoundException');
  });

  it('renders (:) [] without target or activity', () => {
    const rec = new ErrorRecord(new PSException('x'), 'RuntimeException', 'NotSpecified', null);
    expect(categoryInfoText(rec.CategoryInfo)).toBe('NotSpecified: (:) [], RuntimeException');
  });

  it('uses the resource text for DeadlockDetected and ellipsizes long names', () => {
    const long = 'a'.repeat(20) + 'MIDDLE' + 'b'.repeat(20);
    expect(ellipsize(long)).toBe('a'.repeat(19) + '\u2026' + 'b'.repeat(19));
    expect(ellipsize('x'.repeat(40))).toBe('x'.repeat(40));
    const rec = new ErrorRecord(new PSException('x'), 'Id', 'DeadlockDetected', long);
    expect(categoryInfoText(rec.CategoryInfo)).toBe(`Deadlock detected: (${ellipsize(long)}:String) [], RuntimeException`);
  });
});

describe('position message', () => {
  it('points at the error with tildes', () => {
    const source: SourceFile = { text: '$x = 1/0', path: null };
    expect(verbosePositionMessage(extentOf(source.text, 5, 8), source)).toBe('At line:1 char:6\n+ $x = 1/0\n+      ~~~');
  });

  it('names the file and shows at least one tilde for an empty extent', () => {
    const source: SourceFile = { text: 'a\nif (', path: '/tmp/s.ps1' };
    expect(verbosePositionMessage(extentOf(source.text, 6, 6, 2), source)).toBe('At /tmp/s.ps1:2 char:5\n+ if (\n+     ~');
  });

  it('cuts long lines around the error', () => {
    const text = 'Write-Output ' + 'x'.repeat(80) + ' | Get-Nothing -Param value';
    const source: SourceFile = { text, path: null };
    const start = text.indexOf('Get-Nothing');
    const msg = verbosePositionMessage(extentOf(text, start, start + 11), source);
    const [, line, marker] = msg.split('\n');
    expect(line!.startsWith('+ ... ')).toBe(true);
    expect(line!.length).toBeLessThanOrEqual(2 + 4 + 69 + 4);
    expect(marker!.replace(/ +/g, ' ')).toBe('+ ~~~~~~~~~~~');
    // The squiggle sits under the command name.
    expect(line!.indexOf('Get-Nothing')).toBe(marker!.indexOf('~'));
  });
});

describe('formatErrorRecord (NormalView)', () => {
  it('renders a script error with position, category and id', () => {
    const source: SourceFile = { text: 'throw "boom"', path: null };
    const rec = new ErrorRecord(new PSException('boom'), 'boom', 'OperationStopped', 'boom');
    rec.InvocationInfo = makeInvocationInfo(extentOf(source.text, 0, 12), source, null);
    expect(formatErrorRecord(rec)).toBe(
      [
        'boom',
        'At line:1 char:1',
        '+ throw "boom"',
        '+ ~~~~~~~~~~~~',
        '    + CategoryInfo          : OperationStopped: (boom:String) [], RuntimeException',
        '    + FullyQualifiedErrorId : boom',
      ].join('\n'),
    );
  });

  it('prefixes the failing command and falls back to it as the activity', () => {
    const source: SourceFile = { text: 'Get-Item /nope', path: '/w/s.ps1' };
    const rec = new ErrorRecord(
      new PSException("Cannot find path '/nope' because it does not exist.", 'System.Management.Automation.ItemNotFoundException'),
      'PathNotFound,Microsoft.PowerShell.Commands.GetItemCommand',
      'ObjectNotFound',
      '/nope',
    );
    rec.InvocationInfo = makeInvocationInfo(extentOf(source.text, 0, 14), source, 'Get-Item');
    expect(formatErrorRecord(rec)).toBe(
      [
        "Get-Item : Cannot find path '/nope' because it does not exist.",
        'At /w/s.ps1:1 char:1',
        '+ Get-Item /nope',
        '+ ~~~~~~~~~~~~~~',
        '    + CategoryInfo          : ObjectNotFound: (/nope:String) [Get-Item], ItemNotFoundException',
        '    + FullyQualifiedErrorId : PathNotFound,Microsoft.PowerShell.Commands.GetItemCommand',
      ].join('\n'),
    );
  });

  it('prefers ErrorDetails.Message and works without InvocationInfo', () => {
    const rec = new ErrorRecord(new PSException('inner'), 'Id1', 'InvalidData', null);
    rec.ErrorDetails = { Message: 'details' };
    expect(formatErrorRecord(rec)).toBe(
      'details\n    + CategoryInfo          : InvalidData: (:) [], RuntimeException\n    + FullyQualifiedErrorId : Id1',
    );
  });

  it('shows a parse error position first, via ParentContainsErrorRecordException', () => {
    const source: SourceFile = { text: 'if (', path: null };
    const rec = new ErrorRecord(
      new PSException("Missing '(' after 'if' in if statement.", 'System.Management.Automation.ParseException'),
      'IfStatementMissingCondition',
      'ParserError',
      null,
    );
    rec.isParseError = true;
    rec.InvocationInfo = makeInvocationInfo(extentOf(source.text, 4, 4), source, null);
    const expected = [
      'At line:1 char:5',
      '+ if (',
      '+     ~',
      "Missing '(' after 'if' in if statement.",
      '    + CategoryInfo          : ParserError: (:) [], ParentContainsErrorRecordException',
      '    + FullyQualifiedErrorId : IfStatementMissingCondition',
    ].join('\n');
    expect(formatErrorRecord(rec)).toBe(expected);
    expect(
      formatParseErrors(
        [{ errorId: 'IfStatementMissingCondition', message: "Missing '(' after 'if' in if statement.", extent: extentOf('if (', 4, 4), incompleteInput: true }],
        source,
      ),
    ).toBe(expected);
  });

  it('joins several parse errors with a blank line', () => {
    const source: SourceFile = { text: '1 +\n)', path: null };
    const msg = parseErrorMessage(
      [
        { errorId: 'A', message: 'first', extent: extentOf(source.text, 3, 3), incompleteInput: false },
        { errorId: 'B', message: 'second', extent: extentOf(source.text, 4, 5, 2), incompleteInput: false },
      ],
      source,
    );
    expect(msg).toBe('At line:1 char:4\n+ 1 +\n+    ~\nfirst\n\nAt line:2 char:1\n+ )\n+ ~\nsecond');
  });
});

describe('formatErrorRecord with the parse errors attached to the record', () => {
  it('lists every parse error', () => {
    const source: SourceFile = { text: '1 +\n)', path: null };
    const errors = [
      { errorId: 'A', message: 'first', extent: extentOf(source.text, 3, 3), incompleteInput: false },
      { errorId: 'B', message: 'second', extent: extentOf(source.text, 4, 5, 2), incompleteInput: false },
    ];
    const rec = new ErrorRecord(new PSException('first', 'System.Management.Automation.ParseException'), 'A', 'ParserError', null);
    rec.isParseError = true;
    rec.InvocationInfo = makeInvocationInfo(errors[0]!.extent, source, null);
    (rec as ErrorRecord & { parseErrors?: unknown }).parseErrors = errors;
    expect(formatErrorRecord(rec)).toBe(
      'At line:1 char:4\n+ 1 +\n+    ~\nfirst\n\nAt line:2 char:1\n+ )\n+ ~\nsecond\n' +
        '    + CategoryInfo          : ParserError: (:) [], ParentContainsErrorRecordException\n    + FullyQualifiedErrorId : A',
    );
  });
});
