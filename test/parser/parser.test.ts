import { describe, it, expect } from 'vitest';
import { parse } from '../../src/parser/index.js';
import { positionOf } from '../../src/parser/extent.js';
import { stmt, shape } from './helpers.js';

describe('number literals', () => {
  it.each([
    ['1', '1:Int32'], ['0x10', '16:Int32'], ['0xFFFFFFFF', '-1:Int32'], ['0x80000000', '-2147483648:Int32'],
    ['0xFFFFFFFFFF', '1099511627775n:Int64'], ['0b101', '5:Int32'], ['2147483647', '2147483647:Int32'],
    ['2147483648', '2147483648n:Int64'], ['9223372036854775808', '9223372036854775808:Decimal'],
    ['100000000000000000000000000000', '1e+29:Double'], ['1.5', '1.5:Double'], ['1e3', '1000:Double'], ['1.0', '1:Double'],
    ['10l', '10n:Int64'], ['1.10d', '1.10:Decimal'], ['5d', '5:Decimal'], ['5u', '5:UInt32'], ['5ul', '5n:UInt64'],
    ['255uy', '255:Byte'], ['-5y', '-5:SByte'], ['7s', '7:Int16'], ['7us', '7:UInt16'], ['12n', '12n:BigInteger'],
    ['1kb', '1024:Int32'], ['1.5kb', '1536:Double'], ['4gb', '4294967296n:Int64'], ['1mb', '1048576:Int32'],
    ['-2147483648', '-2147483648:Int32'], ['-1', '-1:Int32'], ['.5', '0.5:Double'],
  ])('%s', (src, expected) => {
    expect(stmt(src)).toBe(expected);
  });

  it('keeps the literal text', () => {
    const s = parse('0x10').ast.endBlock!.statements[0]!;
    expect(s).toMatchObject({ kind: 'Pipeline', elements: [{ expression: { kind: 'Constant', text: '0x10', value: 16, numberType: 'Int32' } }] });
  });

  it('command arguments that look like numbers are numbers', () => {
    expect(stmt('Write-Output 1 1abc 0x10 -5 1.5 1kb')).toBe('(cmd b"Write-Output" 1:Int32 b"1abc" 16:Int32 -5:Int32 1.5:Double 1024:Int32)');
  });
});

describe('strings', () => {
  it('single quoted with doubled quote', () => expect(stmt("'it''s $x'")).toBe('s"it\'s $x"'));
  it('double quoted without expansion is a constant', () => expect(stmt('"a`tb"')).toBe('d"a\\tb"'));
  it('expands variables, scoped/braced variables and subexpressions', () => {
    expect(stmt('"a $x.Prop b $($y + 1) c ${env:PATH} $env:HOME $global:g ${a b}"')).toBe(
      'x["a ",$x,".Prop b ",$((+ $y 1:Int32))," c ",$env:PATH," ",$env:HOME," ",$global:g," ",$a b]',
    );
  });
  it('escapes and doubled quotes', () => {
    expect(stmt('"`$x `n""q"" `"z`" ``"')).toBe('d"$x \\n\\"q\\" \\"z\\" `"');
    expect(stmt('"`0`a`b`f`r`v`e"')).toBe(JSON.stringify('\0\x07\b\f\r\v\x1b').replace(/^/, 'd'));
    expect(stmt('"`u{1F600}"')).toBe('d"😀"');
    expect(stmt('"`q"')).toBe('d"q"');
  });
  it('only $var expands before [ and .', () => expect(stmt('"$d[0] $o.x"')).toBe('x[$d,"[0] ",$o,".x"]'));
  it('special variables in strings', () => expect(stmt('"$? $$ $^ $_"')).toBe('x[$?," ",$$," ",$^," ",$_]'));
  it('literal $ when not followed by a name', () => expect(stmt('"cost: $ 5 $"')).toBe('d"cost: $ 5 $"'));
  it('here-strings', () => {
    expect(stmt("@'\nraw $x\n  line2\n'@")).toBe('s"raw $x\\n  line2"');
    expect(stmt('@"\nline1 $x\nline2\n"@')).toBe('x["line1 ",$x,"\\nline2"]');
    expect(stmt("@'\n'@")).toBe('s""');
    expect(stmt("@'\r\na\r\n'@")).toBe('s"a"');
    const q = parse("@'\nx\n'@").ast.endBlock!.statements[0]!;
    expect(q).toMatchObject({ elements: [{ expression: { quote: 'singleHere' } }] });
  });
  it('subexpression in string is parsed with extents in the outer text', () => {
    const s = parse('"a $(Get-Date) b"').ast.endBlock!.statements[0] as any;
    const sub = s.elements[0].expression.parts[1];
    expect(sub.kind).toBe('SubExpression');
    const cmd = sub.body.statements[0].elements[0];
    expect(positionOf(cmd, parse('"a $(Get-Date) b"').ast.source)).toMatchObject({ start: 5, end: 13, line: 1, column: 6 });
  });
});

