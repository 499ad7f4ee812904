// Compact s-expression rendering of ASTs, so tests can assert shapes in one line.
/* eslint-disable @typescript-eslint/no-explicit-any */
export function sexpr(n: any): string {
  if (n === null || n === undefined) return '_';
  if (typeof n === 'string') return JSON.stringify(n);
  switch (n.kind) {
    case 'Pipeline': return (n.elements.length === 1 ? sexpr(n.elements[0]) : '(pipe ' + n.elements.map(sexpr).join(' ') + ')') + (n.background ? '&' : '');
    case 'PipelineChain': return `(${sexpr(n.left)} ${n.operator} ${sexpr(n.right)})`;
    case 'CommandExpression': return sexpr(n.expression) + (n.redirections.length ? '{' + n.redirections.map(sexpr).join(',') + '}' : '');
    case 'Command': return '(cmd' + (n.invocationOperator ? n.invocationOperator : '') + ' ' + n.commandElements.map(sexpr).join(' ') + (n.redirections.length ? ' {' + n.redirections.map(sexpr).join(',') + '}' : '') + ')';
    case 'CommandParameter': return '-' + n.parameterName + (n.argument ? ':' + sexpr(n.argument) : '');
    case 'FileRedirection': return `${n.fromStream}>${n.append ? '>' : ''}${sexpr(n.location)}`;
    case 'MergingRedirection': return `${n.fromStream}>&${n.toStream}`;
    case 'Constant': return `${typeof n.value === 'bigint' ? n.value + 'n' : n.value}:${n.numberType}`;
    case 'StringConstant': return (n.quote === 'bare' ? 'b' : n.quote === 'single' ? 's' : n.quote[0]) + JSON.stringify(n.value);
    case 'ExpandableString': return 'x[' + n.parts.map(sexpr).join(',') + ']';
    case 'Variable': return (n.splatted ? '@' : '$') + (n.scope ? n.scope + ':' : '') + n.name;
    case 'UsingExpression': return '(using ' + sexpr(n.subExpression) + ')';
    case 'BinaryExpression': return `(${n.operator}${n.caseSensitive ? 'c' : ''} ${sexpr(n.left)} ${sexpr(n.right)})`;
    case 'UnaryExpression': return `(${n.operator}${n.caseSensitive ? 'c' : ''} ${sexpr(n.operand)})`;
    case 'TernaryExpression': return `(? ${sexpr(n.condition)} ${sexpr(n.ifTrue)} ${sexpr(n.ifFalse)})`;
    case 'ConvertExpression': return `([${n.type.text}] ${sexpr(n.operand)})`;
    case 'TypeExpression': return `[${n.type.text}]`;
    case 'MemberExpression': return `(${n.static ? '::' : n.nullConditional ? '?.' : '.'} ${sexpr(n.target)} ${sexpr(n.member)})`;
    case 'InvokeMemberExpression': return `(call${n.static ? '::' : n.nullConditional ? '?.' : '.'} ${sexpr(n.target)} ${sexpr(n.member)} ${n.arguments.map(sexpr).join(' ')})`;
    case 'IndexExpression': return `(idx${n.nullConditional ? '?' : ''} ${sexpr(n.target)} ${sexpr(n.index)})`;
    case 'ArrayLiteral': return '(, ' + n.elements.map(sexpr).join(' ') + ')';
    case 'ArrayExpression': return '@(' + sexpr(n.body) + ')';
    case 'SubExpression': return '$(' + sexpr(n.body) + ')';
    case 'ParenExpression': return '(paren ' + sexpr(n.pipeline) + ')';
    case 'Hashtable': return '@{' + n.pairs.map((p: any) => sexpr(p.key) + '=' + sexpr(p.value)).join('; ') + '}';
    case 'ScriptBlockExpression': return sexpr(n.scriptBlock);
    case 'ScriptBlock': {
      const parts = [];
      if (n.paramBlock) parts.push(sexpr(n.paramBlock));
      for (const k of ['dynamicParamBlock', 'beginBlock', 'processBlock', 'endBlock', 'cleanBlock']) if (n[k]) parts.push((n[k].unnamed ? '' : n[k].blockKind + ':') + n[k].statements.map(sexpr).join('; '));
      return '{' + parts.join(' ') + '}';
    }
    case 'ParamBlock': return 'param' + n.attributes.map(sexpr).join('') + '(' + n.parameters.map(sexpr).join(', ') + ')';
    case 'Parameter': return n.attributes.map(sexpr).join('') + '$' + n.name + (n.defaultValue ? '=' + sexpr(n.defaultValue) : '');
    case 'Attribute': return `[${n.typeName.text}(${[...n.positionalArguments.map(sexpr), ...n.namedArguments.map((a: any) => a.name + (a.expression ? '=' + sexpr(a.expression) : ''))].join(',')})]`;
    case 'TypeConstraint': return `[${n.typeName.text}]`;
    case 'AttributedExpression': return `(attr ${sexpr(n.attribute)} ${sexpr(n.child)})`;
    case 'StatementBlock': return n.statements.map(sexpr).join('; ') + (n.traps.length ? ' traps:' + n.traps.map(sexpr).join(';') : '');
    case 'AssignmentStatement': return `(${n.operator} ${sexpr(n.left)} ${sexpr(n.right)})`;
    case 'IfStatement': return '(if ' + n.clauses.map((cl: any) => sexpr(cl.condition) + ' {' + sexpr(cl.body) + '}').join(' elif ') + (n.elseClause ? ' else {' + sexpr(n.elseClause) + '}' : '') + ')';
    case 'SwitchStatement': return `(switch${n.label ? ':' + n.label : ''} ${Object.entries(n.flags).filter(([, v]) => v).map(([k]) => '-' + k).join('')} ${sexpr(n.condition)} ` + n.clauses.map((cl: any) => sexpr(cl.condition) + '{' + sexpr(cl.body) + '}').join(' ') + (n.defaultClause ? ' default{' + sexpr(n.defaultClause) + '}' : '') + ')';
    case 'ForEachStatement': return `(foreach${n.label ? ':' + n.label : ''} ${sexpr(n.variable)} ${sexpr(n.iterable)} {${sexpr(n.body)}})`;
    case 'ForStatement': return `(for ${sexpr(n.initializer)}; ${sexpr(n.condition)}; ${sexpr(n.iterator)} {${sexpr(n.body)}})`;
    case 'WhileStatement': return `(while ${sexpr(n.condition)} {${sexpr(n.body)}})`;
    case 'DoWhileStatement': return `(dowhile {${sexpr(n.body)}} ${sexpr(n.condition)})`;
    case 'DoUntilStatement': return `(dountil {${sexpr(n.body)}} ${sexpr(n.condition)})`;
    case 'FunctionDefinition': return `(${n.isFilter ? 'filter' : 'function'} ${n.name}${n.parameters ? '(' + n.parameters.map(sexpr).join(', ') + ')' : ''} ${sexpr(n.body)})`;
    case 'ReturnStatement': return '(return ' + sexpr(n.pipeline) + ')';
    case 'ExitStatement': return '(exit ' + sexpr(n.pipeline) + ')';
    case 'ThrowStatement': return '(throw ' + sexpr(n.pipeline) + ')';
    case 'BreakStatement': return '(break ' + sexpr(n.label) + ')';
    case 'ContinueStatement': return '(continue ' + sexpr(n.label) + ')';
    case 'TryStatement': return '(try {' + sexpr(n.body) + '}' + n.catchClauses.map((cc: any) => ' catch' + cc.catchTypes.map((t: any) => '[' + t.text + ']').join(',') + '{' + sexpr(cc.body) + '}').join('') + (n.finallyClause ? ' finally{' + sexpr(n.finallyClause) + '}' : '') + ')';
    case 'TrapStatement': return '(trap' + (n.trapType ? '[' + n.trapType.text + ']' : '') + ' {' + sexpr(n.body) + '})';
    case 'DataStatement': return '(data ' + (n.variableName ?? '') + ' {' + sexpr(n.body) + '})';
    default: return '?' + n.kind;
  }
}
