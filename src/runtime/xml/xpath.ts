// XPath 1.0 over the XML object model, for SelectNodes/SelectSingleNode and Select-Xml: location paths with every
// axis, node tests, predicates, the operators and the core function library. Names with a prefix resolve through
// the namespace table given (an XmlNamespaceManager / Select-Xml -Namespace); an unprefixed name matches only
// nodes in no namespace, as in .NET.
import { NodeType, isTextLike, type XmlNode } from './dom.js';

export class XPathError extends Error {}

type Value = XmlNode[] | string | number | boolean;
interface Ctx {
  node: XmlNode;
  pos: number;
  size: number;
}
type Fn = (c: Ctx) => Value;

// ------------------------------------------------------------------------------------------------
// Tokens

interface Tok {
  t: 'op' | 'name' | 'str' | 'num' | 'var';
  v: string;
}

function tokenize(expr: string): Tok[] {
  const toks: Tok[] = [];
  let i = 0;
  const bad = (): never => {
    throw new XPathError(`'${expr}' has an invalid token.`);
  };
  while (i < expr.length) {
    const c = expr[i]!;
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    const two = expr.slice(i, i + 2);
    if (['//', '::', '..', '!=', '<=', '>='].includes(two)) {
      toks.push({ t: 'op', v: two });
      i += 2;
      continue;
    }
    if (/\d/.test(c) || (c === '.' && /\d/.test(expr[i + 1] ?? ''))) {
      const m = /^\d*(\.\d*)?/.exec(expr.slice(i))!;
      toks.push({ t: 'num', v: m[0] });
      i += m[0].length;
      continue;
    }
    if ('()[].@,/|+-=<>*'.includes(c)) {
      toks.push({ t: 'op', v: c });
      i++;
      continue;
    }
    if (c === '"' || c === "'") {
      const end = expr.indexOf(c, i + 1);
      if (end < 0) bad();
      toks.push({ t: 'str', v: expr.slice(i + 1, end) });
      i = end + 1;
      continue;
    }
    if (c === '$') {
      const m = /^\$([A-Za-z_][\w.-]*(?::[A-Za-z_][\w.-]*)?)/.exec(expr.slice(i));
      if (!m) bad();
      toks.push({ t: 'var', v: m![1]! });
      i += m![0].length;
      continue;
    }
    const m = /^[A-Za-z_\u00C0-\uFFFF][\w.\-\u00B7\u00C0-\uFFFF]*(?::(?:\*|[A-Za-z_\u00C0-\uFFFF][\w.\-\u00B7\u00C0-\uFFFF]*))?/.exec(expr.slice(i));
    if (!m) bad();
    toks.push({ t: 'name', v: m![0] });
    i += m![0].length;
  }
  return toks;
}

// ------------------------------------------------------------------------------------------------
// Node helpers

function rootOf(n: XmlNode): XmlNode {
  let r = n.nodeType === NodeType.Attribute && n.ownerElement ? n.ownerElement : n;
  while (r.parent) r = r.parent;
  return r;
}

function attrsOf(n: XmlNode): XmlNode[] {
  // Namespace declarations are not attributes in the XPath data model.
  return (n.attributes ?? []).filter((a) => a.name !== 'xmlns' && !a.name.startsWith('xmlns:'));
}

function docOrder(nodes: XmlNode[]): XmlNode[] {
  if (nodes.length < 2) return nodes;
  const order = new Map<XmlNode, number>();
  let i = 0;
  const visit = (n: XmlNode): void => {
    order.set(n, i++);
    for (const a of n.attributes ?? []) order.set(a, i++);
    for (const c of n.children) visit(c);
  };
  const roots = new Set(nodes.map(rootOf));
  for (const r of roots) visit(r);
  const unique = [...new Set(nodes)];
  return unique.sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0));
}

export function stringValue(n: XmlNode): string {
  if (n.nodeType === NodeType.Element || n.nodeType === NodeType.Document || n.nodeType === NodeType.DocumentFragment) return n.innerText;
  return n.value ?? '';
}