describe('comments and continuation', () => {
  it('ignores comments, #requires and block comments', () => {
    expect(shape('#requires -Version 7\n1 # c\n<# block\n #> 2')).toBe('{1:Int32; 2:Int32}');
  });
  it('backtick continues a line', () => expect(stmt('Write-Output a `\n  b')).toBe('(cmd b"Write-Output" b"a" b"b")'));
  it('newlines after | and operators and inside brackets', () => {
    expect(stmt('1 |\n  Out-Null')).toBe('(pipe 1:Int32 (cmd b"Out-Null"))');
    expect(stmt('1 +\n 2')).toBe('(+ 1:Int32 2:Int32)');
    expect(stmt('$a[\n0\n]')).toBe('(idx $a 0:Int32)');
    expect(stmt('@(\n1\n2\n)')).toBe('@(1:Int32; 2:Int32)');
    expect(stmt('$o.M(\n1,\n2)')).toBe('(call. $o b"M" 1:Int32 2:Int32)');
  });
  it('semicolons separate statements', () => expect(shape('1;2')).toBe('{1:Int32; 2:Int32}'));
});

describe('command mode', () => {
  it('bareword arguments and parameters', () => {
    expect(stmt('Get-S3Object -BucketName my-bucket -Key a/b.txt')).toBe('(cmd b"Get-S3Object" -BucketName b"my-bucket" -Key b"a/b.txt")');
  });
  it('-Param:value', () => {
    const s = parse('Get-X -Force:$false -Path:C:\\x').ast.endBlock!.statements[0] as any;
    expect(s.elements[0].commandElements[1]).toMatchObject({ kind: 'CommandParameter', parameterName: 'Force', text: '-Force:', argument: { kind: 'Variable', name: 'false' } });
    expect(stmt('Get-X -Path:C:\\x')).toBe('(cmd b"Get-X" -Path:b"C:\\\\x")');
  });
  it('stop parsing --%', () => expect(stmt('icacls x --% /grant a:(F) | more')).toBe('(pipe (cmd b"icacls" b"x" b"/grant a:(F)") (cmd b"more"))'));
  it('-- ends parameters', () => expect(stmt('Get-Item -- -x')).toBe('(cmd b"Get-Item" b"--" b"-x")'));
  it('paths, call and dot-source operators', () => {
    expect(shape('& $sb 1; . .\\x.ps1; .\\x.ps1 -a; ./x.sh; & "C:\\x y\\z.exe" a; & { 1 }; . { 2 }')).toBe(
      '{(cmd& $sb 1:Int32); (cmd. b".\\\\x.ps1"); (cmd b".\\\\x.ps1" -a); (cmd b"./x.sh"); (cmd& d"C:\\\\x y\\\\z.exe" b"a"); (cmd& {1:Int32}); (cmd. {2:Int32})}',
    );
  });
  it('command names with dots and dashes', () => expect(stmt('Microsoft.PowerShell.Utility\\Write-Output x')).toBe('(cmd b"Microsoft.PowerShell.Utility\\\\Write-Output" b"x")'));
  it('array arguments', () => expect(stmt('Write-Output a,b,c 1,2')).toBe('(cmd b"Write-Output" (, b"a" b"b" b"c") (, 1:Int32 2:Int32))'));
  it('expandable barewords and member access on variables', () => {
    expect(stmt('echo a$b $env:TEMP\\foo $x.txt $a[0] $o.M(1)')).toBe('(cmd b"echo" x["a",$b] x[$env:TEMP,"\\\\foo"] (. $x b"txt") (idx $a 0:Int32) (call. $o b"M" 1:Int32))');
  });
  // pwsh's tokenizer glues quotes into a bareword that starts unquoted, but a quoted string always ends its token.
  it('quoted pieces inside a bareword join; a leading quoted string stands alone', () => expect(stmt('echo "a"b a"b c"')).toBe('(cmd b"echo" d"a" b"b" b"ab c")'));
  it('splatting and expression arguments', () => {
    expect(stmt('Get-X @params (1+2) $(3) @(4) @{a=1} {5}')).toBe('(cmd b"Get-X" @params (paren (+ 1:Int32 2:Int32)) $(3:Int32) @(4:Int32) @{b"a"=1:Int32} {5:Int32})');
  });
  it('keywords as arguments are strings', () => expect(stmt('Write-Output if foreach')).toBe('(cmd b"Write-Output" b"if" b"foreach")'));
  it('foreach after a pipe is a command', () => expect(stmt('$a | foreach { $_ }')).toBe('(pipe $a (cmd b"foreach" {$_}))'));
  it('% and ? aliases', () => expect(stmt('1 | % { $_ } | ? { $_ }')).toBe('(pipe 1:Int32 (cmd b"%" {$_}) (cmd b"?" {$_}))'));
  it('redirections anywhere', () => {
    expect(stmt('cmd a 2>&1 > out.txt b 2>> err.txt *> $null 3>$null 1>&2 *>&1')).toBe(
      '(cmd b"cmd" b"a" b"b" {2>&1,1>b"out.txt",2>>b"err.txt",*>$null,3>$null,1>&2,*>&1})',
    );
    expect(stmt('"x" > out.txt')).toBe('d"x"{1>b"out.txt"}');
    expect(stmt('1 >> log')).toBe('1:Int32{1>>b"log"}');
  });
  it('a unary comma inside parentheses is an argument', () => expect(stmt('Write-Output (,1)')).toBe('(cmd b"Write-Output" (paren (, 1:Int32)))'));
  it('a label before a statement that is not a loop is a command name', () => expect(stmt(':foo if')).toBe('(cmd b":foo" b"if")'));
  it('keywords are case-insensitive', () => expect(shape('IF ($x) { 1 } ELSE { 2 }')).toBe('{(if $x {1:Int32} else {2:Int32})}'));
});

