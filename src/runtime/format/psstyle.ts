// $PSStyle: the ANSI escape sequences pwsh exposes for styling text, and the OutputRendering setting.
// A PSObject rather than a .NET-like class: scripts only read its strings and set OutputRendering.
import { PSObject } from '../values/objects.js';

const esc = (codes: string) => `\x1b[${codes}m`;

const colors = ['Black', 'Red', 'Green', 'Yellow', 'Blue', 'Magenta', 'Cyan', 'White'];

/** Foreground (base 30) or Background (base 40) palette: the 8 standard colours, then the Bright ones (+60). */
function palette(base: number): PSObject {
  const o = new PSObject();
  colors.forEach((c, i) => o.setProperty(c, esc(String(base + i))));
  colors.forEach((c, i) => o.setProperty(`Bright${c}`, esc(String(base + 60 + i))));
  return o;
}

export function makePSStyle(): PSObject {
  const s = new PSObject();
  s.setProperty('OutputRendering', 'Host');
  const attrs: [string, string][] = [
    ['Reset', '0'], ['BlinkOff', '25'], ['Blink', '5'], ['BoldOff', '22'], ['Bold', '1'], ['DimOff', '22'], ['Dim', '2'],
    ['HiddenOff', '28'], ['Hidden', '8'], ['ReverseOff', '27'], ['Reverse', '7'], ['ItalicOff', '23'], ['Italic', '3'],
    ['UnderlineOff', '24'], ['Underline', '4'], ['StrikethroughOff', '29'], ['Strikethrough', '9'],
  ];
  for (const [name, code] of attrs) s.setProperty(name, esc(code));
  const formatting = new PSObject();
  const fmt: [string, string][] = [
    ['FormatAccent', '32;1'], ['ErrorAccent', '36;1'], ['Error', '31;1'], ['Warning', '33;1'], ['Verbose', '33;1'],
    ['Debug', '33;1'], ['TableHeader', '32;1'], ['CustomTableHeaderLabel', '32;1;3'], ['FeedbackName', '33'],
    ['FeedbackText', '96'], ['FeedbackAction', '97'],
  ];
  for (const [name, code] of fmt) formatting.setProperty(name, esc(code));
  s.setProperty('Formatting', formatting);
  s.setProperty('Foreground', palette(30));
  s.setProperty('Background', palette(40));
  return s;
}
