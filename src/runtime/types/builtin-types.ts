// The builtin type table: names, accelerators, base types and enums. Loaded on the first type resolution.
import { loadDelegateTypes } from './delegates.js';
import { exceptionBaseTypes } from '../errors.js';
import { NO_CONVERSION, defineType, setBuiltinsLoader, type TypeDef } from './ps-type.js';
import { stopwatchTypeDef } from './stopwatch.js';
import { psTypeNameTypeDef } from './ps-type-name.js';
import { TYPE_NAME } from './simple-values.js';
import { xmlTypeDefs } from './xml-types.js';
import { ScriptBlock } from '../interpreter/scriptblock.js';

const VT = 'System.ValueType';

const simple: TypeDef[] = [
  { fullName: 'System.Object', baseType: null, accelerators: ['object'] },
  { fullName: 'System.ValueType' },
  { fullName: 'System.Enum', baseType: VT },
  { fullName: 'System.Int32', baseType: VT, isValueType: true, accelerators: ['int', 'int32'] },
  { fullName: 'System.Int64', baseType: VT, isValueType: true, accelerators: ['long', 'int64'] },
  { fullName: 'System.Double', baseType: VT, isValueType: true, accelerators: ['double'] },
  { fullName: 'System.Single', baseType: VT, isValueType: true, accelerators: ['float', 'single'] },
  { fullName: 'System.Decimal', baseType: VT, isValueType: true, accelerators: ['decimal'] },
  { fullName: 'System.Byte', baseType: VT, isValueType: true, accelerators: ['byte'] },
  { fullName: 'System.SByte', baseType: VT, isValueType: true, accelerators: ['sbyte'] },
  { fullName: 'System.Int16', baseType: VT, isValueType: true, accelerators: ['short', 'int16'] },
  { fullName: 'System.UInt16', baseType: VT, isValueType: true, accelerators: ['ushort', 'uint16'] },
  { fullName: 'System.UInt32', baseType: VT, isValueType: true, accelerators: ['uint', 'uint32'] },
  { fullName: 'System.UInt64', baseType: VT, isValueType: true, accelerators: ['ulong', 'uint64'] },
  { fullName: 'System.Numerics.BigInteger', baseType: VT, isValueType: true, accelerators: ['bigint'] },
  { fullName: 'System.Boolean', baseType: VT, isValueType: true, accelerators: ['bool', 'boolean'] },
  { fullName: 'System.Char', baseType: VT, isValueType: true, accelerators: ['char'] },
  { fullName: 'System.String', accelerators: ['string'] },
  { fullName: 'System.DateTime', baseType: VT, isValueType: true, accelerators: ['datetime'] },
  { fullName: 'System.DateTimeOffset', baseType: VT, isValueType: true },
  { fullName: 'System.TimeSpan', baseType: VT, isValueType: true, accelerators: ['timespan'] },
  { fullName: 'System.Guid', baseType: VT, isValueType: true, accelerators: ['guid'] },
  { fullName: 'System.Text.RegularExpressions.Regex', accelerators: ['regex'] },
  { fullName: 'System.Text.RegularExpressions.Match', baseType: 'System.Text.RegularExpressions.Group' },
  { fullName: 'System.Text.RegularExpressions.Group', baseType: 'System.Text.RegularExpressions.Capture' },
  { fullName: 'System.Text.RegularExpressions.Capture' },
  { fullName: 'System.Text.RegularExpressions.MatchCollection' },
  { fullName: 'System.Collections.Hashtable', accelerators: ['hashtable'], interfaces: ['System.Collections.IDictionary', 'System.Collections.ICollection', 'System.Collections.IEnumerable'] },
  { fullName: 'System.Collections.Specialized.OrderedDictionary', accelerators: ['ordered'], interfaces: ['System.Collections.IDictionary', 'System.Collections.Specialized.IOrderedDictionary', 'System.Collections.ICollection', 'System.Collections.IEnumerable'] },
  { fullName: 'System.Collections.DictionaryEntry', baseType: VT, isValueType: true },
  { fullName: 'System.Array', accelerators: ['array'], interfaces: ['System.Collections.IList', 'System.Collections.ICollection', 'System.Collections.IEnumerable'] },
  { fullName: 'System.Management.Automation.PSObject', accelerators: ['psobject', 'pscustomobject'] },
  { fullName: 'System.Management.Automation.PSCustomObject' },
  { fullName: 'System.Management.Automation.PSVariable', accelerators: ['psvariable'] },
  { fullName: 'System.Management.Automation.ScriptBlock', accelerators: ['scriptblock'] },
  { fullName: 'System.Management.Automation.SwitchParameter', baseType: VT, isValueType: true, accelerators: ['switch'] },
  { fullName: 'System.Management.Automation.PSReference', accelerators: ['ref'] },
  { fullName: 'System.Management.Automation.PSCredential', accelerators: ['pscredential'] },
  { fullName: 'System.Management.Automation.ErrorRecord' },
  { fullName: 'System.Management.Automation.InvocationInfo' },
  { fullName: 'System.Management.Automation.ErrorCategoryInfo' },
  { fullName: 'System.Management.Automation.SemanticVersion', accelerators: ['semver'] },
  { fullName: 'System.Management.Automation.PSMemberInfo' },
  // Get-Process's objects: PSObjects carrying this type name.
  { fullName: 'System.Diagnostics.Process' },
  // Command info (Get-Command's objects, $MyInvocation.MyCommand): PSObjects carrying these type names.
  { fullName: 'System.Management.Automation.CommandInfo' },
  { fullName: 'System.Management.Automation.CmdletInfo', baseType: 'System.Management.Automation.CommandInfo' },
  { fullName: 'System.Management.Automation.FunctionInfo', baseType: 'System.Management.Automation.CommandInfo' },
  { fullName: 'System.Management.Automation.FilterInfo', baseType: 'System.Management.Automation.FunctionInfo' },
  { fullName: 'System.Management.Automation.AliasInfo', baseType: 'System.Management.Automation.CommandInfo' },
  { fullName: 'System.Management.Automation.ApplicationInfo', baseType: 'System.Management.Automation.CommandInfo' },
  { fullName: 'System.Management.Automation.ExternalScriptInfo', baseType: 'System.Management.Automation.CommandInfo' },
  { fullName: 'System.Management.Automation.ParameterMetadata' },
  { fullName: 'System.Management.Automation.PSPropertyInfo', baseType: 'System.Management.Automation.PSMemberInfo' },
  { fullName: 'System.Management.Automation.PSNoteProperty', baseType: 'System.Management.Automation.PSPropertyInfo' },
  { fullName: 'System.Management.Automation.PSMemberSet', baseType: 'System.Management.Automation.PSMemberInfo' },
  { fullName: 'System.Security.SecureString', accelerators: ['securestring'] },
  { fullName: 'System.Uri', accelerators: ['uri'] },
  { fullName: 'System.Version', accelerators: ['version'] },
  { fullName: 'System.Math', accelerators: ['math'] },
  { fullName: 'System.Convert', accelerators: ['convert'] },
  { fullName: 'System.Void', baseType: VT, accelerators: ['void'] },
  { fullName: 'System.Type', baseType: 'System.Reflection.MemberInfo', accelerators: ['type'] },
  { fullName: 'System.Reflection.MemberInfo' },
  { fullName: 'System.Reflection.TypeInfo', baseType: 'System.Type' },
  { fullName: 'System.RuntimeType', baseType: 'System.Reflection.TypeInfo' },
  { fullName: 'System.Net.IPAddress', accelerators: ['ipaddress'] },
  { fullName: 'System.Net.Mail.MailAddress', accelerators: ['mailaddress'] },
  { fullName: 'System.Globalization.CultureInfo', accelerators: ['cultureinfo'] },
  { fullName: 'System.Globalization.DateTimeFormatInfo' },
  { fullName: 'System.Globalization.NumberFormatInfo' },
  { fullName: 'System.Globalization.TextInfo' },
  { fullName: 'System.TimeZone' },
  { fullName: 'System.TimeZoneInfo' },
  { fullName: 'System.Text.Encoding' },
  { fullName: 'System.Text.UTF8Encoding', baseType: 'System.Text.Encoding' },
  { fullName: 'System.Text.ASCIIEncoding', baseType: 'System.Text.Encoding' },
  { fullName: 'System.Text.UnicodeEncoding', baseType: 'System.Text.Encoding' },
  { fullName: 'System.Text.UTF32Encoding', baseType: 'System.Text.Encoding' },
  { fullName: 'System.Text.Latin1Encoding', baseType: 'System.Text.Encoding' },
  { fullName: 'System.Text.StringBuilder' },
  { fullName: 'System.StringComparer' },
  { fullName: 'System.Collections.ArrayList', interfaces: ['System.Collections.IList', 'System.Collections.ICollection', 'System.Collections.IEnumerable'] },
  { fullName: 'System.Collections.Queue', interfaces: ['System.Collections.ICollection', 'System.Collections.IEnumerable'] },
  { fullName: 'System.Collections.Stack', interfaces: ['System.Collections.ICollection', 'System.Collections.IEnumerable'] },
  { fullName: 'System.Collections.Generic.List`1', genericArity: 1, interfaces: ['System.Collections.IList', 'System.Collections.ICollection', 'System.Collections.IEnumerable'] },
  { fullName: 'System.Collections.ObjectModel.Collection`1', genericArity: 1, interfaces: ['System.Collections.IList', 'System.Collections.ICollection', 'System.Collections.IEnumerable'] },
  { fullName: 'System.Collections.Generic.Dictionary`2', genericArity: 2, interfaces: ['System.Collections.IDictionary', 'System.Collections.ICollection', 'System.Collections.IEnumerable'] },
  { fullName: 'System.Collections.Generic.SortedDictionary`2', genericArity: 2, interfaces: ['System.Collections.IDictionary', 'System.Collections.ICollection', 'System.Collections.IEnumerable'] },
  { fullName: 'System.Collections.Generic.HashSet`1', genericArity: 1, interfaces: ['System.Collections.ICollection', 'System.Collections.IEnumerable'] },
  { fullName: 'System.Collections.Generic.Queue`1', genericArity: 1, interfaces: ['System.Collections.ICollection', 'System.Collections.IEnumerable'] },
  { fullName: 'System.Collections.Generic.Stack`1', genericArity: 1, interfaces: ['System.Collections.ICollection', 'System.Collections.IEnumerable'] },
  { fullName: 'System.Collections.Generic.KeyValuePair`2', genericArity: 2, baseType: VT },
  { fullName: 'System.Management.Automation.PSBoundParametersDictionary', interfaces: ['System.Collections.IDictionary', 'System.Collections.ICollection', 'System.Collections.IEnumerable'] },
  { fullName: 'System.Nullable`1', genericArity: 1, baseType: VT },
  { fullName: 'System.Collections.IEnumerable', baseType: null },
  { fullName: 'System.Collections.ICollection', baseType: null },
  { fullName: 'System.Collections.IList', baseType: null },
  { fullName: 'System.Collections.IDictionary', baseType: null },
  { fullName: 'System.Collections.Specialized.IOrderedDictionary', baseType: null },
  { fullName: 'System.IComparable', baseType: null },
  { fullName: 'System.IO.Path' },
  { fullName: 'System.IO.File' },
  { fullName: 'System.IO.Directory' },
  { fullName: 'System.IO.FileInfo', baseType: 'System.IO.FileSystemInfo' },
  { fullName: 'System.IO.DirectoryInfo', baseType: 'System.IO.FileSystemInfo' },
  { fullName: 'System.IO.FileSystemInfo' },
  { fullName: 'System.Environment' },
  { fullName: 'System.Management.Automation.Platform' },
  { fullName: 'System.BitConverter' },
  { fullName: 'System.Threading.Thread' },
  stopwatchTypeDef,
  psTypeNameTypeDef,
  { fullName: 'System.Linq.Enumerable' },
  { fullName: 'System.Web.HttpUtility' },
  { fullName: 'System.Net.WebUtility' },
  { fullName: 'System.Console' },
  // Output types of core cmdlets (their objects are PSObjects carrying these type names).
  { fullName: 'Microsoft.PowerShell.Commands.GroupInfo' },
  { fullName: 'Microsoft.PowerShell.Commands.GroupInfoNoElement', baseType: 'Microsoft.PowerShell.Commands.GroupInfo' },
  { fullName: 'Microsoft.PowerShell.Commands.MeasureInfo' },
  { fullName: 'Microsoft.PowerShell.Commands.GenericMeasureInfo', baseType: 'Microsoft.PowerShell.Commands.MeasureInfo' },
  { fullName: 'Microsoft.PowerShell.Commands.TextMeasureInfo', baseType: 'Microsoft.PowerShell.Commands.MeasureInfo' },
  { fullName: 'Microsoft.PowerShell.Commands.MatchInfo' },
  { fullName: 'Microsoft.PowerShell.Commands.ByteCollection' },
  { fullName: 'System.Management.Automation.WildcardPattern', accelerators: ['WildcardPattern'] },
  { fullName: 'System.Management.Automation.Cmdlet' },
  { fullName: 'System.Management.Automation.LanguagePrimitives' },
  { fullName: 'System.Management.Automation.InformationalRecord' },
  { fullName: 'System.Management.Automation.WarningRecord', baseType: 'System.Management.Automation.InformationalRecord' },
  { fullName: 'System.Management.Automation.VerboseRecord', baseType: 'System.Management.Automation.InformationalRecord' },
  { fullName: 'System.Management.Automation.DebugRecord', baseType: 'System.Management.Automation.InformationalRecord' },
  { fullName: 'System.Management.Automation.InformationRecord' },
  // A delegate type: a script block cast to it stays a script block (-replace passes the match as $args[0] too).
  { fullName: 'System.Text.RegularExpressions.MatchEvaluator', baseType: 'System.MulticastDelegate', convert: (v) => (v instanceof ScriptBlock ? v : NO_CONVERSION) },
  { fullName: 'System.DBNull' },
  { fullName: 'System.Management.Automation.Language.NullString', accelerators: ['NullString'] },
  { fullName: 'System.Management.Automation.Internal.AutomationNull' },
  { fullName: 'System.Management.Automation.OrderedHashtable', baseType: 'System.Collections.Hashtable', interfaces: ['System.Collections.IDictionary', 'System.Collections.ICollection', 'System.Collections.IEnumerable'] },
];