describe('operators', () => {
  it('precedence', () => {
    expect(stmt('1 + 2 * 3')).toBe('(+ 1:Int32 (* 2:Int32 3:Int32))');
    expect(stmt('1,2 + 3')).toBe('(+ (, 1:Int32 2:Int32) 3:Int32)');
    expect(stmt('$a -and $b -or $c')).toBe('(-or (-and $a $b) $c)');
    expect(stmt('1 + 2 -eq 3')).toBe('(-eq (+ 1:Int32 2:Int32) 3:Int32)');
    expect(stmt('-not $a -eq $b')).toBe('(-eq (-not $a) $b)');
    expect(stmt('"{0}" -f 1 + 1')).toBe('(+ (-f d"{0}" 1:Int32) 1:Int32)');
    expect(stmt('1..3 + 1')).toBe('(+ (.. 1:Int32 3:Int32) 1:Int32)');
    expect(stmt('$a -band 1 -eq 1')).toBe('(-band $a (-eq 1:Int32 1:Int32))');
    expect(stmt('5 - -3')).toBe('(- 5:Int32 -3:Int32)');
    expect(stmt('$x - 1')).toBe('(- $x 1:Int32)');
  });
  it('comparison variants normalize', () => {
    expect(shape('$a -ceq 1; $a -ieq 1; $a -cmatch "x"; $a -inotlike "y"; $a -creplace "a","b"; $a -csplit ","')).toBe(
      '{(-eqc $a 1:Int32); (-eq $a 1:Int32); (-matchc $a d"x"); (-notlike $a d"y"); (-replacec $a (, d"a" d"b")); (-splitc $a d",")}',
    );
  });
  it('unary operators', () => {
    expect(shape('-split "a b"; -csplit "a"; -join $a; !$x; -bnot 5; ,1; +$x; -$x')).toBe(
      '{(-split d"a b"); (-splitc d"a"); (-join $a); (! $x); (-bnot 5:Int32); (, 1:Int32); (+ $x); (- $x)}',
    );
  });
  it('binary operators', () => {
    expect(shape('$a -is [int]; $a -as [string]; $a -shl 2; $a -shr 1; $a -bxor 1; $a -xor $b; $a -in 1,2; $a -notcontains 1; $a ?? 5')).toBe(
      '{(-is $a [int]); (-as $a [string]); (-shl $a 2:Int32); (-shr $a 1:Int32); (-bxor $a 1:Int32); (-xor $a $b); (-in $a (, 1:Int32 2:Int32)); (-notcontains $a 1:Int32); (?? $a 5:Int32)}',
    );
  });
  it('increment and decrement', () => expect(shape('$i++; ++$i; $i--; --$i')).toBe('{(post++ $i); (++ $i); (post-- $i); (-- $i)}'));
  it('assignment operators', () => {
    expect(shape('$x = 1; $x += 1; $x -= 1; $x *= 2; $x /= 2; $x %= 2; $x ??= 3')).toBe(
      '{(= $x 1:Int32); (+= $x 1:Int32); (-= $x 1:Int32); (*= $x 2:Int32); (/= $x 2:Int32); (%= $x 2:Int32); (??= $x 3:Int32)}',
    );
    expect(stmt('$a, $b = 1, 2')).toBe('(= (, $a $b) (, 1:Int32 2:Int32))');
    expect(stmt('[int]$x = 5')).toBe('(= ([int] $x) 5:Int32)');
    expect(stmt('$a = $b = 1')).toBe('(= $a (= $b 1:Int32))');
    expect(stmt('$x = Get-Date')).toBe('(= $x (cmd b"Get-Date"))');
    expect(stmt('$x = if ($y) {1} else {2}')).toBe('(= $x (if $y {1:Int32} else {2:Int32}))');
    expect(stmt('$h.a.b = 1')).toBe('(= (. (. $h b"a") b"b") 1:Int32)');
  });
  it('ternary', () => expect(stmt('$x ? 1 : 2')).toBe('(? $x 1:Int32 2:Int32)'));
  it('null-conditional access follows pwsh variable-name rules', () => {
    expect(shape('$a?.b; ${a}?.b; ${a}?[0]; ${a}?.M()')).toBe('{(. $a? b"b"); (?. $a b"b"); (idx? $a 0:Int32); (call?. $a b"M" )}');
  });
  it('pipeline chains and background', () => {
    expect(shape('a && b || c; a &')).toBe('{(((cmd b"a") && (cmd b"b")) || (cmd b"c")); (cmd b"a")&}');
  });
});

