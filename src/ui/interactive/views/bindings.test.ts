import { describe, expect, it } from 'vitest';
import { isBinding, isHidden, resolveBinding, resolveValue } from './bindings';
import { parseViewData } from './view-data';

const data = { Name: 'Jane', Cards: [{ Summary: { Heading: 'Billing' } }], 'odd key': 1, Nested: { List: [10, 20] } };

describe('bindings', () => {
  it('recognizes exactly $, $.Path, @, @.Path', () => {
    for (const yes of ['$', '@', '$.Name', '@.Id', '$.Cards[0].Summary.Heading', '$["odd key"]', ' $.Name ']) expect(isBinding(yes), yes).toBe(true);
    for (const no of ['costs $.50', '$.', '$..a', 'Name', '$.Na me', 'a$.b', '$[x]', 42]) expect(isBinding(no), String(no)).toBe(false);
  });

  it('resolves from the root ($) and from the ForEach element (@)', () => {
    expect(resolveBinding('$.Cards[0].Summary.Heading', data)).toBe('Billing');
    expect(resolveBinding('$.Nested.List[1]', data)).toBe(20);
    expect(resolveBinding('$["odd key"]', data)).toBe(1);
    expect(resolveBinding('$', data)).toBe(data);
    expect(resolveBinding('@', data, 'element')).toBe('element');
    expect(resolveBinding('@.Id', data, { Id: 'x' })).toBe('x');
    expect(resolveBinding('$.Missing.Deeper', data)).toBeUndefined();
    expect(resolveBinding('$.Name[0]', data)).toBeUndefined();
    expect(resolveBinding('$.Cards.Summary', data)).toBeUndefined();
  });

  it('never reaches prototypes', () => {
    expect(resolveBinding('$.constructor', data)).toBeUndefined();
    expect(resolveBinding('$.__proto__', data)).toBeUndefined();
    expect(resolveBinding('$.Name.length', data)).toBeUndefined();
  });

  it('resolveValue replaces deeply and drops what does not resolve', () => {
    expect(resolveValue({ A: '$.Name', B: ['$.Missing', 'lit', '@.Id'], C: { D: '$.Nested.List' }, E: 3 }, data, { Id: 'i' })).toEqual({
      A: 'Jane',
      B: ['lit', 'i'],
      C: { D: [10, 20] },
      E: 3,
    });
  });

  it('resolveValue does not let "__proto__" keys set a prototype', () => {
    const hostile = JSON.parse('{"__proto__":{"polluted":true},"ok":1}') as unknown;
    const out = resolveValue(hostile, {}) as Record<string, unknown>;
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(out.ok).toBe(1);
  });

  it('isHidden', () => {
    for (const hidden of [undefined, null, false, '', []]) expect(isHidden(hidden)).toBe(true);
    for (const shown of [true, 'x', 0, {}, [1]]) expect(isHidden(shown)).toBe(false);
  });
});

describe('parseViewData', () => {
  it('parses a JSON string and nested JSON strings that look like objects or arrays', () => {
    expect(parseViewData('{"A":"[1,2]","B":"{\\"c\\":1}","C":"2024","D":"true","E":"{broken"}')).toEqual({
      A: [1, 2],
      B: { c: 1 },
      C: '2024',
      D: 'true',
      E: '{broken',
    });
  });

  it('objects pass through; anything else becomes {}', () => {
    expect(parseViewData({ A: 1 })).toEqual({ A: 1 });
    for (const bad of ['not json', '[1]', 'null', 7, null, undefined, [1]]) expect(parseViewData(bad)).toEqual({});
  });

  it('drops a __proto__ key', () => {
    const out = parseViewData('{"__proto__":{"polluted":true},"A":1}');
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
    expect(out).toEqual({ A: 1 });
  });
});
