// Control-flow signals. They are thrown through JS frames but are not Errors (no stack capture: they are hot),
// and try/catch in scripts never catches them.

export class BreakSignal {
  constructor(readonly label: string | null) {}
}

export class ContinueSignal {
  constructor(readonly label: string | null) {}
}

/** `return`: the value was already written to the output. */
export class ReturnSignal {}
export const RETURN = new ReturnSignal();

/** `return` in a class method: ends the method with this value (method bodies write no output). */
export class MethodReturn {
  constructor(readonly value: unknown) {}
}

/** `exit N`. */
export class ExitSignal {
  constructor(readonly code: number) {}
}

/** Thrown by a command (Select-Object -First) that needs no more input: the pipeline stops its upstream commands. */
export class StopUpstreamCommand {
  constructor(readonly processor: unknown) {}
}

/** Ctrl+C / AbortSignal: the whole pipeline stops. */
export class PipelineStoppedSignal {}

export function isFlowSignal(e: unknown): boolean {
  return (
    e instanceof BreakSignal ||
    e instanceof ContinueSignal ||
    e instanceof ReturnSignal ||
    e instanceof MethodReturn ||
    e instanceof ExitSignal ||
    e instanceof StopUpstreamCommand ||
    e instanceof PipelineStoppedSignal
  );
}

export function isPromise(v: unknown): v is Promise<unknown> {
  return v instanceof Promise;
}

/** Marks "no value" for statements such as `[void]...` or `$x++` that write nothing. */
export const NO_OUTPUT: unique symbol = Symbol('awsh.noOutput');
