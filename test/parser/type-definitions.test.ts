import { describe, it, expect } from 'vitest';
import { parse } from '../../src/parser/index.js';
import type * as A from '../../src/parser/ast.js';

function def(src: string): A.TypeDefinitionAst {
  const r = parse(src);
  expect(r.errors.map((e) => e.errorId)).toEqual([]);
  const s = r.ast.endBlock!.statements.find((x) => x.kind === 'TypeDefinition');
  expect(s).toBeDefined();
  return s as A.TypeDefinitionAst;
}

const ids = (src: string) => parse(src).errors.map((e) => e.errorId);

describe('enum definitions', () => {
  it('members separated by semicolons, newlines and commas, with values', () => {
    const d = def('enum Color { Red; Green = 5\n Blue\n Black, White }');
    expect(d).toMatchObject({ kind: 'TypeDefinition', name: 'Color', typeKind: 'enum', baseTypes: [] });
    expect(d.members.map((m) => m.name)).toEqual(['Red', 'Green', 'Blue', 'Black', 'White']);
    expect((d.members[1] as A.PropertyMemberAst).initialValue).toMatchObject({ kind: 'Constant', value: 5 });
    expect((d.members[0] as A.PropertyMemberAst).initialValue).toBeNull();
  });

  it('attributes and an underlying type', () => {
    const d = def('[Flags()] enum Perm : byte { Read = 1; Write = 2 }');
    expect(d.attributes.map((a) => a.typeName.name)).toEqual(['Flags']);
    expect(d.baseTypes.map((t) => t.text)).toEqual(['byte']);
    expect(d.start).toBe(0);
  });

  it('a cast at statement start is still an expression', () => {
    expect(parse('[int]$x = 5').ast.endBlock!.statements[0]!.kind).toBe('AssignmentStatement');
    expect(parse('[Flags()]$x = 5').errors).toEqual([]);
  });

  it('duplicate enumerators', () => expect(ids('enum E { A; A }')).toEqual(['MemberAlreadyDefined']));
});

describe('class definitions', () => {
  const src = `class Foo : Base, System.IComparable {
  [int]$X = 5
  hidden [string] $H
  static [string]$S = 'x'
  $Untyped
  Foo() {}
  Foo([int]$a) : base($a, 2) { $this.X = $a }
  [string] M([int]$x) { return "$x" }
  static [int] Twice([int]$x) { return $x * 2 }
  [void] V() { 'ignored' }
  Plain() { }
}`;

  it('name, base types and members', () => {
    const d = def(src);
    expect(d).toMatchObject({ name: 'Foo', typeKind: 'class' });
    expect(d.baseTypes.map((t) => t.text)).toEqual(['Base', 'System.IComparable']);
    expect(d.members.map((m) => `${m.kind}:${m.name}`)).toEqual([
      'PropertyMember:X', 'PropertyMember:H', 'PropertyMember:S', 'PropertyMember:Untyped', 'FunctionMember:Foo', 'FunctionMember:Foo',
      'FunctionMember:M', 'FunctionMember:Twice', 'FunctionMember:V', 'FunctionMember:Plain',
    ]);
  });

  it('property modifiers, types and initial values', () => {
    const [x, h, s, u] = def(src).members as A.PropertyMemberAst[];
    expect(x).toMatchObject({ propertyType: { name: 'int' }, isStatic: false, isHidden: false, initialValue: { kind: 'Constant', value: 5 } });
    expect(h).toMatchObject({ propertyType: { name: 'string' }, isHidden: true, initialValue: null });
    expect(s).toMatchObject({ isStatic: true, initialValue: { kind: 'StringConstant', value: 'x' } });
    expect(u).toMatchObject({ propertyType: null });
  });

  it('constructors, base calls, methods and return types', () => {
    const ms = def(src).members.filter((m): m is A.FunctionMemberAst => m.kind === 'FunctionMember');
    expect(ms.map((m) => [m.name, m.isConstructor, m.isStatic, m.returnType?.text ?? null, m.parameters.length])).toEqual([
      ['Foo', true, false, null, 0], ['Foo', true, false, null, 1], ['M', false, false, 'string', 1], ['Twice', false, true, 'int', 1],
      ['V', false, false, 'void', 0], ['Plain', false, false, null, 0],
    ]);
    expect(ms[1]!.baseArguments).toHaveLength(2);
    expect(ms[0]!.baseArguments).toBeNull();
  });

  it('statements after the class still parse', () => {
    const r = parse('class A { [string]$x; A() { $this.x = "}" } }\n1');
    expect(r.errors).toEqual([]);
    expect(r.ast.endBlock!.statements.map((s) => s.kind)).toEqual(['TypeDefinition', 'Pipeline']);
  });
});

describe('class and enum parse errors (pwsh ids)', () => {
  it.each([
    ['class', 'MissingNameAfterKeyword'],
    ['class A', 'MissingTypeBody'],
    ['enum E', 'MissingTypeBody'],
    ['class A {', 'MissingEndCurlyBrace'],
    ['class A { [int] M() { } }', 'MethodHasCodePathNotReturn'],
    ['class A { [int] M() { if ($x) { return 1 } } }', 'MethodHasCodePathNotReturn'],
    ['class A { [int] M() { while ($true) { return 1 } } }', 'MethodHasCodePathNotReturn'],
    ['class A { [int] M() { for (;;) { break } } }', 'MethodHasCodePathNotReturn'],
    ['class A { [int] M() { switch (1) { default { return 1 } } } }', 'MethodHasCodePathNotReturn'],
    ['class A { [void] M() { return 1 } }', 'VoidMethodHasReturn'],
    ['class A { [int] M() { return } }', 'NonVoidMethodMissingReturnValue'],
    ['class A { $x; $x }', 'MemberAlreadyDefined'],
    ['class A { [int] M([int]$a) { return 1 } [int] M([int]$b) { return 2 } }', 'MemberAlreadyDefined'],
    ['class A { [int] $x 5 }', 'MissingPropertyTerminator'],
    ['class A { [int] M { } }', 'MissingMethodParameterList'],
    ['class A { A() : foo() { } }', 'MissingBaseCtorCall'],
    ['class A { [int][string]$x }', 'TooManyTypes'],
    ['class A { M() { param($a) } }', 'ParamBlockNotAllowedInMethod'],
    ['class A : { }', 'TypeNameExpected'],
    ['class A { [void] A() { } }', 'ConstructorCantHaveReturnType'],
    ['class A { M() { begin { } end { } } }', 'NamedBlockNotAllowedInMethod'],
  ])('%s → %s', (src, id) => {
    expect(ids(src)).toContain(id);
  });

  it.each([
    'class A { [int] M() { if ($x) { return 1 } else { return 2 } } }',
    'class A { [int] M() { try { return 1 } catch { throw } } }',
    'class A { [int] M() { for (;;) { return 1 } } }',
    'class A { [int] M() { throw "no" } }',
    'class A { [int] M([int]$a) { return 1 } [int] M([string]$a) { return 2 } [int] M() { return 3 } }',
    'class A { [void] M() { $f = { return 1 } } }',
  ])('no error: %s', (src) => {
    expect(ids(src)).toEqual([]);
  });

  it('a missing closing brace is incomplete input (the REPL continues)', () => {
    // pwsh reports in the order found: the property's missing terminator, then the class's missing brace.
    const errors = parse('class A {\n [int]$x').errors;
    expect(errors.map((e) => e.errorId)).toEqual(['MissingPropertyTerminator', 'MissingEndCurlyBrace']);
    expect(errors.every((e) => e.incompleteInput)).toBe(true);
  });
});
