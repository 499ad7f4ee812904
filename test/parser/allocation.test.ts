import { describe, it, expect } from 'vitest';
import { parse } from '../../src/parser/index.js';
import { positionOf } from '../../src/parser/extent.js';
import { stmt, errs } from './helpers.js';
import type { CommandAst, PipelineAst, AssignmentStatementAst, CommandExpressionAst, FunctionDefinitionAst, ExpandableStringExpressionAst } from '../../src/parser/ast.js';

// The parser shares empty lists between nodes, and nodes carry their offsets instead of extent objects, to keep
// ASTs small; these tests pin down that this is invisible (and safe) for consumers.
describe('parser allocation sharing', () => {
  it('shares frozen empty lists, so a consumer cannot change other nodes through them', () => {
    const { ast } = parse('Get-Item a\nGet-Item b');
    const [p1, p2] = ast.endBlock!.statements as PipelineAst[];
    const c1 = p1!.elements[0] as CommandAst;
    const c2 = p2!.elements[0] as CommandAst;
    expect(c1.redirections).toEqual([]);
    expect(Object.isFrozen(c1.redirections)).toBe(true);
    expect(() => (c1.redirections as unknown[]).push(1)).toThrow(TypeError);
    expect(c2.redirections).toHaveLength(0);
    expect(ast.endBlock!.traps).toEqual([]);
  });

  it('lists with items are ordinary arrays of exactly those items', () => {
    const { ast } = parse('a 1 2 3 > out.txt');
    const c = (ast.endBlock!.statements[0] as PipelineAst).elements[0] as CommandAst;
    expect(c.commandElements).toHaveLength(4);
    expect(Object.isFrozen(c.commandElements)).toBe(false);
    expect(c.redirections).toHaveLength(1);
  });

  it('nodes carry their offsets, and positionOf gives their lines and columns', () => {
    const { ast } = parse('\n  $x = 1 + 2\r\n\t"a"');
    const [a, p] = ast.endBlock!.statements as [AssignmentStatementAst, PipelineAst];
    const right = (a.right as PipelineAst).elements[0] as CommandExpressionAst;
    expect([right.start, right.end, right.expression.start, right.expression.end]).toEqual([8, 13, 8, 13]);
    expect(positionOf(right, ast.source)).toEqual({ start: 8, end: 13, line: 2, column: 8, endLine: 2, endColumn: 13 });
    expect(positionOf(a, ast.source)).toMatchObject({ start: 3, end: 13, line: 2, column: 3 });
    expect(positionOf(p, ast.source)).toMatchObject({ line: 3, column: 2, endLine: 3, endColumn: 5 });
    expect(Object.values(a).some((v) => v && typeof v === 'object' && 'line' in v)).toBe(false);
  });

  it('token objects are reused between statements without disturbing the rules that still hold one', () => {
    // Bodies much longer than the token pool: the `{`, `$(` and keyword tokens of the enclosing rules are read
    // again after their bodies were parsed (extents, missing-brace errors), and the lookahead survives.
    const body = Array.from({ length: 700 }, (_, i) => `$v${i} = $w + ${i}; Get-Item -Path p${i}`).join('\n');
    expect(errs(`if ($a) {\n${body}\n`)).toEqual([['MissingEndCurlyBrace', '1:9', true]]);
    expect(errs(`$x = "a $(\n${body}\n"`)).toEqual([
      // In the order found: the unclosed `$(` while scanning the string, then the string itself, then the inner one.
      ['TerminatorExpectedAtEndOfString', '1:9', true], ['TerminatorExpectedAtEndOfString', '1:6', true], ['TerminatorExpectedAtEndOfString', '702:1', true],
    ]);
    const src = `function f {\n${body}\n}\n"s $(${body.replace(/\n/g, '; ')}) e"\n$last`;
    const { ast, errors } = parse(src);
    expect(errors).toEqual([]);
    const [fn, str, last] = ast.endBlock!.statements as [FunctionDefinitionAst, PipelineAst, PipelineAst];
    expect([fn.start, fn.end]).toEqual([0, src.indexOf('\n"s')]);
    expect(fn.body.endBlock!.statements).toHaveLength(1400);
    const s = (str.elements[0] as CommandExpressionAst).expression as ExpandableStringExpressionAst;
    expect(s.parts).toHaveLength(3);
    expect(stmt('$last')).toBe('$last');
    expect((last.elements[0] as CommandExpressionAst).start).toBe(src.length - 5);
  });

  it('recognizes keywords in any ASCII case without allocating, and only ASCII spellings', () => {
    expect(stmt('IF ($a) { 1 } ELSE { 2 }')).toBe(stmt('if ($a) { 1 } else { 2 }'));
    expect(stmt('ForEach ($i in $l) { $i }')).toBe(stmt('foreach ($i in $l) { $i }'));
    expect(stmt('iF2')).toBe('(cmd b"iF2")');
    expect(stmt('ıf')).toBe('(cmd b"ıf")');
  });
});