function descendants(n: XmlNode, out: XmlNode[]): XmlNode[] {
  for (const c of n.children) {
    out.push(c);
    descendants(c, out);
  }
  return out;
}

function axisNodes(axis: string, n: XmlNode): XmlNode[] {
  const parentOf = (x: XmlNode): XmlNode | null => (x.nodeType === NodeType.Attribute ? x.ownerElement : x.parent);
  switch (axis) {
    case 'child':
      return n.children;
    case 'attribute':
      return attrsOf(n);
    case 'self':
      return [n];
    case 'parent': {
      const p = parentOf(n);
      return p ? [p] : [];
    }
    case 'descendant':
      return descendants(n, []);
    case 'descendant-or-self':
      return descendants(n, [n]);
    case 'ancestor':
    case 'ancestor-or-self': {
      const out: XmlNode[] = axis === 'ancestor-or-self' ? [n] : [];
      for (let p = parentOf(n); p; p = p.parent) out.push(p);
      return out;
    }
    case 'following-sibling':
    case 'preceding-sibling': {
      if (!n.parent || n.nodeType === NodeType.Attribute) return [];
      const sib = n.parent.children;
      const i = sib.indexOf(n);
      return axis === 'following-sibling' ? sib.slice(i + 1) : sib.slice(0, i).reverse();
    }
    case 'following':
    case 'preceding': {
      const all = descendants(rootOf(n), []);
      const anc = new Set(axisNodes('ancestor-or-self', n));
      const self = n.nodeType === NodeType.Attribute && n.ownerElement ? n.ownerElement : n;
      const i = all.indexOf(self);
      if (axis === 'following') {
        const mine = new Set(descendants(self, []));
        return all.slice(i + 1).filter((x) => !mine.has(x));
      }
      return all.slice(0, Math.max(0, i)).filter((x) => !anc.has(x)).reverse();
    }
    case 'namespace':
      return [];
  }
  throw new XPathError(`'${axis}' is an invalid axis.`);
}

// ------------------------------------------------------------------------------------------------
// Conversions

function toStringValue(v: Value): string {
  if (Array.isArray(v)) return v.length ? stringValue(v[0]!) : '';
  if (typeof v === 'number') return numberToString(v);
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  return v;
}

function numberToString(n: number): string {
  if (Number.isNaN(n)) return 'NaN';
  if (!Number.isFinite(n)) return n > 0 ? 'Infinity' : '-Infinity';
  if (Number.isInteger(n)) return String(n);
  return String(n);
}

function toNumber(v: Value): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  const s = toStringValue(v).trim();
  return /^-?(\d+(\.\d*)?|\.\d+)$/.test(s) ? Number(s) : NaN;
}

function toBoolean(v: Value): boolean {
  if (Array.isArray(v)) return v.length > 0;
  if (typeof v === 'number') return v !== 0 && !Number.isNaN(v);
  if (typeof v === 'string') return v.length > 0;
  return v;
}

function compare(op: string, a: Value, b: Value): boolean {
  const cmpAtoms = (x: Value, y: Value): boolean => {
    if (op === '=' || op === '!=') {
      let eq: boolean;
      if (typeof x === 'boolean' || typeof y === 'boolean') eq = toBoolean(x) === toBoolean(y);
      else if (typeof x === 'number' || typeof y === 'number') eq = toNumber(x) === toNumber(y);
      else eq = toStringValue(x) === toStringValue(y);
      return op === '=' ? eq : !eq;
    }
    const l = toNumber(x);
    const r = toNumber(y);
    return op === '<' ? l < r : op === '<=' ? l <= r : op === '>' ? l > r : l >= r;
  };
  const aSet = Array.isArray(a);
  const bSet = Array.isArray(b);
  if (aSet && bSet) return a.some((x) => b.some((y) => cmpAtoms(stringValue(x), stringValue(y))));
  if (aSet) return typeof b === 'boolean' ? cmpAtoms(toBoolean(a), b) : a.some((x) => cmpAtoms(typeof b === 'number' ? toNumber(stringValue(x)) : stringValue(x), b));
  if (bSet) return typeof a === 'boolean' ? cmpAtoms(a, toBoolean(b)) : b.some((y) => cmpAtoms(a, typeof a === 'number' ? toNumber(stringValue(y)) : stringValue(y)));
  return cmpAtoms(a, b);
}

