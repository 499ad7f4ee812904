// The cmdlet factory: a table row + the generated operation parameters → a CmdletDecl whose process
// function builds the request, confirms, sends it through a lazily created client (auto-paging with the SDK
// paginator or token members), records $AWSHistory and emits -Select output.
import type { CmdletContext, CmdletDecl, ParameterDecl, ConfirmImpact } from '../../../runtime/cmdlet-api.js';
import type { CmdletRow } from '../generated/cmdlets.js';
import { operationEntry, type OperationEntry } from './params-store.js';
import { enumCompletions } from './enum-store.js';
import { serviceCommonParameters, passThruParameter } from './common-params.js';
import { getServiceClient, loadServiceModule, type CommonAwsParams, type ServiceClient } from './client-factory.js';
import { awsState, setGlobal } from './session-state.js';
import { toAwsErrorRecord, awsError, cmdletClassName, isFlowSignal } from './aws-errors.js';
import { normalized, toSdk, redact, ConversionError, plain, type NS } from './schema-values.js';
import { shapeResponse, pathSelector, SelectError, tag, typeNameFor, type Selector } from './output.js';
import type { AWSCmdletHistory } from './history.js';
import { parameterOverrides, pipelineString, nullableString, requestFixups } from './param-overrides.js';
import { registerServiceModelTypesSoon } from '../model/model-types.js';
import { PSObject } from '../../../runtime/values/objects.js';
import { TYPE_NAME } from './credentials-value.js';

const readVerbs = new Set(['Get', 'Find', 'Search', 'Read', 'Test', 'Select', 'Measure', 'Resolve', 'Show', 'Watch', 'Compare', 'Convert', 'ConvertFrom', 'ConvertTo', 'Format', 'Use']);
// AWS Tools' generator makes only Remove-* cmdlets ConfirmImpact High (its _highImpactVerbs); the rest are Medium,
// so `Get-EC2Instance | Stop-EC2Instance` runs without a prompt under the default $ConfirmPreference.
const highImpactVerbs = new Set(['Remove']);
export const serviceModuleNames: Record<string, string> = {
  S3: 'AWS.Tools.S3', EC2: 'AWS.Tools.EC2', SQS: 'AWS.Tools.SQS', SNS: 'AWS.Tools.SimpleNotificationService', STS: 'AWS.Tools.SecurityToken',
  IAM: 'AWS.Tools.IdentityManagement', CW: 'AWS.Tools.CloudWatch', Common: 'AWS.Tools.Common',
};

export interface ServiceCmdletSpec {
  name: string;
  prefix: string;
  op: string;
  defaultOutput: string;
  pipelineParam: string;
  /** Hand-written cmdlets: what to emit by default instead of a response member. */
  defaultEmit?: (response: Record<string, any>, request: Record<string, any>) => unknown;
}

export function confirmImpactFor(name: string): ConfirmImpact | undefined {
  const verb = name.slice(0, name.indexOf('-'));
  if (readVerbs.has(verb)) return undefined;
  return highImpactVerbs.has(verb) ? 'High' : 'Medium';
}

/** Parameter declarations for an operation (generated members + common parameters). */
export function operationParameters(spec: ServiceCmdletSpec, entry: OperationEntry): ParameterDecl[] {
  const out: ParameterDecl[] = [];
  const pipe = spec.pipelineParam.toLowerCase();
  for (const g of entry.p) {
    const d: ParameterDecl = { name: g.name, type: g.type, valueFromPipelineByPropertyName: true };
    if (g.aliases) d.aliases = g.aliases;
    // AWS.Tools' mandatory parameters also carry AllowNull/AllowEmptyString/AllowEmptyCollection: $null binds (with
    // a warning, below) and the service reports what is missing.
    if (g.required) Object.assign(d, { mandatory: true, allowNull: true, allowEmptyString: true, allowEmptyCollection: true });
    if (g.e) d.argumentCompletions = enumCompletions(spec.prefix, g.e);
    if (pipe && g.name.toLowerCase() === pipe) {
      d.valueFromPipeline = true;
      d.position = 0;
      if (g.type === 'string') d.type = pipelineString([g.name, ...(g.aliases ?? [])]);
    } else if (g.required && g.type === 'string') d.type = nullableString;
    const override = parameterOverrides[spec.name.toLowerCase()]?.[g.name];
    out.push(override ? { ...d, ...override } : d);
  }
  out.push(...serviceCommonParameters(spec.prefix));
  if (spec.pipelineParam) out.push(passThruParameter);
  return out;
}

