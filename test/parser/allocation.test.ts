import { describe, it, expect } from 'vitest';
import { parse } from '../../src/parser/index.js';
import { stmt } from './helpers.js';
import type { CommandAst, PipelineAst, AssignmentStatementAst, CommandExpressionAst } from '../../src/parser/ast.js';

// The parser shares empty lists and identical extents between nodes to keep ASTs small; these tests pin down
// that sharing is invisible (and safe) for consumers.
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

  it('nodes with the same span may share an extent, with correct positions', () => {
    const { ast } = parse('\n  $x = 1 + 2');
    const a = ast.endBlock!.statements[0] as AssignmentStatementAst;
    const right = (a.right as PipelineAst).elements[0] as CommandExpressionAst;
    expect(right.extent).toBe(right.expression.extent);
    expect([right.extent.line, right.extent.column, right.extent.endColumn]).toEqual([2, 8, 13]);
    expect([a.extent.start, a.extent.end, a.extent.line, a.extent.column]).toEqual([3, 13, 2, 3]);
  });

  it('recognizes keywords in any ASCII case without allocating, and only ASCII spellings', () => {
    expect(stmt('IF ($a) { 1 } ELSE { 2 }')).toBe(stmt('if ($a) { 1 } else { 2 }'));
    expect(stmt('ForEach ($i in $l) { $i }')).toBe(stmt('foreach ($i in $l) { $i }'));
    expect(stmt('iF2')).toBe('(cmd b"iF2")');
    expect(stmt('ıf')).toBe('(cmd b"ıf")');
  });
});