const enums: [string, [string, number][], boolean?][] = [
  ['System.Text.RegularExpressions.RegexOptions', [['None', 0], ['IgnoreCase', 1], ['Multiline', 2], ['ExplicitCapture', 4], ['Compiled', 8], ['Singleline', 16], ['IgnorePatternWhitespace', 32], ['RightToLeft', 64], ['ECMAScript', 256], ['CultureInvariant', 512], ['NonBacktracking', 1024]], true],
  ['System.StringComparison', [['CurrentCulture', 0], ['CurrentCultureIgnoreCase', 1], ['InvariantCulture', 2], ['InvariantCultureIgnoreCase', 3], ['Ordinal', 4], ['OrdinalIgnoreCase', 5]]],
  ['System.StringSplitOptions', [['None', 0], ['RemoveEmptyEntries', 1], ['TrimEntries', 2]], true],
  ['System.MidpointRounding', [['ToEven', 0], ['AwayFromZero', 1], ['ToZero', 2], ['ToNegativeInfinity', 3], ['ToPositiveInfinity', 4]]],
  ['System.DayOfWeek', [['Sunday', 0], ['Monday', 1], ['Tuesday', 2], ['Wednesday', 3], ['Thursday', 4], ['Friday', 5], ['Saturday', 6]]],
  ['System.DateTimeKind', [['Unspecified', 0], ['Utc', 1], ['Local', 2]]],
  ['System.Globalization.DateTimeStyles', [['None', 0], ['AllowLeadingWhite', 1], ['AllowTrailingWhite', 2], ['AllowInnerWhite', 4], ['AllowWhiteSpaces', 7], ['NoCurrentDateDefault', 8], ['AdjustToUniversal', 16], ['AssumeLocal', 32], ['AssumeUniversal', 64], ['RoundtripKind', 128]], true],
  ['System.Globalization.NumberStyles', [['None', 0], ['AllowLeadingWhite', 1], ['AllowTrailingWhite', 2], ['AllowLeadingSign', 4], ['Integer', 7], ['AllowTrailingSign', 8], ['AllowParentheses', 16], ['AllowDecimalPoint', 32], ['AllowThousands', 64], ['Number', 111], ['AllowExponent', 128], ['Float', 167], ['AllowCurrencySymbol', 256], ['Currency', 383], ['Any', 511], ['AllowHexSpecifier', 512], ['HexNumber', 515]], true],
  ['System.IO.SearchOption', [['TopDirectoryOnly', 0], ['AllDirectories', 1]]],
  ['System.Text.NormalizationForm', [['FormC', 1], ['FormD', 2], ['FormKC', 5], ['FormKD', 6]]],
  ['System.Base64FormattingOptions', [['None', 0], ['InsertLineBreaks', 1]], true],
  ['System.ConsoleColor', [['Black', 0], ['DarkBlue', 1], ['DarkGreen', 2], ['DarkCyan', 3], ['DarkRed', 4], ['DarkMagenta', 5], ['DarkYellow', 6], ['Gray', 7], ['DarkGray', 8], ['Blue', 9], ['Green', 10], ['Cyan', 11], ['Red', 12], ['Magenta', 13], ['Yellow', 14], ['White', 15]]],
  ['System.Management.Automation.ActionPreference', [['SilentlyContinue', 0], ['Stop', 1], ['Continue', 2], ['Inquire', 3], ['Ignore', 4], ['Suspend', 5], ['Break', 6]]],
  ['System.Management.Automation.ErrorCategory', [['NotSpecified', 0], ['OpenError', 1], ['CloseError', 2], ['DeviceError', 3], ['DeadlockDetected', 4], ['InvalidArgument', 5], ['InvalidData', 6], ['InvalidOperation', 7], ['InvalidResult', 8], ['InvalidType', 9], ['MetadataError', 10], ['NotImplemented', 11], ['NotInstalled', 12], ['ObjectNotFound', 13], ['OperationStopped', 14], ['OperationTimeout', 15], ['SyntaxError', 16], ['ParserError', 17], ['PermissionDenied', 18], ['ResourceBusy', 19], ['ResourceExists', 20], ['ResourceUnavailable', 21], ['ReadError', 22], ['WriteError', 23], ['FromStdErr', 24], ['SecurityError', 25], ['ProtocolError', 26], ['ConnectionError', 27], ['AuthenticationError', 28], ['LimitsExceeded', 29], ['QuotaExceeded', 30], ['NotEnabled', 31]]],
  ['System.Management.Automation.WildcardOptions', [['None', 0], ['Compiled', 1], ['IgnoreCase', 2], ['CultureInvariant', 4]], true],
  ['System.Management.Automation.CommandTypes', [['Alias', 1], ['Function', 2], ['Filter', 4], ['Cmdlet', 8], ['ExternalScript', 16], ['Application', 32], ['Script', 64], ['Configuration', 256], ['All', 383]], true],
  ['System.IO.FileAttributes', [['ReadOnly', 1], ['Hidden', 2], ['System', 4], ['Directory', 16], ['Archive', 32], ['Device', 64], ['Normal', 128], ['Temporary', 256]], true],
  ['System.Management.Automation.CommandTypes', [['Alias', 1], ['Function', 2], ['Filter', 4], ['Cmdlet', 8], ['ExternalScript', 16], ['Application', 32], ['Script', 64], ['Configuration', 256], ['All', 383]], true],
  ['System.Security.AccessControl.AceFlags', [['None', 0], ['ObjectInherit', 1], ['ContainerInherit', 2], ['NoPropagateInherit', 4], ['InheritOnly', 8], ['InheritanceFlags', 15], ['Inherited', 16], ['SuccessfulAccess', 64], ['FailedAccess', 128], ['AuditFlags', 192]], true],
  ['System.Net.HttpStatusCode', [['Continue', 100], ['SwitchingProtocols', 101], ['OK', 200], ['Created', 201], ['Accepted', 202], ['NonAuthoritativeInformation', 203], ['NoContent', 204], ['ResetContent', 205], ['PartialContent', 206], ['MultipleChoices', 300], ['MovedPermanently', 301], ['Found', 302], ['SeeOther', 303], ['NotModified', 304], ['UseProxy', 305], ['TemporaryRedirect', 307], ['PermanentRedirect', 308], ['BadRequest', 400], ['Unauthorized', 401], ['PaymentRequired', 402], ['Forbidden', 403], ['NotFound', 404], ['MethodNotAllowed', 405], ['NotAcceptable', 406], ['ProxyAuthenticationRequired', 407], ['RequestTimeout', 408], ['Conflict', 409], ['Gone', 410], ['LengthRequired', 411], ['PreconditionFailed', 412], ['RequestEntityTooLarge', 413], ['RequestUriTooLong', 414], ['UnsupportedMediaType', 415], ['RequestedRangeNotSatisfiable', 416], ['ExpectationFailed', 417], ['MisdirectedRequest', 421], ['UnprocessableEntity', 422], ['Locked', 423], ['FailedDependency', 424], ['UpgradeRequired', 426], ['PreconditionRequired', 428], ['TooManyRequests', 429], ['RequestHeaderFieldsTooLarge', 431], ['UnavailableForLegalReasons', 451], ['InternalServerError', 500], ['NotImplemented', 501], ['BadGateway', 502], ['ServiceUnavailable', 503], ['GatewayTimeout', 504], ['HttpVersionNotSupported', 505]]],
  ['Microsoft.PowerShell.Commands.WebRequestMethod', [['Default', 0], ['Get', 1], ['Head', 2], ['Post', 3], ['Put', 4], ['Delete', 5], ['Trace', 6], ['Options', 7], ['Merge', 8], ['Patch', 9]]],
  ['System.Reflection.MemberTypes', [['Constructor', 1], ['Event', 2], ['Field', 4], ['Method', 8], ['Property', 16], ['TypeInfo', 32], ['Custom', 64], ['NestedType', 128], ['All', 191]], true],
  ['System.Management.Automation.Runspaces.PipelineState', [['NotStarted', 0], ['Running', 1], ['Stopping', 2], ['Stopped', 3], ['Completed', 4], ['Failed', 5], ['Disconnected', 6]]],
  ['System.Environment+SpecialFolder', [['Desktop', 0], ['MyDocuments', 5], ['ApplicationData', 26], ['LocalApplicationData', 28], ['UserProfile', 40], ['CommonApplicationData', 35]]],
];

