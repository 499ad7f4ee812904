// Every place a script can call a command behaves the same when the command goes async: each snippet runs once with
// a synchronous Get-Val and once with an asynchronous one (test/interpreter/async-helpers.ts), and must give the same
// output, errors and flow.
import { describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runWith } from './async-helpers.js';
import { tempDir } from '../temp-dir.js';

const dir = tempDir('awsh-async-');
const lines = join(dir, 'lines.txt');
writeFileSync(lines, 'alpha\nbeta\ngamma\n');

const CLASS_C = `class C {
  [int] $n = 1
  C() {}
  C([int] $start) { $this.n = Get-Val $start }
  [int] Twice([int] $x) { return (Get-Val ($x * 2)) }
  [int] Plus([int] $x = (Get-Val 10)) { return $x + $this.n }
  [string] Both() { return "$($this.Twice(1))-$($this.Twice(2))" }
  [void] Bump() { Get-Val 'ignored'; $this.n = $this.n + (Get-Val 1) }
  [int] Fails() { Get-Val -Throw 'inside'; return 1 }
  static [string] Hello([string] $who) { return (Get-Val "hello $who") }
}
`;

const cases: [string, string][] = [
  // switch: bodies, conditions, flow
  ['switch body', "switch (1, 2, 3) { 2 { Get-Val \"two:$_\" } default { Get-Val \"d$_\" } }"],
  ['switch script condition', 'switch (1..5) { { (Get-Val $_) % 2 } { "odd $_" } { $_ -gt (Get-Val 3) } { "big $_" } }'],
  ['switch async condition expression', "switch ('b') { (Get-Val 'a') { 'A' } (Get-Val 'b') { 'B' } }"],
  ['switch continue and break', "switch (1..6) { 2 { Get-Val 'c'; continue } 4 { Get-Val 'b'; break } default { Get-Val \"v$_\" } }; 'after'"],
  ['switch several matching clauses', "switch (3) { 3 { Get-Val 'first' } { $_ -eq 3 } { Get-Val 'second' } 3 { 'third' } }"],
  ['switch default only', "switch ('x') { 'y' { 'no' } default { Get-Val \"default $_\" } }"],
  ['switch break outer loop', ":outer foreach ($i in 1..3) { switch ($i) { 2 { Get-Val 'x'; break outer } default { Get-Val $_ } } }; 'end'"],
  ['switch continue outer loop', ":o foreach ($i in 1..3) { switch (1, 2) { 1 { Get-Val \"$i-1\"; continue o } } 'never' }; 'end'"],
  ['labelled switch break', ":sw switch (1..3) { default { foreach ($j in 1..2) { Get-Val \"$_/$j\"; if ($_ -eq 2) { break sw } } } }; 'end'"],
  ['switch $_ restored', "$_ = 'keep'; switch (1) { 1 { Get-Val $_ } }; $_"],
  ['nested switch', "switch (1, 2) { { $true } { switch ('a') { 'a' { Get-Val \"in $_\" } }; Get-Val \"out $_\" } }"],
  ['switch -Regex $Matches', "switch -Regex ('ab12', 'cd') { '(\\d+)' { Get-Val $Matches[1] } '^c' { Get-Val 'c!' } }"],
  ['switch -Wildcard', "switch -Wildcard ('apple', 'berry') { 'a*' { Get-Val \"A:$_\" } '*rr*' { Get-Val \"R:$_\" } }"],
  ['switch -File', `switch -File '${lines}' { 'beta' { Get-Val 'B' } default { Get-Val $_.ToUpper() } }`],
  ['switch $switch enumerator', "switch (1, 2, 3, 4) { 1 { $null = $switch.MoveNext(); Get-Val \"skipped to $($switch.Current)\" } default { Get-Val $_ } }"],
  ['switch array value', "switch (@(1, 2), 3) { 2 { Get-Val 'two' } 3 { Get-Val 'three' } }"],
  ['switch non-terminating error', "switch (1, 2) { 1 { Get-Val -Fail 'bad'; 'after' } 2 { Get-Val 'two' } }"],
  ['switch terminating error', "switch (1, 2) { 1 { Get-Val -Throw 'boom' } 2 { 'two' } }; 'next'"],
  ['switch error in condition', "switch (1, 2) { { Get-Val -Throw 'cond' } { 'x' } }; 'next'"],
  ['switch try/catch inside', "switch (1, 2) { 1 { try { Get-Val -Throw 'boom' } catch { \"caught $_\" } } 2 { Get-Val 'two' } }"],
  ['switch in function with return', "function f { switch (1..5) { 3 { Get-Val 'three'; return } default { Get-Val $_ } } 'never' }; f; 'end'"],
  ['switch as value', "$r = switch (1..3) { 2 { Get-Val 'b' } default { $_ } }; $r -join ','"],
  ['switch in pipeline', "1..3 | ForEach-Object { switch ($_) { 2 { Get-Val 'two' } default { Get-Val $_ } } }"],
  // trap
  ['trap continue', "trap { Get-Val \"trapped $_\"; continue }; 1/0; 'after'"],
  ['trap break', "function f { trap { Get-Val 'x'; break }; throw 'boom'; 'no' }; f; 'next'"],
  ['trap report', "& { trap { Get-Val \"t: $($_.Exception.Message)\" }; Get-Val -Throw 'bad'; 'after' }; 'next'"],
  ['trap typed', "trap [System.DivideByZeroException] { Get-Val 'dbz'; continue }; 1/0; 'done'"],
  // multiple assignment
  ['multiple assignment', '$a, $b = Get-Val 1, 2, 3; $a; $b -join ","'],
  ['multiple assignment async targets', "$h = @{}; $h[(Get-Val 'k')], $b = 1, 2; $h.k; $b"],
  // classes
  ['class method', `${CLASS_C}[C]::new().Twice(4)`],
  ['class constructor', `${CLASS_C}[C]::new(7).n`],
  ['class method default argument', `${CLASS_C}$c = [C]::new(); $c.Plus(); $c.Plus(5)`],
  ['class method calling methods', `${CLASS_C}[C]::new().Both()`],
  ['class void method', `${CLASS_C}$c = [C]::new(); $c.Bump(); $c.n`],
  ['class static method', `${CLASS_C}[C]::Hello('you')`],
  ['class method error', `${CLASS_C}try { [C]::new().Fails() } catch { "caught: $_" }; [C]::new().Fails(); 'next'`],
  ['class method in expression', `${CLASS_C}$c = [C]::new(); "v: $($c.Twice(2))"; $c.Twice(1) + $c.Twice(2); Get-Val ($c.Twice(3))`],
  ['class member enumeration', `${CLASS_C}@([C]::new(1), [C]::new(2)).Plus(1)`],
  ['class method in pipeline', `${CLASS_C}1..3 | ForEach-Object { [C]::new().Twice($_) }`],
  ['class New-Object', `${CLASS_C}(New-Object C 5).n; (New-Object C -ArgumentList 6 -Property @{ n = 9 }).n`],
  ['class property initializer', "class P { $v = (Get-Val 3); $w = 4 }; [P]::new().v"],
  ['class base constructor', "class B { $v; B($x) { $this.v = Get-Val $x } }; class D : B { D() : base((Get-Val 9)) {} }; [D]::new().v"],
  ['class return in loop', "class L { [int] Find() { foreach ($i in 1..5) { if ((Get-Val $i) -eq 3) { return $i } }; return -1 } }; [L]::new().Find()"],
  // members added with Add-Member
  ['ScriptMethod', "$o = [pscustomobject]@{ a = 1 }; $o | Add-Member -MemberType ScriptMethod -Name M -Value { Get-Val ($this.a + $args[0]) }; $o.M(5)"],
  ['ScriptProperty', "$o = [pscustomobject]@{ a = 2 }; $o | Add-Member -MemberType ScriptProperty -Name P -Value { Get-Val ($this.a * 10) }; $o.P; $o.P + 1"],
  ['ScriptProperty setter', "$o = [pscustomobject]@{ a = 2 }; $o | Add-Member -MemberType ScriptProperty -Name P -Value { $this.a } -SecondValue { $this.a = Get-Val $args[0] }; $o.P = 42; $o.a"],
  ['ScriptProperty enumeration', "$os = 1, 2 | ForEach-Object { $o = [pscustomobject]@{ a = $_ }; $o | Add-Member -MemberType ScriptProperty -Name P -Value { Get-Val ($this.a * 3) }; $o }; $os.P"],
  ['ForEach-Object -MemberName', "$o = [pscustomobject]@{ a = 1 }; $o | Add-Member -MemberType ScriptMethod -Name M -Value { Get-Val \"mm$($args[0])\" }; $o | ForEach-Object -MemberName M -ArgumentList 7; $o | ForEach-Object M; $o | Add-Member -MemberType ScriptProperty -Name P -Value { Get-Val 'pp' }; $o | ForEach-Object P"],
  // magic methods, script block methods
  ['.ForEach()', '(1, 2, 3).ForEach({ Get-Val ($_ * 2) })'],
  ['.Where()', "(1..6).Where({ (Get-Val $_) -gt 3 }); (1..6).Where({ (Get-Val $_) -gt 2 }, 'First', 2); (1..4).Where({ (Get-Val $_) % 2 }, 'Split')[1]"],
  ['$sb.Invoke()', "$sb = { Get-Val \"x$args\" }; $sb.Invoke(1); $sb.InvokeReturnAsIs(2); $sb.Invoke(3).Count"],
  // operators
  ['-replace script block', "'a1b2' -replace '\\d', { Get-Val ([int]$_.Value * 2) }; 'x1', 'y2' -replace '\\d', { Get-Val 'N' }"],
  ['-split script block', "'a,b;c' -split { (Get-Val $_) -in ',', ';' }"],
  ['[regex]::Replace evaluator', "[regex]::Replace('a1b2', '\\d', { Get-Val \"<$($args[0].Value)>\" })"],
  // cmdlets with script-block parameters
  ['Select-Object calculated', "[pscustomobject]@{ a = 1 } | Select-Object a, @{ n = 'b'; e = { Get-Val ($_.a + 1) } }"],
  ['Sort-Object script key', '3, 1, 2 | Sort-Object { Get-Val (-$_) }'],
  ['Group-Object script key', '1..5 | Group-Object { Get-Val ($_ % 2) } | ForEach-Object { "$($_.Name):$($_.Count)" }'],
  ['Format-Table calculated', "[pscustomobject]@{ a = 1 } | Format-Table a, @{ n = 'B'; e = { Get-Val ($_.a * 3) } } | Out-String"],
  ['Where-Object / ForEach-Object', '1..4 | Where-Object { (Get-Val $_) -gt 2 } | ForEach-Object { Get-Val ($_ * 10) }'],
  ['Join-String script property', "1, 2 | Join-String -Property { Get-Val ($_ * 2) } -Separator ','"],
  // functions
  ['ValidateScript', "function f { param([ValidateScript({ Get-Val ($_ -gt 2) })] $x) \"ok $x\" }; f 5; f 1; 'next'"],
  ['parameter default value', "function f { param($x = (Get-Val 'def'), $y = \"$x!\") \"$x $y\" }; f; f 1"],
  // Measure-Command: the block runs dot-sourced, per input item, its output discarded
  ['Measure-Command body', "$t = Measure-Command { $v = Get-Val 'in'; Get-Val 'dropped'; Get-Val -Fail 'f' }; $v; $t.GetType().Name; 1, 2 | Measure-Command { $s += Get-Val $_ } | Out-Null; $s"],
  ['Measure-Command terminating error', "try { Measure-Command { Get-Val -Throw 'stop' } } catch { \"caught $_\" }; 'after'"],
];

describe('async commands in every context', () => {
  for (const [name, script] of cases) {
    it(name, async () => {
      const sync = await runWith(script, false);
      const asyncRun = await runWith(script, true);
      expect(sync.text).not.toBe('');
      expect(sync.errors.filter((e) => e.includes('AsyncNotSupported'))).toEqual([]);
      expect(asyncRun.text).toBe(sync.text);
      expect(asyncRun.errors).toEqual(sync.errors);
      expect(asyncRun.terminated).toBe(sync.terminated);
    });
  }
});