// ------------------------------------------------------------------------------------------------
// Parser → closures

const NODE_TYPES = new Set(['node', 'text', 'comment', 'processing-instruction']);
const AXES = new Set([
  'ancestor', 'ancestor-or-self', 'attribute', 'child', 'descendant', 'descendant-or-self', 'following', 'following-sibling',
  'namespace', 'parent', 'preceding', 'preceding-sibling', 'self',
]);

class Parser {
  i = 0;
  constructor(
    readonly expr: string,
    readonly toks: Tok[],
    readonly ns: (prefix: string) => string | null,
  ) {}

  bad(): never {
    throw new XPathError(`'${this.expr}' has an invalid token.`);
  }
  peek(k = 0): Tok | undefined {
    return this.toks[this.i + k];
  }
  isOp(v: string, k = 0): boolean {
    const t = this.peek(k);
    return !!t && t.t === 'op' && t.v === v;
  }
  /** `*` and the names and/or/mod/div are operators only after something that ends an operand. */
  operatorContext(): boolean {
    const prev = this.toks[this.i - 1];
    if (!prev) return false;
    if (prev.t !== 'op') return true;
    return [')', ']', '.', '..', '*'].includes(prev.v);
  }
  isOperatorName(v: string): boolean {
    const t = this.peek();
    return !!t && t.t === 'name' && t.v === v && this.operatorContext();
  }
  take(): Tok {
    const t = this.toks[this.i++];
    if (!t) this.bad();
    return t!;
  }
  expectOp(v: string): void {
    if (!this.isOp(v)) this.bad();
    this.i++;
  }

  parseAll(): Fn {
    const f = this.orExpr();
    if (this.i < this.toks.length) this.bad();
    return f;
  }

  binary(next: () => Fn, ops: string[], named: boolean, apply: (op: string, a: Fn, b: Fn) => Fn): Fn {
    let left = next();
    for (;;) {
      const t = this.peek();
      if (!t) return left;
      const match = named ? t.t === 'name' && ops.includes(t.v) && this.operatorContext() : t.t === 'op' && ops.includes(t.v) && (t.v !== '*' || this.operatorContext());
      if (!match) return left;
      this.i++;
      left = apply(t.v, left, next());
    }
  }

  orExpr(): Fn {
    return this.binary(() => this.andExpr(), ['or'], true, (_, a, b) => (c) => toBoolean(a(c)) || toBoolean(b(c)));
  }
  andExpr(): Fn {
    return this.binary(() => this.equality(), ['and'], true, (_, a, b) => (c) => toBoolean(a(c)) && toBoolean(b(c)));
  }
  equality(): Fn {
    return this.binary(() => this.relational(), ['=', '!='], false, (op, a, b) => (c) => compare(op, a(c), b(c)));
  }
  relational(): Fn {
    return this.binary(() => this.additive(), ['<', '<=', '>', '>='], false, (op, a, b) => (c) => compare(op, a(c), b(c)));
  }
  additive(): Fn {
    return this.binary(() => this.multiplicative(), ['+', '-'], false, (op, a, b) => (c) => (op === '+' ? toNumber(a(c)) + toNumber(b(c)) : toNumber(a(c)) - toNumber(b(c))));
  }
  multiplicative(): Fn {
    let left = this.unary();
    for (;;) {
      let op: string | null = null;
      if (this.isOp('*') && this.operatorContext()) op = '*';
      else if (this.isOperatorName('div')) op = 'div';
      else if (this.isOperatorName('mod')) op = 'mod';
      if (!op) return left;
      this.i++;
      const a = left;
      const b = this.unary();
      left = (c) => {
        const x = toNumber(a(c));
        const y = toNumber(b(c));
        return op === '*' ? x * y : op === 'div' ? x / y : x % y;
      };
    }
  }
  unary(): Fn {
    if (this.isOp('-')) {
      this.i++;
      const f = this.unary();
      return (c) => -toNumber(f(c));
    }
    return this.union();
  }
  union(): Fn {
    let left = this.pathExpr();
    while (this.isOp('|')) {
      this.i++;
      const a = left;
      const b = this.pathExpr();
      left = (c) => {
        const x = a(c);
        const y = b(c);
        if (!Array.isArray(x) || !Array.isArray(y)) throw new XPathError('Expression must evaluate to a node-set.');
        return docOrder([...x, ...y]);
      };
    }
    return left;
  }

