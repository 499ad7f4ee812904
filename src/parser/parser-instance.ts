// Re-export of the parser class under a value name (keeps index.ts free of a type/value name clash).
export { PsParser as PsParserClass } from './parser.js';
