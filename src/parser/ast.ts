// The typed AST that the parser produces and the interpreter compiles.
// This file is the contract between src/parser and src/runtime: change it only
// with both sides in mind. Every node is its own Extent (it carries `start` and `end`)
// so that errors can report "At file:line char:col" and show the source line.

/**
 * Where something is in its source: 0-based offsets into the text, end exclusive. Nodes carry these two numbers
 * themselves, rather than pointing to an extent object, because an extent per node was a quarter of an AST's
 * memory, and collecting big ASTs' young objects was most of a large parse's time. Line and column come from
 * `positionOf` (src/parser/extent.ts), which needs the node's SourceFile.
 */
export interface Extent {
  start: number;
  end: number;
}

/** An extent with its 1-based line and column: what parse errors and tokens carry, and what `positionOf` gives. */
export interface Position extends Extent {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/** Source text of a whole parse, shared by every node of that parse (for error display and $MyInvocation). */
export interface SourceFile {
  text: string;
  /** Script path, or null for -c / interactive input. */
  path: string | null;
  /** Namespaces named by the file's `using namespace` statements (set by the parser; absent when none). */
  usingNamespaces?: string[];
  /** Module names or paths of the file's `using module` statements (imported before the script runs). */
  usingModules?: string[];
}

type NodeBase = Extent;

// ---------------------------------------------------------------------------
// Types

/** `[int]`, `[System.Collections.Generic.List[string]]`, `[string[]]`, `[hashtable[]]`. */
export interface TypeName {
  /** The type's name without generic arguments or array rank, as written: `System.Collections.Generic.List`, `int`. */
  name: string;
  /** Generic arguments, if any. */
  genericArgs: TypeName[] | null;
  /** Array rank: 0 for none, 1 for `[]`, 2 for `[,]`. Nested `[][]` is represented by an element TypeName with rank. */
  arrayRank: number;
  /** For `T[][]`: the element type of the outer array; otherwise null. */
  elementType: TypeName | null;
  /** Full text as written, without the outer brackets: `System.Collections.Generic.List[string]`. */
  text: string;
}

// ---------------------------------------------------------------------------
// Script blocks, parameters and attributes

export interface ScriptBlockAst extends NodeBase {
  kind: 'ScriptBlock';
  source: SourceFile;
  /** `using` statements are parsed and ignored. `#requires` is ignored. */
  paramBlock: ParamBlockAst | null;
  dynamicParamBlock: NamedBlockAst | null;
  beginBlock: NamedBlockAst | null;
  processBlock: NamedBlockAst | null;
  /** When the script block has no named blocks, its statements are the end block and `endBlock.unnamed` is true. */
  endBlock: NamedBlockAst | null;
  cleanBlock: NamedBlockAst | null;
  /** Filled by the parser for `function f { }` bodies etc.: true when the script block is the body of a `filter`. */
  isFilter: boolean;
}

export interface NamedBlockAst extends NodeBase {
  kind: 'NamedBlock';
  blockKind: 'begin' | 'process' | 'end' | 'clean' | 'dynamicparam';
  unnamed: boolean;
  statements: StatementAst[];
  traps: TrapStatementAst[];
}

export interface ParamBlockAst extends NodeBase {
  kind: 'ParamBlock';
  /** Attributes before `param(`, e.g. `[CmdletBinding(SupportsShouldProcess)]`, `[OutputType([int])]`. */
  attributes: AttributeAst[];
  parameters: ParameterAst[];
}

export interface ParameterAst extends NodeBase {
  kind: 'Parameter';
  /** Variable name without `$`. */
  name: string;
  /** In source order; AttributeAst for `[Parameter(...)]` etc., TypeConstraintAst for `[int]`. */
  attributes: (AttributeAst | TypeConstraintAst)[];
  defaultValue: ExpressionAst | null;
}

export interface AttributeAst extends NodeBase {
  kind: 'Attribute';
  typeName: TypeName;
  positionalArguments: ExpressionAst[];
  /** `Mandatory` alone has expression null (meaning $true); `Mandatory = $false` has the expression. */
  namedArguments: ({ name: string; expression: ExpressionAst | null } & Extent)[];
}

export interface TypeConstraintAst extends NodeBase {
  kind: 'TypeConstraint';
  typeName: TypeName;
}

// ---------------------------------------------------------------------------
// Statements

export type StatementAst =
  | PipelineAst
  | PipelineChainAst
  | AssignmentStatementAst
  | IfStatementAst
  | SwitchStatementAst
  | ForEachStatementAst
  | ForStatementAst
  | WhileStatementAst
  | DoWhileStatementAst
  | DoUntilStatementAst
  | FunctionDefinitionAst
  | ReturnStatementAst
  | ExitStatementAst
  | ThrowStatementAst
  | BreakStatementAst
  | ContinueStatementAst
  | TryStatementAst
  | TrapStatementAst
  | BlockStatementAst
  | DataStatementAst
  | TypeDefinitionAst;

/** Anything that can stand where a pipeline is expected (if conditions, assignment values, return values...). */
export type PipelineBaseAst = PipelineAst | PipelineChainAst | AssignmentStatementAst;

export interface PipelineAst extends NodeBase {
  kind: 'Pipeline';
  /** At least one element. Only the first element may be a CommandExpression in valid PowerShell. */
  elements: (CommandAst | CommandExpressionAst)[];
  /** Trailing `&` (background job). */
  background: boolean;
}

export interface PipelineChainAst extends NodeBase {
  kind: 'PipelineChain';
  left: PipelineAst | PipelineChainAst;
  operator: '&&' | '||';
  right: PipelineAst;
  background: boolean;
}

export interface CommandAst extends NodeBase {
  kind: 'Command';
  /** `&` call operator, `.` dot-source, or null for a plain command. */
  invocationOperator: '&' | '.' | null;
  /**
   * First element is the command name: a StringConstantExpression (bareword, quoted) or any expression
   * (e.g. `& $sb`, `& (Get-Command x)`). The rest are arguments and parameters in source order.
   */
  commandElements: CommandElementAst[];
  redirections: RedirectionAst[];
}

export type CommandElementAst = CommandParameterAst | ExpressionAst;

/** `-Name`, `-Name:value`. `--` alone is a StringConstant argument `--`, not a parameter. */
export interface CommandParameterAst extends NodeBase {
  kind: 'CommandParameter';
  /** Name without the dash, as written. */
  parameterName: string;
  /** For `-Name:value` the value expression; otherwise null. */
  argument: ExpressionAst | null;
  /** The token text as written, e.g. `-Name:` or `-Name`; used when a parameter is passed through to a native command. */
  text: string;
}

export interface CommandExpressionAst extends NodeBase {
  kind: 'CommandExpression';
  expression: ExpressionAst;
  redirections: RedirectionAst[];
}

export type RedirectionStream = '*' | '1' | '2' | '3' | '4' | '5' | '6';

/** `> file`, `>> file`, `2> file`, `*> $null`. Stream `1` for plain `>`. */
export interface FileRedirectionAst extends NodeBase {
  kind: 'FileRedirection';
  fromStream: RedirectionStream;
  append: boolean;
  location: ExpressionAst;
}

/** `2>&1`, `*>&1`, `3>&1`. Only `&1` is valid as target (and `1>&2` is parsed with toStream '2'). */
export interface MergingRedirectionAst extends NodeBase {
  kind: 'MergingRedirection';
  fromStream: RedirectionStream;
  toStream: '1' | '2';
}

export type RedirectionAst = FileRedirectionAst | MergingRedirectionAst;

export type AssignmentOperator = '=' | '+=' | '-=' | '*=' | '/=' | '%=' | '??=';

export interface AssignmentStatementAst extends NodeBase {
  kind: 'AssignmentStatement';
  /**
   * VariableExpression, MemberExpression, IndexExpression, ConvertExpression wrapping one of those
   * (`[int]$x = 5`), or ArrayLiteral of those (`$a, $b = 1, 2`).
   */
  left: ExpressionAst;
  operator: AssignmentOperator;
  /** A pipeline, chain, another assignment (`$a = $b = 1`), or a statement such as `if`/`switch`/`foreach` (`$x = if (...) {...}`). */
  right: StatementAst;
}

export interface StatementBlockAst extends NodeBase {
  kind: 'StatementBlock';
  statements: StatementAst[];
  traps: TrapStatementAst[];
}

export interface IfStatementAst extends NodeBase {
  kind: 'IfStatement';
  /** `if` then each `elseif` in order. */
  clauses: { condition: PipelineBaseAst; body: StatementBlockAst }[];
  elseClause: StatementBlockAst | null;
}

export interface SwitchStatementAst extends NodeBase {
  kind: 'SwitchStatement';
  label: string | null;
  flags: { regex: boolean; wildcard: boolean; exact: boolean; caseSensitive: boolean; file: boolean; parallel: boolean };
  /** The value(s) switched on: `switch ($x)`; with -File, the path expression. */
  condition: PipelineBaseAst;
  /** Clause conditions: constant/expression values, or ScriptBlockExpression for `{ $_ -gt 5 }` conditions. */
  clauses: { condition: ExpressionAst; body: StatementBlockAst }[];
  defaultClause: StatementBlockAst | null;
}

export interface ForEachStatementAst extends NodeBase {
  kind: 'ForEachStatement';
  label: string | null;
  variable: VariableExpressionAst;
  iterable: PipelineBaseAst;
  body: StatementBlockAst;
}

export interface ForStatementAst extends NodeBase {
  kind: 'ForStatement';
  label: string | null;
  initializer: PipelineBaseAst | null;
  condition: PipelineBaseAst | null;
  iterator: PipelineBaseAst | null;
  body: StatementBlockAst;
}

export interface WhileStatementAst extends NodeBase {
  kind: 'WhileStatement';
  label: string | null;
  condition: PipelineBaseAst;
  body: StatementBlockAst;
}

export interface DoWhileStatementAst extends NodeBase {
  kind: 'DoWhileStatement';
  label: string | null;
  condition: PipelineBaseAst;
  body: StatementBlockAst;
}

export interface DoUntilStatementAst extends NodeBase {
  kind: 'DoUntilStatement';
  label: string | null;
  condition: PipelineBaseAst;
  body: StatementBlockAst;
}

export interface FunctionDefinitionAst extends NodeBase {
  kind: 'FunctionDefinition';
  /** As written, may include a scope prefix: `global:Foo`. */
  name: string;
  isFilter: boolean;
  /** Parameters declared as `function f($a, [int]$b = 2) { }`; null when none were written that way. */
  parameters: ParameterAst[] | null;
  body: ScriptBlockAst;
}

export interface ReturnStatementAst extends NodeBase {
  kind: 'ReturnStatement';
  pipeline: PipelineBaseAst | null;
}

export interface ExitStatementAst extends NodeBase {
  kind: 'ExitStatement';
  pipeline: PipelineBaseAst | null;
}

export interface ThrowStatementAst extends NodeBase {
  kind: 'ThrowStatement';
  pipeline: PipelineBaseAst | null;
}

export interface BreakStatementAst extends NodeBase {
  kind: 'BreakStatement';
  /** `break outer` gives a StringConstant; `break $label` an expression; null for none. */
  label: ExpressionAst | null;
}

export interface ContinueStatementAst extends NodeBase {
  kind: 'ContinueStatement';
  label: ExpressionAst | null;
}

export interface TryStatementAst extends NodeBase {
  kind: 'TryStatement';
  body: StatementBlockAst;
  /** `catch [A], [B] { }`: types empty for a catch-all. */
  catchClauses: ({ catchTypes: TypeName[]; body: StatementBlockAst } & Extent)[];
  finallyClause: StatementBlockAst | null;
}

export interface TrapStatementAst extends NodeBase {
  kind: 'TrapStatement';
  trapType: TypeName | null;
  body: StatementBlockAst;
}

/** A bare `{ ... }` is not a statement in PowerShell (it is a script block expression); this covers `parallel`/`sequence` keywords only and may be unused. */
export interface BlockStatementAst extends NodeBase {
  kind: 'BlockStatement';
  body: StatementBlockAst;
}

/** `data { ... }` sections. */
export interface DataStatementAst extends NodeBase {
  kind: 'DataStatement';
  variableName: string | null;
  body: StatementBlockAst;
}

// ---------------------------------------------------------------------------
// Type definitions (`class` / `enum`), modelled on pwsh's TypeDefinitionAst

/**
 * `class Name : Base, IFace { members }` or `enum Name : byte { A; B = 5 }`. Types are defined when the script
 * block that contains them starts running (before its first statement), so they can be used above their definition.
 */
export interface TypeDefinitionAst extends NodeBase {
  kind: 'TypeDefinition';
  name: string;
  typeKind: 'class' | 'enum';
  /** Attributes before the keyword, e.g. `[Flags()]`. */
  attributes: AttributeAst[];
  /** After `:`: for a class the base class (if any) and interfaces, for an enum its underlying type. */
  baseTypes: TypeName[];
  members: MemberAst[];
}

export type MemberAst = PropertyMemberAst | FunctionMemberAst;

/** A class property, or an enum member (its value in `initialValue`). */
export interface PropertyMemberAst extends NodeBase {
  kind: 'PropertyMember';
  name: string;
  propertyType: TypeName | null;
  attributes: AttributeAst[];
  isStatic: boolean;
  isHidden: boolean;
  initialValue: ExpressionAst | null;
}

/** A method or constructor (a method named like its class, without a return type). */
export interface FunctionMemberAst extends NodeBase {
  kind: 'FunctionMember';
  name: string;
  /** Declared return type; null when none is written (constructors, or an implicit `[void]`... as pwsh: object). */
  returnType: TypeName | null;
  attributes: AttributeAst[];
  isStatic: boolean;
  isHidden: boolean;
  isConstructor: boolean;
  parameters: ParameterAst[];
  /** `: base(args)` on a constructor; null when absent. */
  baseArguments: ExpressionAst[] | null;
  body: ScriptBlockAst;
}

// ---------------------------------------------------------------------------
// Expressions

export type ExpressionAst =
  | ConstantExpressionAst
  | StringConstantExpressionAst
  | ExpandableStringExpressionAst
  | VariableExpressionAst
  | BinaryExpressionAst
  | UnaryExpressionAst
  | TernaryExpressionAst
  | ConvertExpressionAst
  | TypeExpressionAst
  | MemberExpressionAst
  | InvokeMemberExpressionAst
  | IndexExpressionAst
  | ArrayLiteralAst
  | ArrayExpressionAst
  | SubExpressionAst
  | ParenExpressionAst
  | HashtableAst
  | ScriptBlockExpressionAst
  | AttributedExpressionAst
  | UsingExpressionAst;

/** Number literals. `$true`, `$false` and `$null` are variables, not constants. */
export interface ConstantExpressionAst extends NodeBase {
  kind: 'Constant';
  /**
   * The parser does not depend on the runtime, so numbers arrive in a neutral form that the interpreter
   * converts once at compile time: Int32/Double as JS number, Int64/UInt64 as bigint, Decimal as its
   * normalized decimal text (`'1.10'`, scale kept), the others as number.
   */
  value: number | bigint | string;
  numberType: 'Int32' | 'Int64' | 'Double' | 'Decimal' | 'Byte' | 'SByte' | 'Int16' | 'UInt16' | 'UInt32' | 'UInt64' | 'BigInteger';
  /** The literal as written, e.g. `0x10`, `1kb`, `1.10d`. */
  text: string;
}

export type StringQuoteKind = 'bare' | 'single' | 'double' | 'singleHere' | 'doubleHere';

/** A string with nothing to expand: single-quoted, bareword command arguments, double-quoted without `$`. Escapes are already processed. */
export interface StringConstantExpressionAst extends NodeBase {
  kind: 'StringConstant';
  value: string;
  quote: StringQuoteKind;
}

/**
 * A double-quoted (or here-) string with expansions, or a bareword argument with them (`a$b`, `$x.txt`).
 * `parts` alternate literal text (escapes processed) and expressions: VariableExpression for `$x`/`${x}`/`$env:x`,
 * SubExpression for `$(...)`. `$obj.Prop` inside a string expands only `$obj` followed by literal `.Prop`.
 */
export interface ExpandableStringExpressionAst extends NodeBase {
  kind: 'ExpandableString';
  parts: (string | ExpressionAst)[];
  quote: StringQuoteKind;
  /** The raw text between the quotes, as written. */
  text: string;
}

export interface VariableExpressionAst extends NodeBase {
  kind: 'Variable';
  /**
   * Name without `$` and without scope/drive prefix: `x` for `$global:x`, `PATH` for `$env:PATH`, `any name` for `${any name}`.
   * `$_` has name `_`; `$$`, `$?`, `$^` are `$`, `?`, `^`.
   */
  name: string;
  /** Lower-cased scope or drive qualifier (`global`, `script`, `local`, `private`, `using`, `env`, `variable`, `function`, ...), or null. */
  scope: string | null;
  /** `@name` splatting. */
  splatted: boolean;
}

export type BinaryOperator =
  // arithmetic
  | '+' | '-' | '*' | '/' | '%'
  // comparison (case-insensitive forms are normalized: `-ieq` → '-eq' with caseSensitive false; `-ceq` → '-eq' with caseSensitive true)
  | '-eq' | '-ne' | '-gt' | '-ge' | '-lt' | '-le'
  | '-like' | '-notlike' | '-match' | '-notmatch'
  | '-contains' | '-notcontains' | '-in' | '-notin'
  | '-replace' | '-split'
  | '-is' | '-isnot' | '-as'
  | '-join' | '-f' | '..'
  | '-and' | '-or' | '-xor'
  | '-band' | '-bor' | '-bxor' | '-shl' | '-shr'
  | '??';

export interface BinaryExpressionAst extends NodeBase {
  kind: 'BinaryExpression';
  operator: BinaryOperator;
  /** True for the `c`-prefixed forms (`-ceq`, `-cmatch`, `-creplace`, `-csplit`...). */
  caseSensitive: boolean;
  left: ExpressionAst;
  right: ExpressionAst;
  /** Offsets of the operator token, for error positions. */
  operatorStart: number;
  operatorEnd: number;
}

export type UnaryOperator =
  | '-' | '+' | '!' | '-not' | '-bnot'
  | ','          // unary comma: wraps in a one-element array
  | '-split' | '-join'
  | '++' | '--'  // prefix
  | 'post++' | 'post--';

export interface UnaryExpressionAst extends NodeBase {
  kind: 'UnaryExpression';
  operator: UnaryOperator;
  /** For unary -split: `-csplit` is caseSensitive. */
  caseSensitive: boolean;
  operand: ExpressionAst;
}

export interface TernaryExpressionAst extends NodeBase {
  kind: 'TernaryExpression';
  condition: ExpressionAst;
  ifTrue: ExpressionAst;
  ifFalse: ExpressionAst;
}

/** `[int]$x`, `[ordered]@{}`, `[pscustomobject]@{}`. */
export interface ConvertExpressionAst extends NodeBase {
  kind: 'ConvertExpression';
  type: TypeName;
  operand: ExpressionAst;
}

/** A bare type literal `[int]` used as a value (e.g. `[int]::MaxValue` target, `$x -is [int]`). */
export interface TypeExpressionAst extends NodeBase {
  kind: 'TypeExpression';
  type: TypeName;
}

/** `$o.Name`, `$o.$name`, `$o.'quoted'`, `[math]::PI`, `$o?.Name`. */
export interface MemberExpressionAst extends NodeBase {
  kind: 'MemberExpression';
  target: ExpressionAst;
  /** StringConstant for plain/quoted names; any expression for `$o.$name` / `$o.($expr)`. */
  member: ExpressionAst;
  static: boolean;
  nullConditional: boolean;
}

/** `$o.Method(1, 2)`, `[math]::Round(1.5)`, `$o?.M()`. */
export interface InvokeMemberExpressionAst extends NodeBase {
  kind: 'InvokeMemberExpression';
  target: ExpressionAst;
  member: ExpressionAst;
  arguments: ExpressionAst[];
  static: boolean;
  nullConditional: boolean;
  /** Type arguments of a generic method call, `[Array]::Empty[string]()`; absent for ordinary calls. */
  genericArguments?: TypeName[];
}

/** `$a[0]`, `$a[1..3]`, `$a[-1]`, `$h['k']`, `$a?[0]`. Multiple indexes `$a[0,1]` are one ArrayLiteral index. */
export interface IndexExpressionAst extends NodeBase {
  kind: 'IndexExpression';
  target: ExpressionAst;
  index: ExpressionAst;
  nullConditional: boolean;
}

/** `1, 2, 3` (binary comma). */
export interface ArrayLiteralAst extends NodeBase {
  kind: 'ArrayLiteral';
  elements: ExpressionAst[];
}

/** `@( ... )`. */
export interface ArrayExpressionAst extends NodeBase {
  kind: 'ArrayExpression';
  body: StatementBlockAst;
}

/** `$( ... )`. */
export interface SubExpressionAst extends NodeBase {
  kind: 'SubExpression';
  body: StatementBlockAst;
}

/** `( pipeline )`: a single pipeline or assignment in parentheses. */
export interface ParenExpressionAst extends NodeBase {
  kind: 'ParenExpression';
  pipeline: PipelineBaseAst;
}

/** `@{ a = 1; 'b' = 2 }`. Values are statements (usually pipelines). */
export interface HashtableAst extends NodeBase {
  kind: 'Hashtable';
  pairs: { key: ExpressionAst; value: StatementAst }[];
}

export interface ScriptBlockExpressionAst extends NodeBase {
  kind: 'ScriptBlockExpression';
  scriptBlock: ScriptBlockAst;
}

/** An attribute applied to an expression, e.g. `[ValidateRange(1,5)][int]$x = 3`. */
export interface AttributedExpressionAst extends NodeBase {
  kind: 'AttributedExpression';
  attribute: AttributeAst;
  child: ExpressionAst;
}

/** `$using:x`. */
export interface UsingExpressionAst extends NodeBase {
  kind: 'UsingExpression';
  subExpression: ExpressionAst;
}

export type AnyAst =
  | ScriptBlockAst | NamedBlockAst | ParamBlockAst | ParameterAst | AttributeAst | TypeConstraintAst
  | StatementAst | StatementBlockAst | CommandAst | CommandExpressionAst | CommandParameterAst
  | RedirectionAst | ExpressionAst;

// ---------------------------------------------------------------------------
// Parse results and errors

export interface ParseErrorInfo {
  /** pwsh's error ID: `MissingEndCurlyBrace`, `UnexpectedToken`, `MissingExpressionAfterOperator`, `TerminatorExpectedAtEndOfString`, ... */
  errorId: string;
  /** pwsh's message text, e.g. `Missing closing '}' in statement block or type definition.` */
  message: string;
  extent: Position;
  /** True when the error is only that the input ended too early (the REPL then shows `>> ` and reads more). */
  incompleteInput: boolean;
}

export interface ParseResult {
  ast: ScriptBlockAst;
  errors: ParseErrorInfo[];
}