  startsFilter(): boolean {
    const t = this.peek();
    if (!t) return false;
    if (t.t === 'str' || t.t === 'num' || t.t === 'var') return true;
    if (t.t === 'op') return t.v === '(';
    return t.t === 'name' && this.isOp('(', 1) && !NODE_TYPES.has(t.v);
  }

  pathExpr(): Fn {
    if (this.startsFilter()) {
      let f = this.primary();
      while (this.isOp('[')) {
        const pred = this.predicate();
        const base = f;
        f = (c) => {
          const v = base(c);
          if (!Array.isArray(v)) throw new XPathError('Expression must evaluate to a node-set.');
          return applyPredicate(v, pred);
        };
      }
      if (this.isOp('/') || this.isOp('//')) {
        const base = f;
        const rest = this.relativePath(this.take().v === '//');
        return (c) => {
          const v = base(c);
          if (!Array.isArray(v)) throw new XPathError('Expression must evaluate to a node-set.');
          return rest(v);
        };
      }
      return f;
    }
    if (this.isOp('/') || this.isOp('//')) {
      const dbl = this.take().v === '//';
      const t = this.peek();
      const more = t && (t.t === 'name' || (t.t === 'op' && ['.', '..', '@', '*'].includes(t.v)));
      if (!dbl && !more) return (c) => [rootOf(c.node)];
      const rest = this.relativePath(dbl);
      return (c) => rest([rootOf(c.node)]);
    }
    const rest = this.relativePath(false);
    return (c) => rest([c.node]);
  }

  /** Steps separated by / or //; `descendantFirst` when the path began with //. */
  relativePath(descendantFirst: boolean): (from: XmlNode[]) => XmlNode[] {
    const steps: ((from: XmlNode[]) => XmlNode[])[] = [];
    if (descendantFirst) steps.push(descendantOrSelfStep);
    steps.push(this.step());
    while (this.isOp('/') || this.isOp('//')) {
      if (this.take().v === '//') steps.push(descendantOrSelfStep);
      steps.push(this.step());
    }
    return (from) => steps.reduce((nodes, s) => s(nodes), from);
  }

  step(): (from: XmlNode[]) => XmlNode[] {
    if (this.isOp('.')) {
      this.i++;
      return (from) => from;
    }
    if (this.isOp('..')) {
      this.i++;
      return (from) => docOrder(from.flatMap((n) => axisNodes('parent', n)));
    }
    let axis = 'child';
    if (this.isOp('@')) {
      this.i++;
      axis = 'attribute';
    } else if (this.peek()?.t === 'name' && this.isOp('::', 1)) {
      axis = this.take().v;
      if (!AXES.has(axis)) this.bad();
      this.i++;
    }
    const test = this.nodeTest(axis);
    const preds: Fn[] = [];
    while (this.isOp('[')) preds.push(this.predicate());
    const reverse = axis.startsWith('ancestor') || axis.startsWith('preceding');
    return (from) => {
      const out: XmlNode[] = [];
      for (const n of from) {
        let nodes = axisNodes(axis, n).filter(test);
        for (const p of preds) nodes = applyPredicate(nodes, p);
        out.push(...nodes);
      }
      return from.length === 1 && !reverse && axis !== 'following' ? out : docOrder(out);
    };
  }

