// A cmdlet written in JavaScript and used from a script like a built-in one: parameters are declared as data and
// the shared binder does positional, named and pipeline binding, validation and the error messages; Get-Help and
// Get-Command describe it. (Type-checked with the JSDoc annotation below; a .ts file would read the same.)
import { createShell } from 'awsh';

/** @type {import('awsh').CmdletDecl} */
const getGreeting = {
  name: 'Get-Greeting',
  module: 'Example.Greetings',
  synopsis: 'Greets people.',
  description: 'Writes one greeting object per name. Names come from arguments or the pipeline.',
  outputType: ['System.Management.Automation.PSCustomObject'],
  parameters: [
    { name: 'Name', type: 'string[]', mandatory: true, position: 0, valueFromPipeline: true, valueFromPipelineByPropertyName: true, aliases: ['Who'], validatePattern: '^[A-Za-z]+$', description: 'Who to greet.' },
    { name: 'Language', type: 'string', validateSet: ['en', 'fr', 'de'], description: 'Greeting language (default en).' },
    { name: 'Repeat', type: 'int', validateRange: [1, 3], description: 'How many times to greet each name.' },
  ],
  // Async is fine: the pipeline awaits a process call only when it returns a promise.
  async process(ctx) {
    const words = { en: 'Hello', fr: 'Bonjour', de: 'Hallo' };
    for (const name of ctx.params.Name) {
      if (name.toLowerCase() === 'nobody') {
        ctx.writeError({ message: `Cannot greet '${name}'.`, errorId: 'NobodyToGreet', category: 'InvalidArgument', targetObject: name });
        continue;
      }
      await new Promise((r) => setTimeout(r, 1));
      const text = `${words[ctx.params.Language ?? 'en']}, ${name}!`;
      await ctx.write({ Name: name, Greeting: (ctx.params.Repeat ?? 1) > 1 ? Array(ctx.params.Repeat).fill(text).join(' ') : text });
    }
  },
};

const errors = [];
const shell = createShell({ host: { error: (r) => errors.push(`${r.FullyQualifiedErrorId}: ${r.Exception.Message}`) } });
shell.registerCmdlet(getGreeting);

const script = `
  Get-Greeting Ada
  'Grace', 'Linus' | Get-Greeting -Language fr
  [pscustomobject]@{ Who = 'Alan' } | Get-Greeting -Repeat 2
  Get-Greeting -Name nobody
  Get-Greeting -Name 'R2-D2'
  Get-Greeting Ada -Language xx
`;
const greetings = await shell.invoke(script);
for (const g of greetings) console.log(g.Greeting);
for (const e of errors) console.log(`error ${e}`);

const [command] = await shell.invoke('Get-Command Get-Greeting | Select-Object Name, CommandType, Source');
console.log(`command ${command.Name} ${command.CommandType} ${command.Source}`);
console.log((await shell.invoke('Get-Help Get-Greeting | Out-String'))[0].trim());
