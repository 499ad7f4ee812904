// New-TimeSpan: the interval between two dates, or one built from days/hours/minutes/seconds/milliseconds.
import type { CmdletDecl } from '../../runtime/cmdlet-api.js';
import { TimeSpan, subtractDateTime, makeDate } from '../../runtime/types/index.js';
import { UTILITY_MODULE } from './util.js';

function num(v: unknown): number {
  return typeof v === 'number' ? v : 0;
}

export const newTimeSpan: CmdletDecl = {
  name: 'New-TimeSpan',
  module: UTILITY_MODULE,
  synopsis: 'Creates a TimeSpan object.',
  outputType: ['System.TimeSpan'],
  defaultParameterSet: 'Date',
  parameters: [
    { name: 'Start', type: 'datetime', aliases: ['LastWriteTime'], position: 0, valueFromPipelineByPropertyName: true, parameterSets: ['Date'] },
    { name: 'End', type: 'datetime', position: 1, valueFromPipelineByPropertyName: true, parameterSets: ['Date'] },
    { name: 'Days', type: 'int', parameterSets: ['Time'] },
    { name: 'Hours', type: 'int', parameterSets: ['Time'] },
    { name: 'Minutes', type: 'int', parameterSets: ['Time'] },
    { name: 'Seconds', type: 'int', parameterSets: ['Time'] },
    { name: 'Milliseconds', type: 'int', parameterSets: ['Time'] },
  ],
  process(ctx) {
    const p = ctx.params;
    if (ctx.parameterSetName === 'Time') {
      return ctx.write(TimeSpan.fromParts(num(p.Days), num(p.Hours), num(p.Minutes), num(p.Seconds), num(p.Milliseconds)));
    }
    const now = makeDate(Date.now(), 'Local');
    const start = p.Start instanceof Date ? p.Start : now;
    const end = p.End instanceof Date ? p.End : now;
    return ctx.write(subtractDateTime(end, start));
  },
};