describe('expressions', () => {
  it('type literals and casts', () => {
    expect(shape('[System.Collections.Generic.List[string]]::new(); [string[]]$x; [Dictionary[string,int]]; [int[][]]$y; [int[,]]$z')).toBe(
      '{(call:: [System.Collections.Generic.List[string]] b"new" ); ([string[]] $x); [Dictionary[string,int]]; ([int[][]] $y); ([int[,]] $z)}',
    );
    const t = (parse('[Dictionary[string,int[]]]').ast.endBlock!.statements[0] as any).elements[0].expression.type;
    expect(t).toMatchObject({ name: 'Dictionary', arrayRank: 0, genericArgs: [{ name: 'string' }, { name: 'int', arrayRank: 1 }] });
    const nested = (parse('[int[][]]$y').ast.endBlock!.statements[0] as any).elements[0].expression.type;
    expect(nested).toMatchObject({ name: 'int', arrayRank: 1, elementType: { name: 'int', arrayRank: 1, elementType: null, text: 'int[]' }, text: 'int[][]' });
  });
  it('static members', () => expect(shape('[math]::Round(1.5); [int]::MaxValue')).toBe('{(call:: [math] b"Round" 1.5:Double); (:: [int] b"MaxValue")}'));
  it('member access forms', () => {
    expect(shape('$o.$name; $o.\'quoted name\'; $o.($e); $o.M(1, 2).P; $o.M((1,2))')).toBe(
      "{(. $o $name); (. $o s\"quoted name\"); (. $o (paren $e)); (. (call. $o b\"M\" 1:Int32 2:Int32) b\"P\"); (call. $o b\"M\" (paren (, 1:Int32 2:Int32)))}",
    );
  });
  it('a method call needs no space before (', () => {
    const r = parse('$o.M (1)');
    expect(r.errors[0]).toMatchObject({ errorId: 'UnexpectedToken', message: "Unexpected token '(' in expression or statement." });
  });
  it('indexing', () => expect(shape('$a[1..3]; $a[-1]; $a[0,1]; $h["k"]')).toBe('{(idx $a (.. 1:Int32 3:Int32)); (idx $a -1:Int32); (idx $a (, 0:Int32 1:Int32)); (idx $h d"k")}'));
  it('sub/array expressions', () => expect(shape('$(1; 2); @(); @(1)')).toBe('{$(1:Int32; 2:Int32); @(); @(1:Int32)}'));
  it('hashtables', () => {
    expect(stmt('@{ a = 1; "b" = 2\n 3 = Get-Date\n (1+1) = $x; c-d = @{} }')).toBe(
      '@{b"a"=1:Int32; d"b"=2:Int32; 3:Int32=(cmd b"Get-Date"); (paren (+ 1:Int32 1:Int32))=$x; b"c-d"=@{}}',
    );
    expect(stmt('[ordered]@{a=1}')).toBe('([ordered] @{b"a"=1:Int32})');
    expect(stmt('[pscustomobject]@{a=1}')).toBe('([pscustomobject] @{b"a"=1:Int32})');
  });
  it('script blocks with param and named blocks', () => {
    expect(stmt('{ param($a) begin { 1 } process { $_ } end { 2 } clean { 3 } }')).toBe('{param($a) begin:1:Int32 process:$_ end:2:Int32 clean:3:Int32}');
    expect(stmt('{ dynamicparam { 1 } }')).toBe('{dynamicparam:1:Int32}');
  });
  it('using and splat variables', () => {
    expect(stmt('Invoke-Command { $using:x }')).toBe('(cmd b"Invoke-Command" {(using $using:x)})');
  });
  it('variables', () => {
    const v = (parse('$global:X').ast.endBlock!.statements[0] as any).elements[0].expression;
    expect(v).toMatchObject({ kind: 'Variable', name: 'X', scope: 'global' });
    expect(shape('$_; $$; $?; $^; ${any name}; $env:PATH')).toBe('{$_; $$; $?; $^; $any name; $env:PATH}');
  });
  it('attributes on expressions', () => expect(stmt('[ValidateRange(1,5)][int]$x = 3')).toBe('(= (attr [ValidateRange(1:Int32,5:Int32)] ([int] $x)) 3:Int32)'));
});