/**
 * A generated cmdlet's CmdletDecl. 1,200+ of these are made when the AWS module loads, so each is one small object
 * over its table row: parameters are parsed from the table when first read, and the rest is computed on access.
 */
class GeneratedCmdletDecl implements CmdletDecl {
  readonly name: string;
  readonly module: string | undefined;
  private readonly row: CmdletRow;
  private params: ParameterDecl[] | null = null;

  constructor(row: CmdletRow) {
    this.name = row[0];
    this.module = serviceModuleNames[row[1]];
    this.row = row;
  }

  private get spec(): ServiceCmdletSpec {
    const [name, prefix, op, defaultOutput, pipelineParam] = this.row;
    return { name, prefix, op, defaultOutput, pipelineParam };
  }

  get parameters(): ParameterDecl[] {
    if (!this.params) {
      const entry = operationEntry(this.row[1], this.row[2]);
      this.params = entry ? operationParameters(this.spec, entry) : serviceCommonParameters(this.row[1]);
    }
    return this.params;
  }

  get className(): string {
    return cmdletClassName(this.name, this.row[1]);
  }

  get supportsShouldProcess(): boolean {
    return !!confirmImpactFor(this.name);
  }

  get confirmImpact(): ConfirmImpact | undefined {
    return confirmImpactFor(this.name);
  }

  get notes(): string {
    return `This cmdlet calls the ${this.row[1]} operation ${this.row[2]}.`;
  }

  get synopsis(): string {
    return `Calls the ${this.row[2]} operation.`;
  }

  /** The interpreter calls process detached from the decl, so this hands out a bound function. */
  get process(): (ctx: CmdletContext) => Promise<void> {
    const spec = this.spec;
    return (ctx) => runServiceOperation(ctx, spec, (req) => req);
  }
}

/** A CmdletDecl for a generated cmdlet; its parameters are parsed from the table only when first read. */
export function serviceCmdlet(row: CmdletRow): CmdletDecl {
  return new GeneratedCmdletDecl(row);
}

function setPath(target: Record<string, any>, path: string[], value: unknown): void {
  let o = target;
  for (let i = 0; i < path.length - 1; i++) o = o[path[i]!] ??= {};
  o[path[path.length - 1]!] = value;
}

function memberNs(inputNs: NS, path: string[]): NS | null {
  let ns: NS | null = inputNs;
  for (const step of path) {
    if (!ns || !ns.isStructSchema()) return null;
    let found: NS | null = null;
    for (const [m, mns] of ns.structIterator()) if (m === step) found = mns;
    ns = found;
  }
  return ns;
}

export function commonFrom(params: Record<string, any>): CommonAwsParams {
  return {
    Region: params.Region,
    AccessKey: params.AccessKey,
    SecretKey: params.SecretKey,
    SessionToken: params.SessionToken,
    ProfileName: params.ProfileName,
    ProfileLocation: params.ProfileLocation,
    Credential: params.Credential,
    EndpointUrl: params.EndpointUrl,
    ClientConfig: params.ClientConfig,
  };
}

/** Finds a bound parameter's value by its name or alias (for `-Select ^Name`). */
function paramByNameOrAlias(ctx: CmdletContext, decls: ParameterDecl[], name: string): unknown {
  const lower = name.toLowerCase();
  for (const d of decls) {
    if (d.name.toLowerCase() === lower || d.aliases?.some((a) => a.toLowerCase() === lower)) return ctx.params[d.name] ?? null;
  }
  throw awsError('Invalid value for -Select parameter.', 'InvalidArgument', 'System.ArgumentException');
}

/** Adds SDK middleware to a command that records each call in the cmdlet's history entry. */
export function attachHistory(ctx: CmdletContext, command: any, entry: AWSCmdletHistory, inputNs: NS, outputNs: NS, shape: (o: any, i: any) => any): void {
  const buffer = awsState(ctx.session).history;
  if (!buffer.enabled) return;
  command.middlewareStack.add(
    (next: (a: any) => Promise<any>) => async (args: any) => {
      const settings = buffer.settings;
      if (settings.recordServiceRequests) {
        const req = settings.includeSensitiveData ? { ...args.input } : (redact(args.input, inputNs) as Record<string, unknown>);
        const recorded = Object.assign(tag(req, undefined), { InvocationLine: '', LoggedAt: new Date() });
        entry.Requests.Add(recorded);
        entry.LastServiceRequest = recorded;
      }
      try {
        const result = await next(args);
        const shaped = shape(result.output, args.input);
        const copy = settings.includeSensitiveData ? { ...shaped } : (redact(shaped, outputNs) as Record<string, unknown>);
        for (const s of Object.getOwnPropertySymbols(shaped)) (copy as any)[s] = (shaped as any)[s];
        (copy as any).LoggedAt = new Date();
        entry.Responses.Add(copy);
        entry.LastServiceResponse = copy;
        buffer.push(entry);
        setGlobal(ctx, 'AWSHistory', buffer);
        // hand the shaped response on so it is built once
        result.output = shaped;
        return result;
      } catch (e) {
        entry.Responses.Add(e);
        entry.LastServiceResponse = e;
        buffer.push(entry);
        setGlobal(ctx, 'AWSHistory', buffer);
        throw e;
      }
    },
    { step: 'initialize', name: 'awshHistory', override: true },
  );
}

