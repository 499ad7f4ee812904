// Turns a script block's param() block into the binder's parameter declarations, and compiles its named blocks.
import type * as A from '../../parser/ast.js';
import type { ParameterDecl } from '../cmdlet-api.js';
import { CommandMetadata } from './binder.js';
import { compileStatements, type Exec } from './compile-stmt.js';
import { compileExpr } from './compile-expr.js';
import { toStr, toBool } from '../values/convert.js';
import { isNumeric, toJsNumber } from '../values/numbers.js';
import type { Frame } from './frame.js';
import { ScriptBlock } from './scriptblock.js';
import { isPromise } from './flow.js';
import { addUsingNamespaces } from '../types/ps-type.js';

export interface CompiledScript {
  ast: A.ScriptBlockAst;
  parameters: A.ParameterAst[];
  advanced: boolean;
  supportsShouldProcess: boolean;
  /** [CmdletBinding(ConfirmImpact = ...)]: how risky ShouldProcess calls are (Medium unless given). */
  confirmImpact: string;
  defaultParameterSet: string | undefined;
  positionalBinding: boolean;
  begin: Exec | null;
  process: Exec | null;
  end: Exec | null;
  clean: Exec | null;
  /** Built on first invocation (attribute arguments are evaluated then). */
  meta: CommandMetadata | null;
  /** Default-value evaluators by lower-cased parameter name. */
  defaults: Map<string, (f: Frame) => unknown>;
  /** Variable name of each parameter, by declared name. */
  typeConstraints: Map<string, A.TypeName>;
}

const cache = new WeakMap<A.ScriptBlockAst, CompiledScript>();

export function compileScript(sb: ScriptBlock): CompiledScript {
  const ast = sb.ast;
  let c = cache.get(ast);
  if (c) {
    const extra = (sb as ScriptBlock & { extraParameters?: A.ParameterAst[] | null }).extraParameters;
    if (!extra || c.parameters === extra) return c;
  }
  if (ast.source.usingNamespaces) addUsingNamespaces(ast.source.usingNamespaces);
  const extra = (sb as ScriptBlock & { extraParameters?: A.ParameterAst[] | null }).extraParameters ?? null;
  const isFilter = (sb as ScriptBlock & { isFilter?: boolean }).isFilter ?? ast.isFilter;
  const parameters = ast.paramBlock?.parameters ?? extra ?? [];
  const cmdletBinding = ast.paramBlock?.attributes.find((a) => a.typeName.name.toLowerCase() === 'cmdletbinding') ?? null;
  const hasParameterAttr = parameters.some((p) => p.attributes.some((a) => a.kind === 'Attribute' && a.typeName.name.toLowerCase() === 'parameter'));
  const named = (b: A.NamedBlockAst | null) => (b ? compileStatements(b.statements, b.traps) : null);
  let begin = named(ast.beginBlock);
  let process = named(ast.processBlock);
  let end = named(ast.endBlock);
  if (isFilter && ast.endBlock?.unnamed && !ast.processBlock) {
    process = end;
    end = null;
  }
  const attrArg = (name: string): A.ExpressionAst | null | undefined => {
    const na = cmdletBinding?.namedArguments.find((n) => n.name.toLowerCase() === name.toLowerCase());
    return na === undefined ? undefined : na.expression;
  };
  const constBool = (e: A.ExpressionAst | null | undefined): boolean => {
    if (e === undefined) return false;
    if (e === null) return true;
    if (e.kind === 'Variable') return e.name.toLowerCase() === 'true';
    if (e.kind === 'Constant') return Number(e.value) !== 0;
    return true;
  };
  const constStr = (e: A.ExpressionAst | null | undefined): string | undefined =>
    e && (e.kind === 'StringConstant' || e.kind === 'ExpandableString') ? (e.kind === 'StringConstant' ? e.value : e.text) : undefined;
  c = {
    ast,
    parameters,
    advanced: cmdletBinding !== null || hasParameterAttr,
    supportsShouldProcess: constBool(attrArg('SupportsShouldProcess')),
    confirmImpact: confirmImpactOf(attrArg('ConfirmImpact')),
    defaultParameterSet: constStr(attrArg('DefaultParameterSetName')),
    positionalBinding: attrArg('PositionalBinding') === undefined ? true : constBool(attrArg('PositionalBinding')),
    begin,
    process,
    end,
    clean: named(ast.cleanBlock),
    meta: null,
    defaults: new Map(),
    typeConstraints: new Map(),
  };
  for (const p of parameters) {
    if (p.defaultValue) c.defaults.set(p.name.toLowerCase(), compileExpr(p.defaultValue));
    const tc = p.attributes.find((a): a is A.TypeConstraintAst => a.kind === 'TypeConstraint');
    if (tc) c.typeConstraints.set(p.name, tc.typeName);
  }
  cache.set(ast, c);
  return c;
}

/** Evaluate an attribute argument (usually a constant) in frame f. */
function evalSync(e: A.ExpressionAst, f: Frame): unknown {
  const v = compileExpr(e)(f);
  if (isPromise(v)) throw new Error('attribute arguments must not run commands');
  return v;
}