describe('statements', () => {
  it('if/elseif/else', () => {
    expect(stmt('if ($a) { 1 } elseif ($b) { 2 }\nelse { 3 }')).toBe('(if $a {1:Int32} elif $b {2:Int32} else {3:Int32})');
    expect(shape('if ($a) { 1 }\n2')).toBe('{(if $a {1:Int32}); 2:Int32}');
  });
  it('switch', () => {
    expect(stmt('switch -regex -casesens ($x) { "a" { 1 } {$_ -gt 5} { 2 } abc { 3 }; 4 {4} default { 5 } }')).toBe(
      '(switch -regex-caseSensitive $x d"a"{1:Int32} {(-gt $_ 5:Int32)}{2:Int32} b"abc"{3:Int32} 4:Int32{4:Int32} default{5:Int32})',
    );
    expect(stmt('switch -Wildcard -Exact (1, 2) { 1 { } }')).toBe('(switch -wildcard-exact (, 1:Int32 2:Int32) 1:Int32{})');
    expect(stmt('switch -file a.txt { x { } }')).toBe('(switch -file b"a.txt" b"x"{})');
  });
  it('loops and labels', () => {
    expect(stmt(':outer foreach ($i in 1..3) { foreach ($j in $a) { break outer; continue } }')).toBe(
      '(foreach:outer $i (.. 1:Int32 3:Int32) {(foreach $j $a {(break b"outer"); (continue _)})})',
    );
    expect(stmt('for ($i = 0; $i -lt 5; $i++) { $i }')).toBe('(for (= $i 0:Int32); (-lt $i 5:Int32); (post++ $i) {$i})');
    expect(stmt('for (;;) { }')).toBe('(for _; _; _ {})');
    expect(stmt('while ($true) { }')).toBe('(while $true {})');
    expect(shape('do { $x-- } while ($x -gt 0); do { 1 }\nuntil ($true)')).toBe('{(dowhile {(post-- $x)} (-gt $x 0:Int32)); (dountil {1:Int32} $true)}');
    const lbl = parse(':w while (1) { }').ast.endBlock!.statements[0];
    expect(lbl).toMatchObject({ kind: 'WhileStatement', label: 'w' });
  });
  it('functions and filters', () => {
    expect(stmt('function f($a, [int]$b = 2) { $a }')).toBe('(function f($a, [int]$b=2:Int32) {$a})');
    expect(stmt('filter f { $_ }')).toBe('(filter f {$_})');
    expect(stmt('function global:Get-Foo { }')).toBe('(function global:Get-Foo {})');
    expect(shape('function f { 1 } f')).toBe('{(function f {1:Int32}); (cmd b"f")}');
    const f = parse('filter f { $_ }').ast.endBlock!.statements[0] as any;
    expect(f.body.isFilter).toBe(true);
  });
  it('advanced function with attributes', () => {
    const src = `function Get-Foo {
  [CmdletBinding(SupportsShouldProcess)]
  [OutputType([string])]
  param(
    [Parameter(Mandatory, Position=0, ValueFromPipeline, ValueFromPipelineByPropertyName, ParameterSetName='x', HelpMessage='h')]
    [Alias('n')]
    [ValidateSet('a','b')]
    [ValidateNotNullOrEmpty()]
    [string]$Name,
    [ValidateRange(1, 10)][ValidatePattern('^a')][ValidateScript({ $_ -gt 0 })]
    [int]$N = 1
  )
  begin { } process { $Name } end { }
}`;
    const f = parse(src);
    expect(f.errors).toEqual([]);
    const fn = f.ast.endBlock!.statements[0] as any;
    const pb = fn.body.paramBlock;
    expect(pb.attributes.map((a: any) => a.typeName.name)).toEqual(['CmdletBinding', 'OutputType']);
    expect(pb.attributes[0].namedArguments).toMatchObject([{ name: 'SupportsShouldProcess', expression: null }]);
    expect(pb.attributes[1].positionalArguments[0]).toMatchObject({ kind: 'TypeExpression', type: { name: 'string' } });
    const p0 = pb.parameters[0];
    expect(p0.name).toBe('Name');
    expect(p0.attributes.map((a: any) => a.kind)).toEqual(['Attribute', 'Attribute', 'Attribute', 'Attribute', 'TypeConstraint']);
    expect(p0.attributes[0].namedArguments.map((a: any) => a.name)).toEqual([
      'Mandatory', 'Position', 'ValueFromPipeline', 'ValueFromPipelineByPropertyName', 'ParameterSetName', 'HelpMessage',
    ]);
    expect(pb.parameters[1].defaultValue).toMatchObject({ kind: 'Constant', value: 1 });
    expect(fn.body.processBlock.statements).toHaveLength(1);
  });
  it('script-level param block with attributes', () => {
    const r = parse('[CmdletBinding()]\nparam([string]$a)\n$a');
    expect(r.errors).toEqual([]);
    expect(r.ast.paramBlock?.attributes[0]?.typeName.name).toBe('CmdletBinding');
    expect(r.ast.endBlock?.statements).toHaveLength(1);
  });
  it('flow control', () => {
    expect(shape('return; return 1 | Out-Null; exit 1; throw "x"; break; continue outer')).toBe(
      '{(return _); (return (pipe 1:Int32 (cmd b"Out-Null"))); (exit 1:Int32); (throw d"x"); (break _); (continue b"outer")}',
    );
  });
  it('try/catch/finally and trap', () => {
    expect(stmt('try { 1 } catch [System.IO.IOException], [System.Exception] { $_ } catch { 2 } finally { 3 }')).toBe(
      '(try {1:Int32} catch[System.IO.IOException],[System.Exception]{$_} catch{2:Int32} finally{3:Int32})',
    );
    expect(stmt('try { 1 }\nfinally { 3 }')).toBe('(try {1:Int32} finally{3:Int32})');
    const r = parse('trap [Exception] { continue }\n1');
    expect(r.errors).toEqual([]);
    expect(r.ast.endBlock!.traps[0]).toMatchObject({ kind: 'TrapStatement', trapType: { name: 'Exception' } });
  });
  it('data sections', () => expect(stmt('data { "x" }')).toBe('(data  {d"x"})'));
  it('using statements are ignored', () => expect(shape('using namespace System.Text\n1')).toBe('{1:Int32}'));
  it('root script block extent covers the text', () => {
    const r = parse('1\n2', 'x.ps1');
    expect(positionOf(r.ast, r.ast.source)).toEqual({ start: 0, end: 3, line: 1, column: 1, endLine: 2, endColumn: 2 });
    expect(r.ast.source).toEqual({ text: '1\n2', path: 'x.ps1' });
  });
});