  nodeTest(axis: string): (n: XmlNode) => boolean {
    const principal = axis === 'attribute' ? NodeType.Attribute : NodeType.Element;
    if (this.isOp('*')) {
      this.i++;
      return (n) => n.nodeType === principal;
    }
    const t = this.take();
    if (t.t !== 'name') this.bad();
    if (NODE_TYPES.has(t.v) && this.isOp('(')) {
      this.i++;
      let piTarget: string | null = null;
      if (t.v === 'processing-instruction' && this.peek()?.t === 'str') piTarget = this.take().v;
      this.expectOp(')');
      switch (t.v) {
        case 'node':
          return () => true;
        case 'text':
          return isTextLike;
        case 'comment':
          return (n) => n.nodeType === NodeType.Comment;
        default:
          return (n) => n.nodeType === NodeType.ProcessingInstruction && (piTarget === null || n.name === piTarget);
      }
    }
    const colon = t.v.indexOf(':');
    const prefix = colon < 0 ? '' : t.v.slice(0, colon);
    const local = colon < 0 ? t.v : t.v.slice(colon + 1);
    let uri = '';
    if (prefix) {
      const found = this.ns(prefix);
      if (found === null) throw new XPathError('Namespace Manager or XsltContext needed. This query has a prefix, variable, or user-defined function.');
      uri = found;
    }
    if (local === '*') return (n) => n.nodeType === principal && n.namespaceURI === uri;
    return (n) => n.nodeType === principal && n.localName === local && n.namespaceURI === uri;
  }

  predicate(): Fn {
    this.expectOp('[');
    const f = this.orExpr();
    this.expectOp(']');
    return f;
  }

  primary(): Fn {
    const t = this.take();
    if (t.t === 'str') return () => t.v;
    if (t.t === 'num') {
      const n = Number(t.v);
      return () => n;
    }
    if (t.t === 'var') throw new XPathError('Namespace Manager or XsltContext needed. This query has a prefix, variable, or user-defined function.');
    if (t.t === 'op' && t.v === '(') {
      const f = this.orExpr();
      this.expectOp(')');
      return f;
    }
    // Function call.
    this.expectOp('(');
    const args: Fn[] = [];
    if (!this.isOp(')')) {
      args.push(this.orExpr());
      while (this.isOp(',')) {
        this.i++;
        args.push(this.orExpr());
      }
    }
    this.expectOp(')');
    return functionCall(this.expr, t.v, args);
  }
}

function descendantOrSelfStep(from: XmlNode[]): XmlNode[] {
  return docOrder(from.flatMap((n) => axisNodes('descendant-or-self', n)));
}

function applyPredicate(nodes: XmlNode[], pred: Fn): XmlNode[] {
  const size = nodes.length;
  return nodes.filter((node, i) => {
    const v = pred({ node, pos: i + 1, size });
    return typeof v === 'number' ? v === i + 1 : toBoolean(v);
  });
}