export function scriptMetadata(c: CompiledScript, name: string, f: Frame): CommandMetadata {
  if (c.meta) return c.meta;
  const decls: ParameterDecl[] = c.parameters.map((p) => paramDecl(p, f));
  c.meta = new CommandMetadata(name, decls, c.advanced, c.supportsShouldProcess, c.defaultParameterSet, c.positionalBinding);
  c.meta.scriptParameters = true;
  return c.meta;
}

export function paramDecl(p: A.ParameterAst, f: Frame): ParameterDecl & Record<string, unknown> {
  const d: ParameterDecl & Record<string, unknown> = { name: p.name };
  const sets: string[] = [];
  let mandatorySets: string[] = [];
  let mandatoryAll = false;
  for (const a of p.attributes) {
    if (a.kind === 'TypeConstraint') {
      d.type = a.typeName.text;
      continue;
    }
    const an = a.typeName.name.toLowerCase().replace(/attribute$/, '');
    const pos = a.positionalArguments.map((e) => evalSync(e, f));
    const named = new Map(a.namedArguments.map((n) => [n.name.toLowerCase(), n.expression === null ? true : evalSync(n.expression, f)]));
    // A validation attribute's own failure message: {0} is the value, {1} the script, pattern or set.
    if (named.has('errormessage') && /^validate(script|pattern|set)$/.test(an)) {
      d.validationMessages = { ...(d.validationMessages as Record<string, string> | undefined), [an.slice(8)]: toStr(named.get('errormessage')) };
    }
    switch (an) {
      case 'parameter': {
        const set = named.has('parametersetname') ? toStr(named.get('parametersetname')) : null;
        if (set) sets.push(set);
        if (named.has('mandatory') && toBool(named.get('mandatory'))) {
          if (set) mandatorySets.push(set);
          else mandatoryAll = true;
        }
        if (named.has('position')) d.position = toJsNumber(named.get('position'));
        if (named.has('valuefrompipeline')) d.valueFromPipeline = toBool(named.get('valuefrompipeline'));
        if (named.has('valuefrompipelinebypropertyname')) d.valueFromPipelineByPropertyName = toBool(named.get('valuefrompipelinebypropertyname'));
        if (named.has('valuefromremainingarguments')) d.valueFromRemainingArguments = toBool(named.get('valuefromremainingarguments'));
        if (named.has('helpmessage')) d.helpMessage = toStr(named.get('helpmessage'));
        if (named.has('dontshow')) d.dontShow = toBool(named.get('dontshow'));
        break;
      }
      case 'alias':
        d.aliases = pos.flat().map((x) => toStr(x));
        break;
      case 'validateset':
        d.validateSet = pos.flat().map((x) => toStr(x));
        if (named.has('ignorecase')) d.validateSetCaseSensitive = !toBool(named.get('ignorecase'));
        break;
      case 'validaterange': {
        const nums = pos.map((x) => (isNumeric(x) ? toJsNumber(x) : Number(x)));
        if (nums.length === 2) d.validateRange = [nums[0], nums[1]];
        else if (nums.length === 1) {
          d.validateRangeKind = toStr(pos[0]);
        }
        break;
      }
      case 'validatepattern':
        d.validatePattern = toStr(pos[0]);
        break;
      case 'validatenotnullorempty':
        d.validateNotNullOrEmpty = true;
        break;
      case 'validatenotnull':
        d.validateNotNull = true;
        break;
      case 'validatecount':
        d.validateCount = [toJsNumber(pos[0]), toJsNumber(pos[1])];
        break;
      case 'validatelength':
        d.validateLength = [toJsNumber(pos[0]), toJsNumber(pos[1])];
        break;
      case 'validatescript': {
        const sb = pos[0] as ScriptBlock;
        d.validateScriptText = sb instanceof ScriptBlock ? sb.toString().trim() : toStr(sb);
        const passed = (out: unknown[]) => out.length > 0 && toBool(out.length === 1 ? out[0] : out);
        d.validateScript = (v: unknown) => {
          // Only an async command makes the check async (see binder.ts withDeferredValidation), never a yield.
          f.session.syncDepth++;
          let out: unknown[] | Promise<unknown[]>;
          try {
            out = f.session.invokeScriptBlockMaybe(sb, { dollarUnder: v, newScope: true, frame: f });
          } finally {
            f.session.syncDepth--;
          }
          return out instanceof Promise ? out.then(passed) : passed(out);
        };
        break;
      }
      case 'allownull':
        d.allowNull = true;
        break;
      case 'allowemptystring':
        d.allowEmptyString = true;
        break;
      case 'allowemptycollection':
        d.allowEmptyCollection = true;
        break;
    }
  }
  if (sets.length) d.parameterSets = sets;
  if (mandatoryAll) d.mandatory = true;
  else if (mandatorySets.length) d.mandatory = mandatorySets;
  return d;
}

/** ConfirmImpact = 'High' or [System.Management.Automation.ConfirmImpact]::High. */
function confirmImpactOf(e: A.ExpressionAst | null | undefined): string {
  if (e && e.kind === 'StringConstant') return e.value;
  if (e && e.kind === 'MemberExpression' && e.member.kind === 'StringConstant') return e.member.value;
  return 'Medium';
}