export type RequestHook = (request: Record<string, any>, ctx: CmdletContext, svc: ServiceClient) => Record<string, any> | Promise<Record<string, any>>;

/** Runs one invocation of a generated cmdlet for the current pipeline item. */
export async function runServiceOperation(ctx: CmdletContext, spec: ServiceCmdletSpec, hook: RequestHook): Promise<void> {
  const entryDef = operationEntry(spec.prefix, spec.op);
  const p = ctx.params;
  const history = awsState(ctx.session).history;
  const hEntry = history.startCommand(spec.name);
  let svc: ServiceClient | undefined;
  const target = spec.pipelineParam ? p[spec.pipelineParam] ?? null : null;
  let typesRegistered = noTypesPending;
  let downstreamFailure: unknown = noFailure;
  try {
    // Using a module's cmdlet imports the module, and with it its .NET model types (even if the call then fails).
    typesRegistered = registerServiceModelTypesSoon(spec.prefix, await loadServiceModule(spec.prefix));
    svc = await getServiceClient(ctx, spec.prefix, commonFrom(p));
    const mod = svc.module;
    const opSchema = mod[`${spec.op}$`];
    const Command = mod[`${spec.op}Command`];
    if (!opSchema || !Command) throw awsError(`The SDK has no operation '${spec.op}'.`, 'NotImplemented', 'System.NotSupportedException');
    const inputNs = normalized(typeof opSchema[4] === 'function' ? opSchema[4]() : opSchema[4]);
    const outputNs = normalized(typeof opSchema[5] === 'function' ? opSchema[5]() : opSchema[5]);

    // request
    let input: Record<string, any> = {};
    // AWS Tools loads its context in parameter-name order, warning as it goes.
    const nullRequired = (entryDef?.p ?? []).filter((g) => g.required && g.name in p && (p[g.name] === null || p[g.name] === undefined)).map((g) => g.name);
    for (const name of nullRequired.sort()) {
      ctx.writeWarning(`You are passing $null as a value for parameter ${name} which is marked as required. In case you believe this parameter was incorrectly marked as required, report this by opening an issue at https://github.com/aws/aws-tools-for-powershell/issues.`);
    }
    for (const g of entryDef?.p ?? []) {
      if (!(g.name in p)) continue;
      const v = p[g.name];
      if ((v === null || v === undefined) && g.required) continue;
      const ns = memberNs(inputNs, g.path);
      try {
        const converted = ns ? toSdk(v, ns, g.name) : plain(v);
        if (converted !== undefined) setPath(input, g.path, converted);
      } catch (e) {
        if (e instanceof ConversionError) throw awsError(e.message, 'InvalidArgument', 'System.ArgumentException');
        throw e;
      }
    }

    // -Select
    const decls = (ctx as unknown as { decl?: CmdletDecl }).decl?.parameters ?? [];
    let select = typeof p.Select === 'string' && p.Select ? p.Select : p.PassThru && spec.pipelineParam ? `^${spec.pipelineParam}` : spec.defaultOutput;
    let selector: Selector | null = null;
    let itemType: string | undefined;
    let echo: { value: unknown } | null = null;
    if (select === '*') selector = (r) => r;
    else if (select.startsWith('^')) {
      const name = select.slice(1);
      const allDecls = decls.length ? decls : operationParameters(spec, entryDef ?? { p: [] });
      echo = { value: paramByNameOrAlias(ctx, allDecls, name) };
    } else if (select && !select.startsWith('(') && !select.startsWith('Amazon.')) {
      try {
        const s = pathSelector(spec.prefix, select, outputNs);
        selector = s.select;
        itemType = s.itemType;
      } catch (e) {
        if (e instanceof SelectError) throw awsError(e.message, 'InvalidArgument', 'System.ArgumentException');
        throw e;
      }
    } else select = '';
    if (spec.defaultEmit && !(typeof p.Select === 'string' && p.Select) && !echo) {
      const make = spec.defaultEmit;
      selector = (r) => make(r, input);
    }

    // confirmation
    if (spec.name && confirmImpactFor(spec.name) && !p.Force) {
      const shown = target ?? firstRequiredValue(entryDef, p) ?? '';
      const ok = await ctx.shouldProcess(String(shown), `${spec.name} (${spec.op})`);
      if (!ok) return;
    }
    input = await hook(input, ctx, svc);
    requestFixups[`${spec.prefix}.${spec.op}`]?.(input);

    // What a downstream command throws (a script's `throw`, say) comes back through ctx.write: it is theirs to
    // report, not a failure of this service call, so the catch below passes it on untouched.
    const write = (item: unknown): void | Promise<void> => {
      try {
        const r = ctx.write(item);
        if (r) return r.catch((e) => { throw (downstreamFailure = e); });
      } catch (e) {
        throw (downstreamFailure = e);
      }
    };
    const shape = (o: any, i: any) => (o && o.ResponseMetadata && !o.$metadata ? o : shapeResponse(spec.prefix, spec.op, o ?? {}, i, outputNs));
    // A page's items go downstream synchronously, one by one; only when the next command went async for an item
    // does this wait for it (so a slow consumer holds up paging instead of queueing every page).
    const emitItems = (items: unknown[], from: number): void | Promise<void> => {
      for (let i = from; i < items.length; i++) {
        const item = items[i] as Record<string | symbol, unknown>;
        if (itemType && item[TYPE_NAME] !== itemType) tag(item, itemType);
        hEntry.EmittedObjectsCount++;
        const r = write(item);
        if (r) return r.then(() => emitItems(items, i + 1));
      }
    };
    const emit = (response: Record<string, any>): void | Promise<void> => {
      if (echo || !selector) return;
      const selected = selector(response);
      typesRegistered();
      if (Array.isArray(selected)) return emitItems(selected, 0);
      if (selected !== null && selected !== undefined) {
        hEntry.EmittedObjectsCount++;
        return write(selected);
      }
    };

    const paging = entryDef?.paging;
    const userPages =
      !paging || p.NoAutoIteration || (paging.size && input[paging.size] !== undefined) || input[paging.in] !== undefined;
    const send = async (req: Record<string, any>) => {
      const cmd = new Command(req);
      attachHistory(ctx, cmd, hEntry, inputNs, outputNs, shape);
      const r = await svc!.client.send(cmd, { abortSignal: ctx.signal });
      return shape(r, req);
    };
    if (userPages) {
      await emit(await send(input));
    } else if (paging!.paginator && typeof mod[`paginate${spec.op}`] === 'function') {
      const pages = mod[`paginate${spec.op}`](
        { client: svc.client, withCommand: (cmd: any) => (attachHistory(ctx, cmd, hEntry, inputNs, outputNs, shape), cmd) },
        input,
        { abortSignal: ctx.signal },
      );
      for await (const page of pages) await emit(shape(page, input));
    } else {
      // Token/marker members without an SDK paginator (e.g. S3 ListObjects): follow the token ourselves.
      let req = input;
      for (let guard = 0; guard < 1_000_000; guard++) {
        const res = await send(req);
        await emit(res);
        const token = res[paging!.out];
        if (token === undefined || token === null || token === '' || (paging!.truncated && res[paging!.truncated] === false)) break;
        if (token === req[paging!.in]) break;
        req = { ...req, [paging!.in]: token };
      }
    }
    if (echo) {
      typesRegistered();
      hEntry.EmittedObjectsCount++;
      await write(echo.value);
    }
  } catch (e) {
    // Pipeline flow signals (Select-Object -First stopping upstream, break, exit) are not errors: pass them on.
    if (isFlowSignal(e) || e === downstreamFailure) throw e;
    const rec = toAwsErrorRecord(e, spec.name, spec.prefix, target, svc?.endpoint);
    ctx.throwTerminating(rec);
  } finally {
    typesRegistered();
    hEntry.CmdletEnd = new Date();
    if (history.Commands.includes(hEntry)) history.refresh();
  }
}

function noTypesPending(): void {}
const noFailure = Symbol('noFailure');

function firstRequiredValue(entry: OperationEntry | undefined, p: Record<string, any>): unknown {
  for (const g of entry?.p ?? []) if (g.required && p[g.name] !== undefined) return p[g.name];
  return null;
}

export { cmdletClassName, typeNameFor, PSObject };
