import { describe, expect, it } from 'vitest';
import { getViewDefinition, listViews } from '../../../../emulator/views/index';
import { layoutColumns, MAX_DEPTH, MAX_NODES, parseTemplate } from './template';

describe('parseTemplate', () => {
  it('parses every emulator view template (object and JSON string)', () => {
    for (const name of listViews()) {
      const def = getViewDefinition(name);
      const fromString = parseTemplate(JSON.stringify(def?.Template));
      const fromObject = parseTemplate(def?.Template);
      expect(fromString.ok, name).toBe(true);
      expect(fromObject).toEqual(fromString);
      if (fromString.ok) expect(fromString.template.body.length, name).toBeGreaterThan(0);
    }
  });

  it('keeps structure, unknown types, string content and configuration', () => {
    const result = parseTemplate({
      Head: { Title: 'T', Configuration: { Layout: { Columns: ['10', '2'] } } },
      Body: [
        { _id: 'a', Type: 'Container', Props: { Heading: '$.H' }, Content: [{ Type: 'Mystery', Props: {} }, 'text', 7, null, { no: 'type' }] },
        'stray text at top level',
      ],
    });
    expect(result).toEqual({
      ok: true,
      template: {
        title: 'T',
        configuration: { Layout: { Columns: ['10', '2'] } },
        body: [{ id: 'a', type: 'Container', props: { Heading: '$.H' }, content: [{ type: 'Mystery', props: {}, content: [] }, 'text', '7'] }],
      },
    });
  });

  it('refuses what cannot be a template, with a reason', () => {
    expect(parseTemplate('{nope')).toEqual({ ok: false, reason: 'the view template is not valid JSON' });
    expect(parseTemplate('[]')).toEqual({ ok: false, reason: 'the view template is not a JSON object' });
    expect(parseTemplate({ Head: {} })).toEqual({ ok: false, reason: 'the view template has no Body array' });
    expect(parseTemplate(undefined).ok).toBe(false);
  });

  it('caps depth and size', () => {
    let deep: Record<string, unknown> = { Type: 'Container', Props: {} };
    for (let i = 0; i < MAX_DEPTH + 5; i++) deep = { Type: 'Container', Props: {}, Content: [deep] };
    const tooDeep = parseTemplate({ Body: [deep] });
    expect(tooDeep.ok).toBe(false);
    if (!tooDeep.ok) expect(tooDeep.reason).toContain('deeper');
    const wide = parseTemplate({ Body: Array.from({ length: MAX_NODES + 1 }, () => ({ Type: 'TextContent', Props: {} })) });
    expect(wide.ok).toBe(false);
  });
});

describe('layoutColumns', () => {
  it('reads Columns, clamps bad widths to 12', () => {
    expect(layoutColumns({ Layout: { Columns: ['10', '2'] } })).toEqual([10, 2]);
    expect(layoutColumns({ Layout: { Columns: ['0', 'x', 13, 6] } })).toEqual([12, 12, 12, 6]);
    expect(layoutColumns({ Layout: { Columns: [] } })).toBeUndefined();
    expect(layoutColumns('nope')).toBeUndefined();
  });
});