function functionCall(expr: string, name: string, args: Fn[]): Fn {
  const arity = (min: number, max = min): void => {
    if (args.length < min || args.length > max) throw new XPathError(`Function '${name}()' in '${expr}' has an invalid number of arguments.`);
  };
  const str = (c: Ctx, i: number): string => (args[i] ? toStringValue(args[i]!(c)) : stringValue(c.node));
  const nodeArg = (c: Ctx): XmlNode | null => {
    if (!args[0]) return c.node;
    const v = args[0](c);
    if (!Array.isArray(v)) throw new XPathError('Expression must evaluate to a node-set.');
    return v[0] ?? null;
  };
  switch (name) {
    case 'last': arity(0); return (c) => c.size;
    case 'position': arity(0); return (c) => c.pos;
    case 'count':
      arity(1);
      return (c) => {
        const v = args[0]!(c);
        if (!Array.isArray(v)) throw new XPathError('Expression must evaluate to a node-set.');
        return v.length;
      };
    case 'local-name': arity(0, 1); return (c) => { const n = nodeArg(c); return n && !n.name.startsWith('#') ? n.localName : ''; };
    case 'name': arity(0, 1); return (c) => { const n = nodeArg(c); return n && !n.name.startsWith('#') ? n.name : ''; };
    case 'namespace-uri': arity(0, 1); return (c) => nodeArg(c)?.namespaceURI ?? '';
    case 'string': arity(0, 1); return (c) => str(c, 0);
    case 'concat':
      if (args.length < 2) arity(2, Infinity);
      return (c) => args.map((a) => toStringValue(a(c))).join('');
    case 'starts-with': arity(2); return (c) => str(c, 0).startsWith(str(c, 1));
    case 'contains': arity(2); return (c) => str(c, 0).includes(str(c, 1));
    case 'substring-before': arity(2); return (c) => { const s = str(c, 0); const i = s.indexOf(str(c, 1)); return i < 0 ? '' : s.slice(0, i); };
    case 'substring-after': arity(2); return (c) => { const s = str(c, 0); const t = str(c, 1); const i = s.indexOf(t); return i < 0 ? '' : s.slice(i + t.length); };
    case 'substring':
      arity(2, 3);
      return (c) => {
        const s = str(c, 0);
        const start = Math.round(toNumber(args[1]!(c)));
        const end = args[2] ? start + Math.round(toNumber(args[2](c))) : Infinity;
        let out = '';
        for (let i = 1; i <= s.length; i++) if (i >= start && i < end) out += s[i - 1];
        return out;
      };
    case 'string-length': arity(0, 1); return (c) => str(c, 0).length;
    case 'normalize-space': arity(0, 1); return (c) => str(c, 0).trim().replace(/[ \t\r\n]+/g, ' ');
    case 'translate':
      arity(3);
      return (c) => {
        const from = str(c, 1);
        const to = str(c, 2);
        return [...str(c, 0)].map((ch) => { const i = from.indexOf(ch); return i < 0 ? ch : (to[i] ?? ''); }).join('');
      };
    case 'boolean': arity(1); return (c) => toBoolean(args[0]!(c));
    case 'not': arity(1); return (c) => !toBoolean(args[0]!(c));
    case 'true': arity(0); return () => true;
    case 'false': arity(0); return () => false;
    case 'lang': arity(1); return () => false;
    case 'number': arity(0, 1); return (c) => (args[0] ? toNumber(args[0](c)) : toNumber(stringValue(c.node)));
    case 'sum':
      arity(1);
      return (c) => {
        const v = args[0]!(c);
        if (!Array.isArray(v)) throw new XPathError('Expression must evaluate to a node-set.');
        return v.reduce((s, n) => s + toNumber(stringValue(n)), 0);
      };
    case 'floor': arity(1); return (c) => Math.floor(toNumber(args[0]!(c)));
    case 'ceiling': arity(1); return (c) => Math.ceil(toNumber(args[0]!(c)));
    case 'round': arity(1); return (c) => Math.round(toNumber(args[0]!(c)));
  }
  throw new XPathError('Namespace Manager or XsltContext needed. This query has a prefix, variable, or user-defined function.');
}

/** Evaluates an XPath expression with `context` as the context node. */
export function evaluateXPath(expr: string, context: XmlNode, ns: (prefix: string) => string | null = () => null): Value {
  if (expr.trim() === '') throw new XPathError('Expression must evaluate to a node-set.');
  const f = new Parser(expr, tokenize(expr), ns).parseAll();
  return f({ node: context, pos: 1, size: 1 });
}

/** SelectNodes: the nodes an expression selects, in document order; an expression of another type is an error. */
export function selectNodes(expr: string, context: XmlNode, ns?: (prefix: string) => string | null): XmlNode[] {
  const v = evaluateXPath(expr, context, ns);
  if (!Array.isArray(v)) throw new XPathError('Expression must evaluate to a node-set.');
  return v;
}
