import { describe, it, expect } from 'vitest';
import { parse } from '../../src/parser/index.js';
import { errs } from './helpers.js';

describe('parse errors: pwsh ids, messages, positions', () => {
  it.each([
    ['{', 'MissingEndCurlyBrace', "Missing closing '}' in statement block or type definition.", '1:1', true],
    ['if ($x) {\n  1', 'MissingEndCurlyBrace', "Missing closing '}' in statement block or type definition.", '1:9', true],
    ['(1 + 2', 'MissingEndParenthesisInExpression', "Missing closing ')' in expression.", '1:7', true],
    ['$(1', 'MissingEndParenthesisInSubexpression', "Missing closing ')' in subexpression.", '1:4', true],
    ['1 +', 'ExpectedValueExpression', "You must provide a value expression following the '+' operator.", '1:4', true],
    ['1 -eq', 'ExpectedValueExpression', "You must provide a value expression following the '-eq' operator.", '1:6', true],
    ['-not', 'MissingExpressionAfterOperator', "Missing expression after unary operator '-not'.", '1:5', true],
    ['"abc', 'TerminatorExpectedAtEndOfString', 'The string is missing the terminator: ".', '1:1', true],
    ["'abc", 'TerminatorExpectedAtEndOfString', "The string is missing the terminator: '.", '1:1', true],
    ['@"\nabc', 'TerminatorExpectedAtEndOfString', 'The string is missing the terminator: "@.', '1:1', true],
    ['@{ a = 1', 'IncompleteHashLiteral', 'The hash literal was incomplete.', '1:1', true],
    ['@{ a 1 }', 'MissingEqualsInHashLiteral', "Missing '=' operator after key in hash literal.", '1:5', false],
    ['$a[]', 'MissingArrayIndexExpression', 'Array index expression is missing or not valid.', '1:4', false],
    ['$a[0', 'MissingEndSquareBracket', "Missing ']' after array index expression.", '1:5', true],
    ['try { }', 'MissingCatchOrFinally', 'The Try statement is missing its Catch or Finally block.', '1:8', true],
    ['try { }\n1', 'MissingCatchOrFinally', 'The Try statement is missing its Catch or Finally block.', '1:8', false],
    ['function f($a', 'MissingEndParenthesisInFunctionParameterList', "Missing ')' in function parameter list.", '1:14', true],
    ['function f', 'MissingFunctionBody', 'Missing function body in function declaration.', '1:11', true],
    ['function', 'MissingNameAfterKeyword', 'Missing name after function keyword.', '1:9', true],
    ['Get-Foo | | b', 'EmptyPipeElement', 'An empty pipe element is not allowed.', '1:9', false],
    ['$a |', 'EmptyPipeElement', 'An empty pipe element is not allowed.', '1:5', true],
    ['$x.', 'MissingPropertyName', 'Missing property name after reference operator.', '1:4', true],
    ['[', 'MissingTypename', "Missing type name after '['.", '1:1', true],
    ['[int', 'EndSquareBracketExpectedAtEndOfAttribute', 'Missing ] at end of attribute or type literal.', '1:5', true],
    ['[CmdletBinding()]', 'UnexpectedAttribute', "Unexpected attribute 'CmdletBinding'.", '1:1', false],
    ['"a" b', 'UnexpectedToken', "Unexpected token 'b' in expression or statement.", '1:5', false],
    ['1 2', 'UnexpectedToken', "Unexpected token '2' in expression or statement.", '1:3', false],
    ['if ($x)', 'MissingStatementBlock', 'Missing statement block after if ( condition ).', '1:8', true],
    ['if ($x) { } elseif ($y)', 'MissingStatementBlock', 'Missing statement block after elseif ( condition ).', '1:24', true],
    ['if ($x) { } else', 'MissingStatementBlockAfterElse', "Missing statement block after 'else' keyword.", '1:17', true],
    ['if', 'MissingOpenParenthesisInIfStatement', "Missing '(' after 'if' in if statement.", '1:3', true],
    ['if ()', 'IfStatementMissingCondition', "Missing condition in if statement after 'if ('.", '1:5', false],
    ['if ($x', 'MissingEndParenthesisAfterStatement', "Missing closing ')' after expression in 'if' statement.", '1:7', true],
    ['foreach ($x', 'MissingInInForeach', "Missing 'in' after variable in foreach loop.\nThe correct form is: foreach ($a in $b) {...}", '1:12', true],
    ['foreach ($x in $y', 'MissingEndParenthesisAfterForeach', "Missing closing ')' after expression part of foreach loop.\nThe correct form is: foreach ($a in $b) {...}", '1:18', true],
    ['while ($x)', 'MissingLoopStatement', 'Missing statement body in while loop.', '1:11', true],
    ['do { }', 'MissingWhileOrUntilInDoWhile', 'Missing while or until keyword in do loop.', '1:7', true],
    ['switch ($x) {', 'MissingEndCurlyBrace', "Missing closing '}' in statement block or type definition.", '1:13', true],
    ['switch -foo ($x) {}', 'InvalidSwitchFlag', 'The parameter -foo is not valid for the switch statement.', '1:8', false],
    ['$x = ', 'ExpectedValueExpression', "You must provide a value expression following the '=' operator.", '1:5', true],
    ['1 = 2', 'InvalidLeftHandSide', 'The assignment expression is not valid. The input to an assignment operator must be an object that is able to accept assignments, such as a variable or a property.', '1:1', false],
    ['a &&', 'EmptyPipelineChainElement', 'A pipeline chain operator must be followed by a pipeline.', '1:5', true],
    ['$x ? 1', 'MissingColonInTernaryExpression', "Missing ':' in the ternary expression.", '1:7', true],
    ['1 >', 'MissingFileSpecification', 'Missing file specification after redirection operator.', '1:4', true],
    ['x < y', 'RedirectionNotSupported', "The '<' operator is reserved for future use.", '1:3', false],
    ['$a.M(1,', 'MissingEndParenthesisInMethodCall', "Missing ')' in method call.", '1:8', true],
    ['<# abc', 'MissingTerminatorMultiLineComment', "The terminator '#>' is missing from the multiline comment.", '1:7', true],
    ['"$x:"', 'InvalidVariableReferenceWithDrive', "Variable reference is not valid. ':' was not followed by a valid variable name character. Consider using ${} to delimit the name.", '1:2', false],
    ['1 | "x"', 'ExpressionsMustBeFirstInPipeline', 'Expressions are only allowed as the first element of a pipeline.', '1:5', false],
    // Command mode has no unary comma: a comma where an argument should start is MissingArgument (pwsh's `gcm ,`).
    ['gcm ,', 'MissingArgument', 'Missing argument in parameter list.', '1:5', false],
    ['Write-Output ,1', 'MissingArgument', 'Missing argument in parameter list.', '1:14', false],
    ['write-output 2,,1', 'MissingExpression', "Missing expression after ',' in pipeline element.", '1:16', false],
    ['echo a,', 'MissingExpression', "Missing expression after ',' in pipeline element.", '1:8', true],
    ['${a{b} = 1', 'OpenBraceNeedsToBeBackTickedInVariableName', 'Use `{ instead of { in variable names.', '1:4', false],
    // A body that starts with a block keyword is a named-block list: a missing block is reported after the name.
    ['begin', 'MissingNamedStatementBlock', "Missing statement block after 'begin'.", '1:6', true],
    ['begin process {}', 'MissingNamedStatementBlock', "Missing statement block after 'begin'.", '1:6', false],
    ['begin {} Hi', 'MissingNamedBlocks', "unexpected token 'Hi', expected 'begin', 'process', 'end', 'clean', or 'dynamicparam'.", '1:10', false],
    // `u{} escapes: pwsh's error ids, at the first character that does not fit.
    ['"`u{219z}"', 'InvalidUnicodeEscapeSequence', "The Unicode escape sequence is not valid. A valid sequence is `u{ followed by one to six hex digits and a closing '}'.", '1:8', false],
    ['"`u{1234567}"', 'TooManyDigitsInUnicodeEscapeSequence', 'The Unicode escape sequence contains more than the maximum of six hex digits between braces.', '1:11', false],
    ['"`u{110000}"', 'InvalidUnicodeEscapeSequenceValue', 'The Unicode escape sequence value is out of range. The maximum value is 0x10FFFF.', '1:5', false],
    ['"`u{123456', 'MissingUnicodeEscapeSequenceTerminator', "The Unicode escape sequence is missing the closing '}'.", '1:11', false],
    ['function f { param($a,[int]$a) }', 'DuplicateFormalParameter', 'Duplicate parameter $a in parameter list.', '1:28', false],
    ['function f($a,[int]$A){}', 'DuplicateFormalParameter', 'Duplicate parameter $A in parameter list.', '1:20', false],
    ['gcm -a:', 'ParameterRequiresArgument', 'Parameter -a: requires an argument.', '1:8', false],
    ['$a,$b += 1,2', 'InvalidLeftHandSide', 'The assignment expression is not valid. The input to an assignment operator must be an object that is able to accept assignments, such as a variable or a property.', '1:1', false],
    ['${x}?.name = "value"', 'InvalidLeftHandSide', 'The assignment expression is not valid. The input to an assignment operator must be an object that is able to accept assignments, such as a variable or a property.', '1:1', false],
    ['${x}?[0] = 1', 'InvalidLeftHandSide', 'The assignment expression is not valid. The input to an assignment operator must be an object that is able to accept assignments, such as a variable or a property.', '1:1', false],
    ['interface IFoo { }', 'ReservedKeywordNotAllowed', "The 'interface' keyword is not supported in this version of the language.", '1:1', false],
  ] as const)('%j', (src, id, message, pos, incomplete) => {
    const r = parse(src);
    const e = r.errors.find((x) => x.errorId === id);
    expect(e, JSON.stringify(r.errors.map((x) => x.errorId))).toBeDefined();
    expect(e!.message).toBe(message);
    expect(`${e!.extent.line}:${e!.extent.column}`).toBe(pos);
    expect(e!.incompleteInput).toBe(incomplete);
  });

  it('positions are on the right line', () => {
    expect(errs('1\n2\n"a" b')).toEqual([['UnexpectedToken', '3:5', false]]);
  });

  it('interface definitions are skipped cleanly so later statements still parse', () => {
    const r = parse('interface IFoo { [string]$x; Foo() { $this.x = "}" } }\n1');
    expect(r.errors.map((e) => e.errorId)).toEqual(['ReservedKeywordNotAllowed']);
    expect(r.ast.endBlock!.statements).toHaveLength(1);
  });
});