describe('expressions at statement start', () => {
  it.each([
    ['"a".Length', '(. d"a" b"Length")'],
    ['"Hello".ToUpper()', '(call. d"Hello" b"ToUpper" )'],
    ["'x'.ToUpper()", '(call. s"x" b"ToUpper" )'],
    ['"a" + "b"', '(+ d"a" d"b")'],
    ["\"x\" -replace 'x','y'", '(-replace d"x" (, s"x" s"y"))'],
    ['"$a".Trim()', '(call. x[$a] b"Trim" )'],
    ['"a"[0]', '(idx d"a" 0:Int32)'],
    ["'a'..'e'", '(.. s"a" s"e")'],
    ["@'\nabc\n'@.Length", '(. s"abc" b"Length")'],
    ['@"\nabc $x\n"@.Length', '(. x["abc ",$x] b"Length")'],
    ['1+1', '(+ 1:Int32 1:Int32)'],
    ['6*7', '(* 6:Int32 7:Int32)'],
    ['1.5e3', '1500:Double'],
    ['1.e2', '100:Double'],
    ['.5', '0.5:Double'],
    ['0x10 -band 3', '(-band 16:Int32 3:Int32)'],
    ['1..3', '(.. 1:Int32 3:Int32)'],
    ['$v.Method()', '(call. $v b"Method" )'],
    ['[type]::Member', '(:: [type] b"Member")'],
    ['(1).Member', '(. (paren 1:Int32) b"Member")'],
    ['@(1)', '@(1:Int32)'],
    ['@{a=1}', '@{b"a"=1:Int32}'],
    ['$(1)', '$(1:Int32)'],
    ['-not $x', '(-not $x)'],
    ['!$x', '(! $x)'],
    ['-1', '-1:Int32'],
    [',1', '(, 1:Int32)'],
    ['++$i', '(++ $i)'],
    ['$x = "a".Length', '(= $x (. d"a" b"Length"))'],
  ])('%s', (src, expected) => {
    expect(stmt(src)).toBe(expected);
  });

  it('a quoted string followed by an argument is an unexpected token', () => {
    expect(parse('"foo" arg').errors.map((e) => [e.errorId, e.extent.column])).toEqual([['UnexpectedToken', 7]]);
    expect(parse('"a"b').errors.map((e) => e.errorId)).toEqual(['UnexpectedToken']);
  });

  it('member access on an integer literal needs parentheses (a command name otherwise)', () => {
    const r = parse('2.GetType().Name');
    expect(r.errors.map((e) => e.errorId)).toEqual(['ExpectedExpression']);
  });

  it('a quoted command argument takes adjacent member access and indexing', () => {
    expect(stmt('Write-Output "a"[0] \'abc\'.Length')).toBe('(cmd b"Write-Output" (idx d"a" 0:Int32) (. s"abc" b"Length"))');
  });

  it('real literals with integer suffixes round like Convert.ToInt64', () => {
    expect(stmt('1.2L')).toBe('1n:Int64');
    expect(stmt('2.5L')).toBe('2n:Int64');
    expect(stmt('3.5L')).toBe('4n:Int64');
  });
});

describe('member access on number literals', () => {
  it('works after a fraction or a suffix', () => {
    expect(stmt('1.234.GetType()')).toBe('(call. 1.234:Double b"GetType" )');
    expect(stmt('2uL.GetType()')).toBe('(call. 2n:UInt64 b"GetType" )');
  });
});

describe('member calls with a script block and $?', () => {
  it('parses .ForEach{...} and .Where{...} as method calls with one script block argument', () => {
    const r = parse('$a.ForEach{ $_ }');
    expect(r.errors).toEqual([]);
    const e = (r.ast.endBlock!.statements[0] as any).elements[0].expression;
    expect(e.kind).toBe('InvokeMemberExpression');
    expect(e.arguments[0].kind).toBe('ScriptBlockExpression');
  });
  it('reads $? as a whole variable name', () => {
    const r = parse('$???$false');
    expect(r.errors).toEqual([]);
    const e = (r.ast.endBlock!.statements[0] as any).elements[0].expression;
    expect(e.kind).toBe('BinaryExpression');
    expect(e.operator).toBe('??');
    expect(e.left.name).toBe('?');
  });
});