/** Host.Coordinates: a struct of two Int32s (X, Y), made from a hashtable or `new(x, y)`. */
function coordinates(): TypeDef {
  const fullName = 'System.Management.Automation.Host.Coordinates';
  return {
    fullName, baseType: VT, isValueType: true,
    properties: [{ name: 'X', type: 'System.Int32' }, { name: 'Y', type: 'System.Int32' }],
    construct: (args) => {
      const o: Record<string | symbol, unknown> = { X: args[0] ?? 0, Y: args[1] ?? 0 };
      Object.defineProperty(o, TYPE_NAME, { value: fullName, enumerable: false });
      return o;
    },
  };
}

export function loadBuiltinTypes(): void {
  for (const d of simple) defineType(d);
  for (const d of xmlTypeDefs) defineType(d);
  defineType(coordinates());
  defineType({ fullName: 'System.Tuple' });
  for (let n = 1; n <= 7; n++) defineType({ fullName: `System.Tuple\`${n}`, genericArity: n, interfaces: ['System.Runtime.CompilerServices.ITuple'] });
  for (const [fullName, values, flags] of enums) {
    const accel = fullName === 'System.Environment+SpecialFolder' ? ['System.Environment.SpecialFolder'] : undefined;
    defineType({ fullName, baseType: 'System.Enum', enumValues: values, flags: !!flags, isValueType: true, accelerators: accel });
  }
  loadDelegateTypes();
  // Exception types: the hierarchy is errors.ts's table (shared with typed catch).
  for (const [name, base] of Object.entries(exceptionBaseTypes)) defineType({ fullName: name, baseType: base });
}

setBuiltinsLoader(loadBuiltinTypes);