describe('incomplete input detection (REPL continuation)', () => {
  const incomplete = (src: string) => {
    const r = parse(src);
    return r.errors.length > 0 && r.errors.every((e) => e.incompleteInput);
  };
  it.each([
    '{', 'if ($x) {', 'function f {', '(1 +', '"abc', "'abc", '@"\nx', "@'\nx", 'Get-Foo |', '1 +', '$x =', 'if ($x)', 'if ($x', 'foreach ($a in $b)',
    '@{ a = 1', '@(1', '$(1', 'try { }', 'switch ($x) {', 'do { }', 'a &&', '<# c', '$a.M(1,', '[int', 'while ($true) {\n  $x++',
  ])('%j is incomplete', (src) => expect(incomplete(src)).toBe(true));
  it.each(['1 2', '"a" b', '1 = 2', 'Get-Foo | | b', '$a[]', 'if ()', 'x < y'])('%j is a real error', (src) => expect(incomplete(src)).toBe(false));
  it.each(['1', 'if ($x) { 1 }', 'Get-Foo | Out-Null', '"a $(1)"', '@{a=1}'])('%j has no errors', (src) => expect(parse(src).errors).toEqual([]));
});

describe('control flow leaving a finally block', () => {
  it.each([
    ['try {} finally { return }', '1:18'],
    ['try {} finally { break }', '1:18'],
    ['try {} finally { continue }', '1:18'],
    [':o while (1) { try {} finally { break o } }', '1:33'],
    [':o while (1) { try {} finally { while (1) { break o } } }', '1:45'],
  ])('%j is ControlLeavingFinally', (src, pos) => {
    expect(errs(src)).toEqual([['ControlLeavingFinally', pos, false]]);
    expect(parse(src).errors[0]!.message).toBe('Flow of control cannot leave a Finally block.');
  });
  it.each([
    'try {} finally { foreach ($a in 1) { break } }', 'try {} finally { switch (1) { 1 { break } } }', 'try {} finally { & { return } }',
    'try {} finally { function f { return } }', 'try {} finally { trap { break } }', 'try {} finally { exit }', 'try { return } finally { }',
  ])('%j is allowed', (src) => expect(errs(src)).toEqual([]));
});

describe('leading pipe continuation (pwsh 7.4)', () => {
  it('a line starting with | continues the previous pipeline', () => {
    expect(errs('1, 2\n  | ForEach-Object { $_ }')).toEqual([]);
    expect(parse('1, 2\n# comment\n| Out-String\n  # another\n| Out-Host').ast.endBlock!.statements).toHaveLength(1);
  });
  it('a blank line before the | ends the pipeline: the | is an empty pipe element', () => {
    expect(errs('1, 2\n\n| Out-String')).toEqual([['EmptyPipeElement', '3:1', false]]);
    expect(errs('1, 2\n  \t\n| Out-String')).toEqual([['EmptyPipeElement', '3:1', false]]);
  });
});
