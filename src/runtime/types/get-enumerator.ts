// GetEnumerator() on collections, strings and dictionaries: enumerator objects named as .NET names them.
import { CollectionEnumerator, DictionaryEnumerator } from '../interpreter/enumerators.js';
import { PSHashtable, PSOrderedHashtable } from '../values/objects.js';
import { PSChar } from '../values/numbers.js';
import { PSDictionary, PSHashSet, PSList, PSQueue, PSStack } from './collections.js';
import { DictionaryEntry, KeyValuePair } from './simple-values.js';

/** Arrays and lists. The enumerator reads the list itself, so it sees changes made while it runs. */
export function listEnumerator(list: unknown[]): CollectionEnumerator {
  // .NET's Array.GetEnumerator() for a one-dimensional, zero-based array.
  let typeName = 'System.SZArrayEnumerator';
  if (list instanceof PSList) {
    typeName = list.elementType ? 'System.Collections.Generic.List`1+Enumerator' : 'System.Collections.ArrayList+ArrayListEnumeratorSimple';
  }
  return new CollectionEnumerator(list, typeName);
}

/** HashSet[T], Queue[T]/Queue and Stack[T]/Stack: their items (a stack's top first) as they are at the call. */
export function setEnumerator(c: PSHashSet | PSQueue | PSStack): CollectionEnumerator {
  const kind = c instanceof PSHashSet ? 'HashSet' : c instanceof PSQueue ? 'Queue' : 'Stack';
  const typeName = c.elementType || kind === 'HashSet' ? `System.Collections.Generic.${kind}\`1+Enumerator` : `System.Collections.${kind}+${kind}Enumerator`;
  return new CollectionEnumerator([...c], typeName);
}

/** String.GetEnumerator(): its characters, as [char]. */
export function charEnumerator(s: string): CollectionEnumerator {
  return new CollectionEnumerator(Array.from(s, (c) => new PSChar(c.charCodeAt(0))), 'System.CharEnumerator');
}

/**
 * Hashtables and ordered dictionaries give DictionaryEntry items (an IDictionaryEnumerator); a generic
 * Dictionary[K,V] gives KeyValuePairs. The entries are those at the call.
 */
export function dictionaryEnumerator(h: PSHashtable): CollectionEnumerator {
  if (h instanceof PSDictionary) {
    const pairs = [...h.entries()].map(([k, v]) => new KeyValuePair(k, v));
    return new CollectionEnumerator(pairs, `System.Collections.Generic.${h.sorted ? 'SortedDictionary' : 'Dictionary'}\`2+Enumerator`);
  }
  const entries = [...h.entries()].map(([k, v]) => new DictionaryEntry(k, v));
  const ordered = h.ordered || h instanceof PSOrderedHashtable;
  return new DictionaryEnumerator(entries, ordered ? 'System.Collections.Specialized.OrderedDictionary+OrderedDictionaryEnumerator' : 'System.Collections.Hashtable+HashtableEnumerator');
}
